/* Outputs written whole or not at all: an unnamed temporary beside the
 * target, synced, then linked and renamed over it; standard output held in
 * $TMPDIR until the run succeeds. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <anketa/output.h>

#include "output_int.h"

enum output_state { HELD_STDOUT, IN_PLACE, NEW_FILE };

struct anketa_output {
    FILE *fp;
    char *name;          /* as the caller gave it, for messages */
    enum output_state kind;
    unsigned flags;
    int dirfd;           /* NEW_FILE: the target's folder */
    char *base;          /* NEW_FILE: the target's name in that folder */
    char *tmp;           /* NEW_FILE without O_TMPFILE: the temporary's name */
    int ready;           /* flushed and synced: only the rename is left */
    int published;       /* in place (or copied out) */
    int replaces;        /* NEW_FILE: a file was there at the open */
};

/* Test hook: ANKETA_NO_TMPFILE=1 takes the path of file systems without
 * O_TMPFILE (named temporaries, swept when their process is gone). */
static int tmpfile_wanted(void)
{
    static int wanted = -1;
    if (wanted < 0) {
        const char *e = getenv("ANKETA_NO_TMPFILE");
        wanted = !(e != NULL && strcmp(e, "1") == 0);
    }
    return wanted;
}

/* A file nobody else can reach: unnamed where the file system allows,
 * else created under a fresh name (never following or reusing one). */
static int open_temp(int dirfd, const char *base, int rw, char **tmp)
{
    int access = rw ? O_RDWR : O_WRONLY;
    *tmp = NULL;
    if (tmpfile_wanted()) {
        int fd = openat(dirfd, ".", O_TMPFILE | access | O_CLOEXEC, 0666);
        if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
            return fd;
    }
    char name[300];
    for (int tries = 0; tries < 100; tries++) {
        anketa_output_temp_name(name, sizeof name, base);
        int fd = openat(dirfd, name, O_CREAT | O_EXCL | O_NOFOLLOW | access | O_CLOEXEC, 0666);
        if (fd >= 0) {
            if ((*tmp = strdup(name)) == NULL) {
                unlinkat(dirfd, name, 0);
                close(fd);
                errno = ENOMEM;
                return -1;
            }
            return fd;
        }
        if (errno != EEXIST)
            return -1;
    }
    return -1;
}

static struct anketa_output *fail(struct anketa_output *out, struct anketa_error *err, int code,
                                  const char *what, int e)
{
    anketa_error_at(err, code, out->name, 0, 0, "%s%s%s", what, *what ? ": " : "", strerror(e));
    anketa_output_abort(out);
    return NULL;
}

static const char TERMINAL_HINT[] =
    "binary output is not written to a terminal: give -o FILE or redirect standard output";

FILE *anketa_temp_file(struct anketa_error *err)
{
    const char *dir = getenv("TMPDIR");
    if (dir == NULL || *dir == '\0')
        dir = "/tmp";
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    char *tmp = NULL;
    int fd = dirfd < 0 ? -1 : open_temp(dirfd, "anketa", 1, &tmp);
    int e = errno;
    if (tmp != NULL) {
        unlinkat(dirfd, tmp, 0);   /* nameless from here on, as with O_TMPFILE */
        free(tmp);
    }
    if (dirfd >= 0)
        close(dirfd);
    FILE *fp = fd < 0 ? NULL : fdopen(fd, "w+b");
    if (fp == NULL) {
        e = fd < 0 ? e : errno;
        if (fd >= 0)
            close(fd);
        anketa_error_at(err, ANKETA_ERR_IO, dir, 0, 0, "cannot make a temporary file: %s",
                        strerror(e));
    }
    return fp;
}

/* Standard output, held in an unnamed file in $TMPDIR until the commit. */
static struct anketa_output *open_held(struct anketa_output *out, struct anketa_error *err)
{
    if ((out->flags & ANKETA_OUTPUT_BINARY) && isatty(STDOUT_FILENO)) {
        anketa_error_set(err, ANKETA_ERR_USAGE, "%s", TERMINAL_HINT);
        anketa_output_abort(out);
        return NULL;
    }
    if ((out->fp = anketa_temp_file(err)) == NULL) {
        anketa_output_abort(out);
        return NULL;
    }
    return out;
}

