#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <anketa/output.h>

struct anketa_output {
    FILE *fp;
    char *path;     /* NULL for stdout */
    char *tmp;
};

struct anketa_output *anketa_output_open(const char *path, struct anketa_error *err)
{
    struct anketa_output *out = calloc(1, sizeof *out);
    if (out == NULL) {
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    if (path == NULL || strcmp(path, "-") == 0) {
        out->fp = stdout;
        return out;
    }
    /* A device or a pipe (-o /dev/null, -o /dev/stderr, a FIFO) is written
     * in place: a rename would put a regular file where it was. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if ((out->path = strdup(path)) == NULL || (out->fp = fopen(path, "wb")) == NULL) {
            anketa_error_at(err, out->path ? ANKETA_ERR_IO : ANKETA_ERR_NOMEM, path, 0, 0, "%s",
                            strerror(errno));
            anketa_output_abort(out);
            return NULL;
        }
        return out;
    }
    size_t n = strlen(path);
    out->path = strdup(path);
    out->tmp = malloc(n + 32);
    if (out->path == NULL || out->tmp == NULL) {
        anketa_output_abort(out);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    /* A name of this process's own: mkstemp's random names cost ten times
     * more per file, which counts when writing thousands of codes. */
    snprintf(out->tmp, n + 32, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(out->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "cannot create: %s", strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        anketa_output_abort(out);
        return NULL;
    }
    out->fp = fdopen(fd, "wb");
    if (out->fp == NULL) {
        close(fd);
        anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
        anketa_output_abort(out);
        return NULL;
    }
    return out;
}

FILE *anketa_output_stream(struct anketa_output *out)
{
    return out->fp;
}

int anketa_stream_check(FILE *fp, const char *name, struct anketa_error *err)
{
    if (fflush(fp) != 0 || ferror(fp))
        return anketa_error_at(err, ANKETA_ERR_IO, name, 0, 0, "write error: %s",
                               strerror(errno ? errno : EIO));
    return 0;
}

int anketa_output_commit(struct anketa_output *out, struct anketa_error *err)
{
    int rc = 0;
    if (out->path == NULL) {
        rc = anketa_stream_check(out->fp, "(stdout)", err);
        free(out);
        return rc;
    }
    errno = 0;
    if (fflush(out->fp) != 0 || ferror(out->fp)) {
        rc = anketa_error_at(err, ANKETA_ERR_IO, out->path, 0, 0, "write error: %s",
                             strerror(errno ? errno : EIO));
        fclose(out->fp);
    } else if (fclose(out->fp) != 0) {
        rc = anketa_error_at(err, ANKETA_ERR_IO, out->path, 0, 0, "close: %s", strerror(errno));
    } else if (out->tmp != NULL && rename(out->tmp, out->path) != 0) {
        rc = anketa_error_at(err, ANKETA_ERR_IO, out->path, 0, 0, "rename: %s", strerror(errno));
    }
    out->fp = NULL;
    if (rc != 0 && out->tmp != NULL)
        unlink(out->tmp);
    free(out->tmp);
    free(out->path);
    free(out);
    return rc;
}

void anketa_output_abort(struct anketa_output *out)
{
    if (out == NULL)
        return;
    if (out->path != NULL && out->fp != NULL)
        fclose(out->fp);
    if (out->tmp != NULL)
        unlink(out->tmp);
    free(out->tmp);
    free(out->path);
    free(out);
}
