#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anketa/paths.h>

#include "util.h"

static char *join_if_exists(const char *dir, const char *relative)
{
    if (dir == NULL || *dir == '\0')
        return NULL;
    size_t n = strlen(dir) + strlen(relative) + 2;
    char *p = malloc(n);
    if (p == NULL)
        return NULL;
    snprintf(p, n, "%s/%s", dir, relative);
    if (access(p, R_OK) == 0)
        return p;
    free(p);
    return NULL;
}

char *anketa_data_path(const char *relative, struct anketa_error *err)
{
    const char *dirs[] = { getenv("ANKETA_DATADIR"), ANKETA_DATADIR, ANKETA_SOURCE_DATADIR };
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        char *p = join_if_exists(dirs[i], relative);
        if (p != NULL)
            return p;
    }
    anketa_error_set(err, ANKETA_ERR_IO, "%s: not found in $ANKETA_DATADIR, %s or %s", relative,
                     ANKETA_DATADIR, ANKETA_SOURCE_DATADIR);
    return NULL;
}

char *anketa_named_yaml(const char *dir, const char *name_or_path, const char *what,
                        int unknown, struct anketa_error *err)
{
    size_t n = strlen(name_or_path);
    char *path;
    if (strchr(name_or_path, '/') || (n >= 5 && strcmp(name_or_path + n - 5, ".yaml") == 0)) {
        if ((path = strdup(name_or_path)) == NULL)
            anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return path;
    }
    char rel[512];
    snprintf(rel, sizeof rel, "%s/%s.yaml", dir, name_or_path);
    if ((path = anketa_data_path(rel, err)) == NULL)
        anketa_error_set(err, unknown, "unknown %s '%s' (no %s in the share folder)", what,
                         name_or_path, rel);
    return path;
}
