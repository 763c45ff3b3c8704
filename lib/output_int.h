/* What lib/output.c and lib/output_path.c share (not installed). */
#ifndef ANKETA_OUTPUT_INT_H
#define ANKETA_OUTPUT_INT_H

#include <sys/types.h>

#include <anketa/error.h>

/* Where a named output goes once its symbolic links are followed. */
enum output_kind {
    OUTPUT_FILE,      /* a regular file (or none yet): replaced by a rename */
    OUTPUT_IN_PLACE   /* a device, a FIFO, a socket, an open descriptor: written as is */
};

/* Follows the symbolic links of path (a dangling one too) to the file to
 * write. For OUTPUT_FILE, *dir and *base (malloc'd) name its folder and its
 * name there. Errors: a folder, a loop of links, out of memory. */
int output_resolve(const char *path, enum output_kind *kind, char **dir, char **base,
                   struct anketa_error *err);

/* The temporaries of outputs: NAME.anketa-tmp.PID.RANDOM beside the target.
 * Writes such a name for base into buf. */
void output_temp_name(char *buf, size_t size, const char *base);

/* Removes, once per folder and process, the temporaries that processes which
 * no longer run left in the folder dirfd (a kill between two steps of a
 * commit, or a file system without unnamed temporaries). */
void output_sweep(int dirfd);

#endif
