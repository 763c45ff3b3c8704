#include <stdlib.h>
#include <string.h>

#include "nameset.h"

#include "strmap.h"
#include "util.h"

struct anketa_nameset {
    struct anketa_strmap map;
    char **names;
    size_t count, cap;
};

struct anketa_nameset *anketa_nameset_new(void)
{
    return calloc(1, sizeof(struct anketa_nameset));
}

int anketa_nameset_add(struct anketa_nameset *set, const char *name)
{
    size_t ignored;
    if (anketa_strmap_get(&set->map, name, &ignored))
        return 1;
    char *copy = strdup(name);
    if (copy == NULL ||
        anketa_reserve((void **)&set->names, &set->cap, set->count + 1, sizeof *set->names) != 0 ||
        anketa_strmap_put(&set->map, copy, set->count) < 0) {
        free(copy);
        return -1;
    }
    set->names[set->count++] = copy;
    return 0;
}

void anketa_nameset_free(struct anketa_nameset *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->count; i++)
        free(set->names[i]);
    free(set->names);
    anketa_strmap_free(&set->map);
    free(set);
}
