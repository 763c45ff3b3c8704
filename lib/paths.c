#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anketa/paths.h>

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
