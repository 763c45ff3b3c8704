/* A private helper of the core, also used by the render part. */
#ifndef ANKETA_NAMESET_H
#define ANKETA_NAMESET_H

#include "internal.h"

/* A set of names (copies kept), to refuse a second use of a file name or id. */
struct anketa_nameset;

ANKETA_INTERNAL struct anketa_nameset *anketa_nameset_new(void);
/* 0 when added, 1 when already there, -1 when out of memory. */
ANKETA_INTERNAL int anketa_nameset_add(struct anketa_nameset *set, const char *name);
/* For file names: 0 when added, 1 when a name that a case-insensitive file
 * system (macOS, Windows) takes for the same file is there already, with
 * *earlier set to it (owned by the set), -1 when out of memory. Names are
 * compared after Unicode normalisation and case folding. Use either this or
 * anketa_nameset_add on one set, not both. */
ANKETA_INTERNAL int anketa_nameset_add_file(struct anketa_nameset *set, const char *name,
                                            const char **earlier);
/* NULL is allowed. */
ANKETA_INTERNAL void anketa_nameset_free(struct anketa_nameset *set);

#endif
