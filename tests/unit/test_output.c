/* Atomic outputs: the old file stays whole until a good commit; an abort or
 * a failed write leaves it as it was and no temporary file behind. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <errno.h>

#include <anketa/output.h>

#include "output_int.h"

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


/* Writes text to path through an output and commits it. */
static int put(const char *path, const char *text)
{
    struct anketa_error err;
    struct anketa_output *o = anketa_output_open(path, &err);
    if (o == NULL)
        return -1;
    fputs(text, anketa_output_stream(o));
    return anketa_output_commit(o, &err);
}

/* A symbolic link is written at its target and stays a link. */
static void test_symlinks(void)
{
    char target[300], link[300], dangling[300], where[300];
    snprintf(target, sizeof target, "%s/target.csv", dir);
    snprintf(link, sizeof link, "%s/link.csv", dir);
    snprintf(dangling, sizeof dangling, "%s/dangling.csv", dir);
    snprintf(where, sizeof where, "%s/made-by-link.csv", dir);
    CHECK(put(target, "old\n") == 0);
    CHECK(symlink("target.csv", link) == 0);
    CHECK(put(link, "through the link\n") == 0);
    struct stat st;
    CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
    CHECK_STR(slurp(target), "through the link\n");
    /* A dangling link makes its target. */
    CHECK(symlink("made-by-link.csv", dangling) == 0);
    CHECK(put(dangling, "made\n") == 0);
    CHECK(lstat(dangling, &st) == 0 && S_ISLNK(st.st_mode));
    CHECK_STR(slurp(where), "made\n");
    /* A link to a device is written in place. */
    char devlink[300];
    snprintf(devlink, sizeof devlink, "%s/null", dir);
    CHECK(symlink("/dev/null", devlink) == 0);
    CHECK(put(devlink, "gone\n") == 0);
    CHECK(lstat(devlink, &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    unlink(link);
    unlink(dangling);
    unlink(devlink);
    unlink(target);
    unlink(where);
}

/* A link planted where a temporary used to be named (<out>.tmp.<pid>, opened
 * with O_CREAT|O_TRUNC) redirected the output onto another file. */
static void test_planted(void)
{
    char victim[300], out[300], planted[400];
    snprintf(victim, sizeof victim, "%s/victim", dir);
    snprintf(out, sizeof out, "%s/planted.csv", dir);
    snprintf(planted, sizeof planted, "%s.tmp.%ld", out, (long)getpid());
    CHECK(put(victim, "precious\n") == 0);
    CHECK(symlink("victim", planted) == 0);
    CHECK(put(out, "output\n") == 0);
    CHECK_STR(slurp(victim), "precious\n");
    CHECK_STR(slurp(out), "output\n");
    unlink(planted);
    unlink(out);
    unlink(victim);
}

/* Outputs of one run: a failure of one (here a full device) puts none in place. */
static void test_commit_all(void)
{
    struct anketa_error err;
    char a[300], b[300];
    snprintf(a, sizeof a, "%s/a.csv", dir);
    snprintf(b, sizeof b, "%s/b.csv", dir);
    CHECK(put(a, "old a\n") == 0);
    CHECK(put(b, "old b\n") == 0);
    struct anketa_output *outs[3] = {
        anketa_output_open(a, &err), anketa_output_open("/dev/full", &err),
        anketa_output_open(b, &err)
    };
    for (int i = 0; i < 3; i++)
        fputs("new\n", anketa_output_stream(outs[i]));
    CHECK(anketa_output_commit_all(outs, 3, &err) != 0);
    CHECK(strstr(err.message, "/dev/full: write error") != NULL);
    CHECK(strstr(err.message, "; nothing written") != NULL);
    CHECK(outs[0] == NULL && outs[1] == NULL && outs[2] == NULL);
    CHECK_STR(slurp(a), "old a\n");
    CHECK_STR(slurp(b), "old b\n");
    CHECK(files_in_dir() == 2);
    struct anketa_output *both[2] = { anketa_output_open(a, &err), anketa_output_open(b, &err) };
    fputs("new a\n", anketa_output_stream(both[0]));
    fputs("new b\n", anketa_output_stream(both[1]));
    CHECK(anketa_output_commit_all(both, 2, &err) == 0);
    CHECK_STR(slurp(a), "new a\n");
    CHECK_STR(slurp(b), "new b\n");
    /* A rename that fails after another worked (its folder removed during
     * the run): the message says which output was written and which not. */
    char sub[300], c[400];
    snprintf(sub, sizeof sub, "%s/gone", dir);
    snprintf(c, sizeof c, "%s/c.csv", sub);
    CHECK(mkdir(sub, 0777) == 0);
    struct anketa_output *pair[2] = { anketa_output_open(a, &err), anketa_output_open(c, &err) };
    CHECK(pair[0] != NULL && pair[1] != NULL);
    CHECK(rmdir(sub) == 0);
    fputs("newer a\n", anketa_output_stream(pair[0]));
    fputs("c\n", anketa_output_stream(pair[1]));
    CHECK(anketa_output_commit_all(pair, 2, &err) != 0);
    CHECK(strstr(err.message, "/a.csv; not written: ") != NULL);
    CHECK(strstr(err.message, "; written: ") != NULL && strstr(err.message, "/gone/c.csv") != NULL);
    CHECK_STR(slurp(a), "newer a\n");
    /* The mode of the file replaced is kept. */
    CHECK(chmod(a, 0600) == 0);
    CHECK(put(a, "private\n") == 0);
    struct stat st;
    CHECK(stat(a, &st) == 0 && (st.st_mode & 0777) == 0600);
    unlink(a);
    unlink(b);
}

/* Two paths of one run naming one file are refused, whatever their spelling. */
static void test_paths_check(void)
{
    struct anketa_error err;
    char in[300], alias[300], out[300], out2[300];
    snprintf(in, sizeof in, "%s/in.csv", dir);
    snprintf(alias, sizeof alias, "%s/./alias.csv", dir);
    snprintf(out, sizeof out, "%s/new.csv", dir);
    snprintf(out2, sizeof out2, "%s/../%s/new.csv", dir, strrchr(dir, '/') + 1);
    CHECK(put(in, "x\n") == 0);
    CHECK(symlink("in.csv", alias) == 0);
    struct anketa_path_use same_input[] = { { in, "an input", 0 }, { alias, "-o", 1 } };
    CHECK(anketa_paths_check(same_input, 2, &err) == ANKETA_ERR_USAGE);
    CHECK(strstr(err.message, "are the same file") != NULL);
    struct anketa_path_use two_new[] = { { out, "-o", 1 },
                                         { out2, "--rejects", 1 } };
    CHECK(anketa_paths_check(two_new, 2, &err) == ANKETA_ERR_USAGE);
    struct anketa_path_use same_string[] = { { in, "an input", 0 }, { in, "-o", 1 } };
    CHECK(anketa_paths_check(same_string, 2, &err) == ANKETA_ERR_USAGE);
    CHECK(strstr(err.message, "is given as both an input and -o") != NULL);
    struct anketa_path_use fine[] = { { in, "an input", 0 }, { in, "an input", 0 },
                                      { out, "-o", 1 }, { "-", "stdout", 1 },
                                      { "/dev/null", "a", 1 }, { "/dev/null", "b", 1 } };
    CHECK(anketa_paths_check(fine, 6, &err) == 0);
    unlink(alias);
    unlink(in);
}

/* A temporary that a killed process left is removed by the next output in
 * its folder; one of a running process is not. */
static void test_sweep(void)
{
    char sub[300], stale[700], live[700], target[400];
    snprintf(sub, sizeof sub, "%s/sweep", dir);
    CHECK(mkdir(sub, 0777) == 0);
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    /* x.csv.anketa-tmp.HOST.PID.RANDOM, made by a process of this machine;
     * one of another machine is left alone whatever its process id. */
    char ours[300], other[700];
    anketa_output_temp_name(ours, sizeof ours, "x.csv");
    *strrchr(ours, '.') = '\0';
    *strrchr(ours, '.') = '\0';
    snprintf(stale, sizeof stale, "%s/%s.%ld.abcdefgh", sub, ours, (long)child);
    snprintf(live, sizeof live, "%s/%s.%ld.abcdefgh", sub, ours, (long)getppid());
    snprintf(other, sizeof other, "%s/x.csv.anketa-tmp.elsewhere.%ld.abcdefgh", sub, (long)child);
    snprintf(target, sizeof target, "%s/y.csv", sub);
    FILE *a = fopen(stale, "w"), *b = fopen(live, "w"), *c = fopen(other, "w");
    CHECK(a != NULL && b != NULL && c != NULL);   /* no output in that folder yet */
    if (a)
        fclose(a);
    if (b)
        fclose(b);
    if (c)
        fclose(c);
    CHECK(put(target, "y\n") == 0);
    CHECK(access(stale, F_OK) != 0 && errno == ENOENT);
    CHECK(access(live, F_OK) == 0);
    CHECK(access(other, F_OK) == 0);
    unlink(live);
    unlink(other);
    unlink(target);
    rmdir(sub);
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
    test_sweep();   /* first: a folder removed later may leave its inode to another */
    test_symlinks();
    test_planted();
    test_commit_all();
    test_paths_check();
    CHECK(files_in_dir() == 0);
    rmdir(dir);
    return check_summary();
}
