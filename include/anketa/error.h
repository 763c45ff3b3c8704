#ifndef ANKETA_ERROR_H
#define ANKETA_ERROR_H

#include <anketa/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status values returned by libanketa. They are pinned: never renumber. */
enum anketa_status {
    ANKETA_OK = 0,
    ANKETA_ERR_IO = -1,      /* a file could not be read or written */
    ANKETA_ERR_NOMEM = -2,   /* out of memory */
    ANKETA_ERR_PARSE = -3,   /* malformed input (CSV, YAML, template) */
    ANKETA_ERR_INVALID = -4, /* well-formed input with wrong content */
    ANKETA_ERR_LIMIT = -5,   /* input beyond a hard limit (QR capacity, size) */
    ANKETA_ERR_USAGE = -6    /* a caller passed an impossible argument */
};

#define ANKETA_ERROR_MAX 1024

/* An error value: the status and a message that names its subject, as
 * "file:line:column: what" where a position is known. Callers own it, usually
 * on the stack; the library fills it and never prints. */
struct anketa_error {
    int code;
    char message[ANKETA_ERROR_MAX];
};

/* Sets code and message; returns code so that `return anketa_error_set(...)` works. */
ANKETA_API int anketa_error_set(struct anketa_error *err, int code, const char *fmt, ...)
    ANKETA_PRINTF(3, 4);

/* As anketa_error_set, prefixing "file:line:column: " (column 0 or line 0 left out). */
ANKETA_API int anketa_error_at(struct anketa_error *err, int code, const char *file,
                               long line, long column, const char *fmt, ...)
    ANKETA_PRINTF(6, 7);

/* The one shape of the callbacks through which the library tells what it
 * meets while it goes on: a warning (code ANKETA_OK) or an error of one row
 * among many, its message naming its subject as errors do. */
typedef void anketa_diag_fn(void *ctx, const struct anketa_error *diag);

/* Clears err to ANKETA_OK with an empty message. NULL is allowed. */
ANKETA_API void anketa_error_clear(struct anketa_error *err);

/* A fixed English name of a status ("I/O error", ...). Never NULL. */
ANKETA_API const char *anketa_status_name(int code);

#ifdef __cplusplus
}
#endif

#endif
