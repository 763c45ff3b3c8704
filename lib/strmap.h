/* A string-keyed hash map to indices, for id and name look-ups (internal). */
#ifndef ANKETA_STRMAP_H
#define ANKETA_STRMAP_H

#include <stddef.h>

struct anketa_strmap {
    const char **keys;   /* borrowed: the caller keeps the strings alive */
    size_t *values;
    size_t cap, count;
};

/* Returns 0, 1 when the key was already there (value unchanged), -1 on no memory. */
int anketa_strmap_put(struct anketa_strmap *m, const char *key, size_t value);
/* Returns 1 and sets *value when found, else 0. */
int anketa_strmap_get(const struct anketa_strmap *m, const char *key, size_t *value);
void anketa_strmap_free(struct anketa_strmap *m);

#endif
