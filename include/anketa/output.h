#ifndef ANKETA_OUTPUT_H
#define ANKETA_OUTPUT_H

#include <stdio.h>

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An output file written atomically: data goes to a temporary file in the same
 * folder, renamed over the target only by anketa_output_commit() after a good
 * flush and close (no fsync: the rename guards against a crash or a kill of
 * the process, which is what a re-run needs; thousands of codes stay fast). A crash or a kill never leaves a half-written file
 * where a good one was. The path "-" or NULL means standard output. */
struct anketa_output;

/* Returns NULL with err set when the temporary file cannot be created. */
ANKETA_API struct anketa_output *anketa_output_open(const char *path, struct anketa_error *err);

/* The stream to write to. */
ANKETA_API FILE *anketa_output_stream(struct anketa_output *out);

/* Flushes, checks for write errors, closes and renames into place; frees out.
 * On failure the temporary file is removed and the old target stays. */
ANKETA_API int anketa_output_commit(struct anketa_output *out, struct anketa_error *err);

/* Discards the output (the target keeps its old contents) and frees out.
 * NULL is allowed. */
ANKETA_API void anketa_output_abort(struct anketa_output *out);

/* Flushes and checks a stream the caller did not open this way (stdout). */
ANKETA_API int anketa_stream_check(FILE *fp, const char *name, struct anketa_error *err);

#ifdef __cplusplus
}
#endif

#endif
