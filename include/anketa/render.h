/* The render part of libanketa (library anketa-render, pkg-config
 * anketa-render): what draws or writes documents, on top of the core. */
#ifndef ANKETA_RENDER_H
#define ANKETA_RENDER_H

#include <anketa/common.h>
#include <anketa/qr.h>
#include <anketa/qrfile.h>
#include <anketa/codes.h>
#include <anketa/adhoc.h>
#include <anketa/template.h>
#include <anketa/leaflet.h>
#include <anketa/form.h>
#include <anketa/paste.h>
#include <anketa/report.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The versions of the drawing libraries anketa-render was built with, one line. */
ANKETA_API const char *anketa_render_version_details(void);

#ifdef __cplusplus
}
#endif

#endif
