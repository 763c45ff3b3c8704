/* What lib/output.c and lib/output_path.c share (not installed). */
#ifndef ANKETA_OUTPUT_INT_H
#define ANKETA_OUTPUT_INT_H

#include <sys/types.h>

#include <anketa/error.h>

#include "internal.h"

/* Where a named output goes once its symbolic links are followed. */
enum output_kind {
    OUTPUT_FILE,      /* a regular file (or none yet): replaced by a rename */
    OUTPUT_IN_PLACE   /* a device, a FIFO, a socket, an open descriptor: written as is */
};

/* Follows the symbolic links of path (a dangling one too) to the file to
 * write. For OUTPUT_FILE, *dir and *base (malloc'd) name its folder and its
 * name there. Errors: a folder, a loop of links, out of memory. */
ANKETA_INTERNAL int anketa_output_resolve(const char *path, enum output_kind *kind, char **dir,
                                   char **base, struct anketa_error *err);

/* The temporaries of outputs: NAME.anketa-tmp.HOST.PID.RANDOM beside the
 * target (HOST: uname -n, '.' as '-', at most 32 bytes).
 * Writes such a name for base into buf. */
ANKETA_INTERNAL void anketa_output_temp_name(char *buf, size_t size, const char *base);

/* Removes, once per folder and process, the temporaries that processes which
 * no longer run left in the folder dirfd (a kill between two steps of a
 * commit, or a file system without unnamed temporaries). */
ANKETA_INTERNAL void anketa_output_sweep(int dirfd);

/* Removes name from dirfd: a file, or a folder with the files it holds
 * (a folder of pages, lib/output_dir.c). */
ANKETA_INTERNAL void anketa_output_remove(int dirfd, const char *name);

/* A folder of files replaced as a set (leaflet's pages): the files are
 * written into a temporary folder beside it, which the commit swaps in with
 * one rename (RENAME_EXCHANGE when the folder exists), so that no kill
 * leaves some files new and others old. */
struct anketa_outdir {
    int parent;        /* the folder that holds the set's folder */
    char *name;        /* the set's folder, in parent */
    char *tmp;         /* the temporary folder, in parent */
    char *tmp_path;    /* its path, to write the files in */
};

/* Says whether a file of an existing folder is one of the set's: a folder
 * holding anything else is not replaced (nor removed). */
typedef int (*anketa_outdir_owned)(const char *file, void *ctx);

/* Makes the temporary folder for `name` in folder dir. */
ANKETA_INTERNAL int anketa_outdir_open(struct anketa_outdir *d, const char *dir, const char *name,
                                    struct anketa_error *err);
/* Swaps the temporary folder in (its files synced already); frees d's parts. */
ANKETA_INTERNAL int anketa_outdir_commit(struct anketa_outdir *d, anketa_outdir_owned owned,
                                         void *ctx,
                                      struct anketa_error *err);
/* Removes the temporary folder and its files; frees d's parts. */
ANKETA_INTERNAL void anketa_outdir_abort(struct anketa_outdir *d);
/* Removes folder `name` of parent when it is a set of ours: no stale
 * pages beside a new single file. */
ANKETA_INTERNAL void anketa_outdir_remove_set(int parent, const char *name,
                                              anketa_outdir_owned owned,
                                           void *ctx);

#endif
