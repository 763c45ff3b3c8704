/* The umbrella header of libanketa: every public header. The core's
 * functions are in library anketa, those of render.h in anketa-render.
 *
 * Ownership, unless a header says otherwise: what a function is given is
 * borrowed for the call (copied if kept); an object from a *_new, *_load,
 * *_open or *_parse is the caller's, freed by the matching *_free (which
 * takes NULL); a pointer an accessor returns is borrowed from its object,
 * valid until that object changes or is freed. Options structs name, field
 * by field, what the object keeps borrowed and so must outlive it. */
#ifndef ANKETA_ANKETA_H
#define ANKETA_ANKETA_H

#include <time.h>

#include <anketa/common.h>
#include <anketa/error.h>
#include <anketa/version.h>
#include <anketa/csv.h>
#include <anketa/output.h>
#include <anketa/paths.h>
#include <anketa/campaign.h>
#include <anketa/url.h>
#include <anketa/ingest.h>
#include <anketa/tally.h>
#include <anketa/render.h>

/* The library's version, "MAJOR.MINOR.PATCH", at run time. */
ANKETA_API const char *anketa_version(void);

/* The versions of the libraries libanketa was built with, one line. */
ANKETA_API const char *anketa_version_details(void);

/* The date documents carry: SOURCE_DATE_EPOCH when set (whole seconds since
 * 1970, so that the same input gives the same bytes), else now. A malformed
 * value is an ANKETA_ERR_USAGE error, *when then being now. */
ANKETA_API int anketa_source_date(time_t *when, struct anketa_error *err);

#endif
