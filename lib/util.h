/* Small helpers shared inside libanketa (not installed). */
#ifndef ANKETA_UTIL_H
#define ANKETA_UTIL_H

#include "internal.h"

#include <stddef.h>
#include <time.h>

#include <anketa/error.h>

/* Grows *buf (element size `size`) so it holds at least `need` elements.
 * Returns 0, or -1 when out of memory (the buffer is then unchanged).
 * Inline for the common case, where it is called per field and has room. */
ANKETA_INTERNAL int anketa_reserve_grow(void **buf, size_t *cap, size_t need, size_t size);
static inline int anketa_reserve(void **buf, size_t *cap, size_t need, size_t size)
{
    return need <= *cap ? 0 : anketa_reserve_grow(buf, cap, need, size);
}

/* malloc for large arrays read at random (hash tables): on 2 MiB pages
 * where the kernel allows them on request. Freed with free(). */
ANKETA_INTERNAL void *anketa_big_alloc(size_t size);

/* strdup that returns NULL for NULL. */
ANKETA_INTERNAL char *anketa_strdup(const char *s);

/* The whole file as a malloc'd buffer (NUL-terminated, *len without the NUL),
 * or NULL with err naming the file. For small inputs such as YAML files. */
ANKETA_INTERNAL char *anketa_read_file(const char *path, size_t *len, struct anketa_error *err);

/* The YAML file a user names: a path (with '/' or ending in ".yaml") as
 * given, else NAME.yaml in the share folder's `dir` ("templates/leaflet").
 * NULL with err set (code `unknown` and "unknown <what> ...") when absent. */
ANKETA_INTERNAL char *anketa_named_yaml(const char *dir, const char *name_or_path, const char *what,
                        int unknown, struct anketa_error *err);

/* anketa_source_date() without the error: the commands check the variable
 * at start (cli_init), so a bad value never gets this far in them. */
ANKETA_INTERNAL time_t anketa_now(void);

/* The value of placeholder name[0..len) in *value (NULL: empty); -1 when
 * there is no such placeholder. */
typedef int anketa_expand_lookup(void *ctx, const char *name, size_t len, const char **value);
/* Expands the {name} placeholders of t (expand.c): "{{" and "}}" stand for
 * "{" and "}"; an unknown name (with `hint` after the message) or an
 * unclosed '{' is ANKETA_ERR_INVALID. With out NULL it only checks (lookup
 * is still asked, for the names). *out is malloc'd. */
ANKETA_INTERNAL int anketa_expand(const char *t, anketa_expand_lookup *lookup, void *ctx,
                                  const char *hint, char **out, struct anketa_error *err);

#endif
