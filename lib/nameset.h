/* A private helper of the core, also used by the render part. */
#ifndef ANKETA_NAMESET_H
#define ANKETA_NAMESET_H

#include "internal.h"

/* A set of names (copies kept), to refuse a second use of a file name or id. */
struct anketa_nameset;

ANKETA_INTERNAL struct anketa_nameset *anketa_nameset_new(void);
/* 0 when added, 1 when already there, -1 when out of memory. */
ANKETA_INTERNAL int anketa_nameset_add(struct anketa_nameset *set, const char *name);
/* NULL is allowed. */
ANKETA_INTERNAL void anketa_nameset_free(struct anketa_nameset *set);

#endif
