/* Atomic outputs: the old file stays whole until a good commit; an abort or
 * a failed write leaves it as it was and no temporary file behind. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <anketa/output.h>

#include "check.h"

static char dir[] = "/tmp/anketa-output-XXXXXX";

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static int files_in_dir(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

int main(void)
{
    struct anketa_error err;
    char path[256];
    if (mkdtemp(dir) == NULL)
        return 1;
    snprintf(path, sizeof path, "%s/out.csv", dir);

    /* A device is written in place, never replaced by a renamed file. */
    struct stat st;
    struct anketa_output *dev = anketa_output_open("/dev/null", &err);
    CHECK(dev != NULL);
    if (dev) {
        fputs("gone\n", anketa_output_stream(dev));
        CHECK(anketa_output_commit(dev, &err) == 0);
    }
    CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));

    struct anketa_output *out = anketa_output_open(path, &err);
    fputs("old\n", anketa_output_stream(out));
    CHECK(anketa_output_commit(out, &err) == 0);
    CHECK_STR(slurp(path), "old\n");

    out = anketa_output_open(path, &err);
    fputs("half-written", anketa_output_stream(out));
    fflush(anketa_output_stream(out));
    CHECK_STR(slurp(path), "old\n"); /* while writing, the old file is whole */
    anketa_output_abort(out);
    CHECK_STR(slurp(path), "old\n");
    CHECK(files_in_dir() == 1);

    out = anketa_output_open(path, &err);
    fputs("new\n", anketa_output_stream(out));
    CHECK(anketa_output_commit(out, &err) == 0);
    CHECK_STR(slurp(path), "new\n");
    CHECK(files_in_dir() == 1);

    CHECK(anketa_output_open("/nonexistent-dir/x.csv", &err) == NULL);
    CHECK(strstr(err.message, "/nonexistent-dir/x.csv: cannot create") != NULL);

    unlink(path);
    rmdir(dir);
    return check_summary();
}
