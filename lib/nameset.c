#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "nameset.h"

#include "strmap.h"
#include "util.h"

struct anketa_nameset {
    struct anketa_strmap map;   /* key -> index in names */
    char **names;
    char **keys;                /* folded keys (add_file), else NULL */
    size_t count, cap, key_cap;
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

int anketa_nameset_add_file(struct anketa_nameset *set, const char *name, const char **earlier)
{
    /* NFD then case folding: equal keys name one file where the file system
     * folds case (and, as macOS does, decomposes) */
    gchar *nfd = g_utf8_validate(name, -1, NULL) ? g_utf8_normalize(name, -1, G_NORMALIZE_NFD)
                                                 : g_strdup(name);
    gchar *folded = nfd ? g_utf8_casefold(nfd, -1) : NULL;
    g_free(nfd);
    if (folded == NULL)
        return -1;
    size_t at;
    if (anketa_strmap_get(&set->map, folded, &at)) {
        g_free(folded);
        *earlier = set->names[at];
        return 1;
    }
    char *key = strdup(folded), *copy = strdup(name);
    g_free(folded);
    if (key == NULL || copy == NULL ||
        anketa_reserve((void **)&set->names, &set->cap, set->count + 1, sizeof *set->names) ||
        anketa_reserve((void **)&set->keys, &set->key_cap, set->count + 1, sizeof *set->keys) ||
        anketa_strmap_put(&set->map, key, set->count) < 0) {
        free(key);
        free(copy);
        return -1;
    }
    set->keys[set->count] = key;
    set->names[set->count++] = copy;
    return 0;
}

void anketa_nameset_free(struct anketa_nameset *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->count; i++) {
        free(set->names[i]);
        if (set->keys)
            free(set->keys[i]);
    }
    free(set->names);
    free(set->keys);
    anketa_strmap_free(&set->map);
    free(set);
}
