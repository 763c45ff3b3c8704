/* A folder of files replaced as a set (see output_int.h). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output_int.h"

static void release(struct anketa_outdir *d)
{
    if (d->parent >= 0)
        close(d->parent);
    free(d->name);
    free(d->tmp);
    free(d->tmp_path);
    memset(d, 0, sizeof *d);
    d->parent = -1;
}

int anketa_outdir_open(struct anketa_outdir *d, const char *dir, const char *name,
                    struct anketa_error *err)
{
    memset(d, 0, sizeof *d);
    d->parent = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d->parent < 0) {
        int e = errno;
        release(d);
        return anketa_error_at(err, ANKETA_ERR_IO, dir, 0, 0, "%s", strerror(e));
    }
    anketa_output_sweep(d->parent);
    char tmp[300];
    int rc, tries = 0;
    do {
        anketa_output_temp_name(tmp, sizeof tmp, name);
        rc = mkdirat(d->parent, tmp, 0777);
    } while (rc != 0 && errno == EEXIST && ++tries < 100);
    size_t n = strlen(dir) + strlen(tmp) + 2;
    if (rc != 0) {
        int e = errno;
        release(d);
        return anketa_error_at(err, ANKETA_ERR_IO, dir, 0, 0, "cannot make a folder: %s",
                               strerror(e));
    }
    d->name = strdup(name);
    d->tmp = strdup(tmp);
    d->tmp_path = malloc(n);
    if (d->name == NULL || d->tmp == NULL || d->tmp_path == NULL) {
        unlinkat(d->parent, tmp, AT_REMOVEDIR);
        release(d);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    snprintf(d->tmp_path, n, "%s/%s", dir, tmp);
    return 0;
}

/* 1 when folder `name` of parent holds only files of the set, 0 when it
 * holds others, -1 when it is not a folder (or is not there: errno). */
static int is_set(int parent, const char *name, anketa_outdir_owned owned, void *ctx)
{
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (dir == NULL) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    int ours = 1;
    struct dirent *e;
    while (ours && (e = readdir(dir)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            ours = owned(e->d_name, ctx);
    closedir(dir);
    return ours;
}

void anketa_outdir_remove_set(int parent, const char *name, anketa_outdir_owned owned, void *ctx)
{
    if (is_set(parent, name, owned, ctx) == 1)
        anketa_output_remove(parent, name);
}

/* Where RENAME_EXCHANGE is missing: the old set aside, the new one in, with
 * a moment of no folder at all between (never a mixed set). */
static int swap_by_renames(struct anketa_outdir *d, struct anketa_error *err)
{
    char aside[300];
    anketa_output_temp_name(aside, sizeof aside, d->name);
    if (renameat(d->parent, d->name, d->parent, aside) != 0)
        return anketa_error_at(err, ANKETA_ERR_IO, d->name, 0, 0, "cannot replace: %s",
                               strerror(errno));
    if (renameat(d->parent, d->tmp, d->parent, d->name) != 0) {
        int e = errno;
        renameat(d->parent, aside, d->parent, d->name);
        return anketa_error_at(err, ANKETA_ERR_IO, d->name, 0, 0, "cannot replace: %s",
                               strerror(e));
    }
    anketa_output_remove(d->parent, aside);
    return 0;
}

int anketa_outdir_commit(struct anketa_outdir *d, anketa_outdir_owned owned, void *ctx,
                      struct anketa_error *err)
{
    int rc = 0, fd = openat(d->parent, d->tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0)
        rc = anketa_error_at(err, ANKETA_ERR_IO, d->tmp_path, 0, 0, "fsync: %s", strerror(errno));
    if (fd >= 0)
        close(fd);
    struct stat st;
    if (rc == 0 && fstatat(d->parent, d->name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno != ENOENT || renameat(d->parent, d->tmp, d->parent, d->name) != 0)
            rc = anketa_error_at(err, ANKETA_ERR_IO, d->name, 0, 0, "%s", strerror(errno));
    } else if (rc == 0) {
        int ours = is_set(d->parent, d->name, owned, ctx);
        if (ours != 1)
            rc = anketa_error_at(err, ANKETA_ERR_IO, d->name, 0, 0, "%s: not replaced",
                                 ours == 0 ? "a folder with other files" : "not a folder");
        /* One rename swaps the sets; the old one then goes under the
         * temporary name, swept by the next run should a kill come first. */
        else if (renameat2(d->parent, d->tmp, d->parent, d->name, RENAME_EXCHANGE) != 0)
            rc = swap_by_renames(d, err);
    }
    if (rc == 0 && fsync(d->parent) != 0)
        rc = anketa_error_at(err, ANKETA_ERR_IO, d->name, 0, 0,
                             "written, but its folder not synced: %s", strerror(errno));
    anketa_output_remove(d->parent, d->tmp);   /* the old set, or on failure the new one */
    release(d);
    return rc;
}

void anketa_outdir_abort(struct anketa_outdir *d)
{
    if (d->tmp != NULL)
        anketa_output_remove(d->parent, d->tmp);
    release(d);
}
