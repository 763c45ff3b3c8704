#ifndef ANKETA_OUTPUT_H
#define ANKETA_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An output written whole or not at all.
 *
 * A file: symbolic links are followed to the file they name (the link
 * stays); data goes to an unnamed temporary in that file's folder
 * (O_TMPFILE; where the file system lacks it, a fresh name
 * NAME.anketa-tmp.HOST.PID.RANDOM made with O_EXCL|O_NOFOLLOW, and such names
 * left by processes of this machine that no longer run are removed by the
 * next output in that folder). The commit flushes, fsyncs the data, links or renames it over the
 * target and fsyncs the folder, so a kill or a power cut leaves the old file
 * or the new one, never a part, and no temporary.
 * A device, a FIFO or a descriptor (/dev/null, /dev/stdout, a pipe) is
 * written in place.
 * The path "-" or NULL means standard output: held in an unnamed file in
 * $TMPDIR (default /tmp) and copied out at the commit, so nothing reaches
 * standard output from a failed run. */
struct anketa_output;

enum {
    /* PDF, PNG, XLSX: refused (ANKETA_ERR_USAGE) when the output is a terminal. */
    ANKETA_OUTPUT_BINARY = 1u << 0,
    /* No fsync of the folder at the commit: the caller writes many files
     * there and calls anketa_output_sync_dir() once at the end. */
    ANKETA_OUTPUT_NO_DIRSYNC = 1u << 1
};

/* Returns NULL with err set when the output cannot be created (a folder, a
 * missing folder, no permission, a terminal for a binary output). */
ANKETA_API struct anketa_output *anketa_output_open(const char *path, struct anketa_error *err);
ANKETA_API struct anketa_output *anketa_output_open_flags(const char *path, unsigned flags,
                                                          struct anketa_error *err);

/* The stream to write to; borrowed, valid until the commit or abort. */
ANKETA_API FILE *anketa_output_stream(struct anketa_output *out);
/* The path as given ("(stdout)" for standard output), for messages. */
ANKETA_API const char *anketa_output_name(const struct anketa_output *out);

/* Commits the outputs of one run together: first every one is flushed and
 * synced (where a full disk shows); only if all succeed are they put in
 * place, standard output first. On failure none is put in place unless a
 * rename failed after others succeeded; err's message ends "; nothing
 * written" or "; written: A; not written: B". Frees every output and sets
 * outs[i] to NULL; NULL entries are skipped. */
ANKETA_API int anketa_output_commit_all(struct anketa_output **outs, size_t n,
                                        struct anketa_error *err);

/* anketa_output_commit_all() of one output, the message without the
 * statement. On failure the old target stays. */
ANKETA_API int anketa_output_commit(struct anketa_output *out, struct anketa_error *err);

/* Discards the output (the target keeps its old contents, the temporary is
 * removed) and frees out. NULL is allowed. */
ANKETA_API void anketa_output_abort(struct anketa_output *out);

/* Flushes and checks a stream the caller did not open this way. */
ANKETA_API int anketa_stream_check(FILE *fp, const char *name, struct anketa_error *err);

/* An unnamed read-write file in $TMPDIR (default /tmp): it has no name to
 * leave behind, even after a kill. NULL with err set on failure. */
ANKETA_API FILE *anketa_temp_file(struct anketa_error *err);

/* fsyncs folder dir (after outputs opened with ANKETA_OUTPUT_NO_DIRSYNC). */
ANKETA_API int anketa_output_sync_dir(const char *dir, struct anketa_error *err);

/* Whether path ("-" or NULL: standard output) is a terminal, so that a
 * command refuses binary output before doing any work. */
ANKETA_API int anketa_output_is_terminal(const char *path);

/* A path a run reads or writes, for anketa_paths_check(). */
struct anketa_path_use {
    const char *path;   /* NULL and "-" are skipped */
    const char *role;   /* for the message: "an input", "-o" */
    int output;         /* written by the run */
};

/* Refuses (ANKETA_ERR_USAGE, naming both) two paths of which one is written
 * and both name the same file: the same device and inode after links, or for
 * an output not yet made the same name in the same folder. Devices and pipes
 * are never refused. Call it before reading anything. */
ANKETA_API int anketa_paths_check(const struct anketa_path_use *uses, size_t n,
                                  struct anketa_error *err);

#ifdef __cplusplus
}
#endif

#endif