struct anketa_output *anketa_output_open_flags(const char *path, unsigned flags,
                                               struct anketa_error *err)
{
    struct anketa_output *out = calloc(1, sizeof *out);
    int to_stdout = path == NULL || strcmp(path, "-") == 0;
    if (out == NULL || (out->name = strdup(to_stdout ? "(stdout)" : path)) == NULL) {
        free(out);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    out->flags = flags;
    out->dirfd = -1;
    if (to_stdout) {
        out->kind = HELD_STDOUT;
        return open_held(out, err);
    }
    enum output_kind kind;
    char *dir;
    if (anketa_output_resolve(path, &kind, &dir, &out->base, err) != 0) {
        anketa_output_abort(out);
        return NULL;
    }
    if (kind == OUTPUT_IN_PLACE) {
        /* A device or a pipe (/dev/null, /dev/stdout, a FIFO): a rename would
         * put a regular file where it was. */
        out->kind = IN_PLACE;
        if ((out->fp = fopen(path, "wb")) == NULL)
            return fail(out, err, ANKETA_ERR_IO, "", errno);
        if ((flags & ANKETA_OUTPUT_BINARY) && isatty(fileno(out->fp))) {
            anketa_error_at(err, ANKETA_ERR_USAGE, path, 0, 0, "%s", TERMINAL_HINT);
            anketa_output_abort(out);
            return NULL;
        }
        return out;
    }
    out->kind = NEW_FILE;
    out->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (out->dirfd < 0)
        return fail(out, err, ANKETA_ERR_IO, "cannot create", errno);
    anketa_output_sweep(out->dirfd);
    int fd = open_temp(out->dirfd, out->base, 0, &out->tmp);
    if (fd < 0)
        return fail(out, err, ANKETA_ERR_IO, "cannot create", errno);
    /* The new file keeps the permissions of the one it replaces (a seen
     * file kept private stays private). */
    struct stat st;
    if (fstatat(out->dirfd, out->base, &st, 0) == 0 && S_ISREG(st.st_mode)) {
        fchmod(fd, st.st_mode & 07777);
        out->replaces = 1;
    }
    if ((out->fp = fdopen(fd, "wb")) == NULL) {
        close(fd);
        return fail(out, err, ANKETA_ERR_IO, "", errno);
    }
    return out;
}

struct anketa_output *anketa_output_open(const char *path, struct anketa_error *err)
{
    return anketa_output_open_flags(path, 0, err);
}

FILE *anketa_output_stream(struct anketa_output *out)
{
    return out->fp;
}

const char *anketa_output_name(const struct anketa_output *out)
{
    return out->name;
}

int anketa_stream_check(FILE *fp, const char *name, struct anketa_error *err)
{
    errno = 0;
    if (fflush(fp) != 0 || ferror(fp))
        return anketa_error_at(err, ANKETA_ERR_IO, name, 0, 0, "write error: %s",
                               strerror(errno ? errno : EIO));
    return 0;
}

/* Everything that can fail for want of space: flush, close or sync. */
static int finish(struct anketa_output *out, struct anketa_error *err)
{
    if (out->ready)
        return 0;
    if (anketa_stream_check(out->fp, out->name, err) != 0)
        return err ? err->code : ANKETA_ERR_IO;
    if (out->kind == NEW_FILE && fsync(fileno(out->fp)) != 0)
        return anketa_error_at(err, ANKETA_ERR_IO, out->name, 0, 0, "fsync: %s", strerror(errno));
    if (out->kind == IN_PLACE || (out->kind == NEW_FILE && out->tmp != NULL)) {
        int rc = fclose(out->fp);
        out->fp = NULL;
        if (rc != 0)
            return anketa_error_at(err, ANKETA_ERR_IO, out->name, 0, 0, "close: %s",
                                   strerror(errno));
    }
    out->ready = 1;
    return 0;
}

/* Gives the unnamed file fd the name `name` in dirfd. */
static int link_unnamed(int fd, int dirfd, const char *name)
{
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    if (linkat(AT_FDCWD, proc, dirfd, name, AT_SYMLINK_FOLLOW) == 0)
        return 0;
    if (errno != ENOENT)
        return -1;
    return linkat(fd, "", dirfd, name, AT_EMPTY_PATH);   /* no /proc: needs privilege */
}

static int copy_to_stdout(struct anketa_output *out, struct anketa_error *err)
{
    char buf[65536];
    size_t n;
    int e = 0;
    rewind(out->fp);
    while (e == 0 && (n = fread(buf, 1, sizeof buf, out->fp)) > 0)
        if (fwrite(buf, 1, n, stdout) != n)
            e = errno ? errno : EIO;
    if (ferror(out->fp))
        return anketa_error_set(err, ANKETA_ERR_IO, "cannot read the held output back: %s",
                                strerror(errno));
    if (e == 0 && fflush(stdout) != 0)
        e = errno ? errno : EIO;
    if (e != 0 || ferror(stdout))
        return anketa_error_set(err, ANKETA_ERR_IO, "(stdout): write error: %s",
                                strerror(e ? e : EIO));
    return 0;
}

/* Puts a finished output in place. */
static int publish(struct anketa_output *out, struct anketa_error *err)
{
    if (out->kind == HELD_STDOUT)
        return copy_to_stdout(out, err);
    if (out->kind == IN_PLACE)
        return 0;
    if (out->tmp != NULL) {
        if (renameat(out->dirfd, out->tmp, out->dirfd, out->base) != 0)
            return anketa_error_at(err, ANKETA_ERR_IO, out->name, 0, 0, "rename: %s",
                                   strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        return 0;
    }
    int fd = fileno(out->fp);
    if (out->replaces || link_unnamed(fd, out->dirfd, out->base) != 0) {
        if (!out->replaces && errno != EEXIST)
            return anketa_error_at(err, ANKETA_ERR_IO, out->name, 0, 0, "link: %s",
                                   strerror(errno));
        /* A file is there already: link under a fresh name, rename over it. */
        char name[300];
        int tries = 0, rc;
        do {
            anketa_output_temp_name(name, sizeof name, out->base);
            rc = link_unnamed(fd, out->dirfd, name);
        } while (rc != 0 && errno == EEXIST && ++tries < 100);
        if (rc != 0)
            return anketa_error_at(err, ANKETA_ERR_IO, out->name, 0, 0, "link: %s",
                                   strerror(errno));
        if (renameat(out->dirfd, name, out->dirfd, out->base) != 0) {
            int e = errno;
            unlinkat(out->dirfd, name, 0);
            return anketa_error_at(err, ANKETA_ERR_IO, out->name, 0, 0, "rename: %s",
                                   strerror(e));
        }
    }
    fclose(out->fp);   /* synced already: nothing left to fail */
    out->fp = NULL;
    return 0;
}

static void append(char *buf, size_t size, const char *what)
{
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s", n ? ", " : "", what);
}

static int commit(struct anketa_output **outs, size_t n, int explain, struct anketa_error *err)
{
    int rc = 0;
    size_t i, published = 0;
    for (i = 0; i < n && rc == 0; i++)
        if (outs[i] != NULL)
            rc = finish(outs[i], err);
    /* Standard output first: it is the one that fails at the end (a full
     * disk behind a redirection, a closed pipe); files wait until it is out. */
    for (int pass = 0; pass < 2 && rc == 0; pass++)
        for (i = 0; i < n && rc == 0; i++)
            if (outs[i] != NULL && (outs[i]->kind == HELD_STDOUT) == (pass == 0)) {
                rc = publish(outs[i], err);
                outs[i]->published = rc == 0;
                published += rc == 0;
            }
    if (rc != 0 && explain && err != NULL) {
        /* Say exactly what was written: a rename may fail after others worked. */
        char done[512] = "", left[512] = "";
        for (i = 0; i < n; i++)
            if (outs[i] != NULL)
                append(outs[i]->published ? done : left, sizeof done, outs[i]->name);
        size_t len = strlen(err->message);
        if (published == 0)
            snprintf(err->message + len, sizeof err->message - len, "; nothing written");
        else
            snprintf(err->message + len, sizeof err->message - len,
                     "; written: %s; not written: %s", done, left);
    }
    for (i = 0; i < n; i++) {
        if (outs[i] == NULL)
            continue;
        if (rc == 0 && outs[i]->kind == NEW_FILE && !(outs[i]->flags & ANKETA_OUTPUT_NO_DIRSYNC) &&
            fsync(outs[i]->dirfd) != 0)
            rc = anketa_error_at(err, ANKETA_ERR_IO, outs[i]->name, 0, 0,
                                 "written, but its folder not synced: %s", strerror(errno));
        anketa_output_abort(outs[i]);
        outs[i] = NULL;
    }
    return rc;
}

int anketa_output_commit_all(struct anketa_output **outs, size_t n, struct anketa_error *err)
{
    return commit(outs, n, 1, err);
}

int anketa_output_commit(struct anketa_output *out, struct anketa_error *err)
{
    return commit(&out, 1, 0, err);
}

void anketa_output_abort(struct anketa_output *out)
{
    if (out == NULL)
        return;
    if (out->fp != NULL)
        fclose(out->fp);
    if (out->tmp != NULL)
        unlinkat(out->dirfd, out->tmp, 0);
    if (out->dirfd >= 0)
        close(out->dirfd);
    free(out->tmp);
    free(out->base);
    free(out->name);
    free(out);
}

int anketa_output_sync_dir(const char *dir, struct anketa_error *err)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return anketa_error_at(err, ANKETA_ERR_IO, dir, 0, 0, "fsync: %s", strerror(e));
    }
    close(fd);
    return 0;
}

int anketa_output_is_terminal(const char *path)
{
    if (path == NULL || strcmp(path, "-") == 0)
        return isatty(STDOUT_FILENO);
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISCHR(st.st_mode))
        return 0;
    int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    int tty = fd >= 0 && isatty(fd);
    if (fd >= 0)
        close(fd);
    return tty;
}
