/* Data files are found relative to the running program or to this library,
 * never at a path compiled in: a prefix moved after install, or a build tree,
 * still finds its own share/anketa. */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anketa/paths.h>

#include "util.h"

/* Relative paths of the install layout (GNUInstallDirs), set by lib/CMakeLists.txt:
 * from bin/ and from lib/ to share/anketa. The build tree has the same layout:
 * build/share/anketa is a link to the source tree's share/. */
#ifndef ANKETA_BIN_TO_DATA
#define ANKETA_BIN_TO_DATA "../share/anketa"
#endif
#ifndef ANKETA_LIB_TO_DATA
#define ANKETA_LIB_TO_DATA "../share/anketa"
#endif

enum { MAX_DATA_DIRS = 3 };

static char anchor; /* an address inside this library, for dladdr */

/* "dir-of-file/relative", malloc'd, or NULL. */
static char *beside(const char *file, const char *relative)
{
    const char *slash = strrchr(file, '/');
    if (slash == NULL)
        return NULL;
    size_t n = (size_t)(slash - file) + strlen(relative) + 2;
    char *p = malloc(n);
    if (p != NULL)
        snprintf(p, n, "%.*s/%s", (int)(slash - file), file, relative);
    return p;
}

/* The folders to look in, in order: $ANKETA_DATADIR, share/anketa beside this
 * library (for programs linking an installed libanketa), share/anketa beside
 * the running program. Returns how many were put in dirs (each malloc'd). */
static size_t data_dirs(char *dirs[MAX_DATA_DIRS])
{
    size_t n = 0;
    const char *env = getenv("ANKETA_DATADIR");
    if (env != NULL && *env != '\0' && (dirs[n] = strdup(env)) != NULL)
        n++;
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[len > 0 ? len : 0] = '\0';
    Dl_info info;
    if (dladdr(&anchor, &info) != 0 && info.dli_fname != NULL) {
        char *lib = realpath(info.dli_fname, NULL);
        /* Linked statically, the library is the program: its layout is bin/'s. */
        if (lib != NULL && strcmp(lib, exe) != 0 && (dirs[n] = beside(lib, ANKETA_LIB_TO_DATA)) != NULL)
            n++;
        free(lib);
    }
    if (exe[0] != '\0' && (dirs[n] = beside(exe, ANKETA_BIN_TO_DATA)) != NULL)
        n++;
    return n;
}

char *anketa_data_path(const char *relative, struct anketa_error *err)
{
    char *dirs[MAX_DATA_DIRS];
    size_t n = data_dirs(dirs);
    char *found = NULL;
    char tried[1024] = "";
    for (size_t i = 0; i < n; i++) {
        size_t size = strlen(dirs[i]) + strlen(relative) + 2;
        char *p = found == NULL ? malloc(size) : NULL;
        if (p != NULL) {
            snprintf(p, size, "%s/%s", dirs[i], relative);
            if (access(p, R_OK) == 0)
                found = p;
            else
                free(p);
        }
        size_t used = strlen(tried);
        snprintf(tried + used, sizeof tried - used, "%s%s", used ? ", " : "", dirs[i]);
        free(dirs[i]);
    }
    if (found == NULL)
        anketa_error_set(err, ANKETA_ERR_IO, "%s: not found in %s (set ANKETA_DATADIR to the "
                         "folder that holds templates/)", relative, n ? tried : "no data folder");
    return found;
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
    if ((path = anketa_data_path(rel, err)) == NULL) {
        char where[sizeof err->message];
        snprintf(where, sizeof where, "%s", err->message);
        anketa_error_set(err, unknown, "unknown %s '%s': %s", what, name_or_path, where);
    }
    return path;
}
