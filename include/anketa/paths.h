#ifndef ANKETA_PATHS_H
#define ANKETA_PATHS_H

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Finds a data file shipped in share/ (templates, ingest profiles, examples)
 * by its path relative to share/, such as "templates/leaflet/item.yaml".
 * Looks in $ANKETA_DATADIR, then in share/anketa beside the libanketa in
 * use (../share/anketa from lib/), then beside the running program
 * (../share/anketa from bin/): no absolute path is compiled in, so a moved
 * prefix works, and so does the build tree (build/share/anketa links to the
 * source tree's share/). Returns a malloc'd path (caller frees) or NULL with
 * err set, naming where it looked. */
ANKETA_API char *anketa_data_path(const char *relative, struct anketa_error *err);

#ifdef __cplusplus
}
#endif

#endif
