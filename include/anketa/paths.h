#ifndef ANKETA_PATHS_H
#define ANKETA_PATHS_H

#include <anketa/common.h>
#include <anketa/error.h>

/* Finds a data file shipped in share/ (templates, ingest profiles, examples)
 * by its path relative to share/, such as "templates/leaflet/item.yaml".
 * Looks in $ANKETA_DATADIR, then the installed share/anketa, then the source
 * tree's share/ (so commands run from the build tree without installing).
 * Returns a malloc'd path (caller frees) or NULL with err set, naming where
 * it looked. */
ANKETA_API char *anketa_data_path(const char *relative, struct anketa_error *err);

#endif
