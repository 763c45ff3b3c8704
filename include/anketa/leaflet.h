#ifndef ANKETA_LEAFLET_H
#define ANKETA_LEAFLET_H

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/csv.h>
#include <anketa/error.h>
#include <anketa/template.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Leaflets from the code manifest: one page per row, or grid sheets of the
 * items of one authority, direction and point, drawn from a template with
 * cairo and pango. The QR code is drawn from the row's url as vectors. */
struct anketa_leaflet;

enum anketa_leaflet_format { ANKETA_LEAFLET_PDF, ANKETA_LEAFLET_PNG, ANKETA_LEAFLET_SVG };

/* Borrowed, and must outlive the leaflet: the template, the campaign, the
 * strings and ctx. */
struct anketa_leaflet_options {
    const struct anketa_template *tpl;
    const struct anketa_campaign *campaign; /* optional: direction kinds and logos */
    const char *logo;              /* a PNG for every page; overrides the campaign's */
    enum anketa_leaflet_format format;
    const char *output;            /* PDF path ("-": stdout); PNG/SVG: OUT for one page,
                                    * else folder OUT-without-extension/OUT-0001.ext... */
    double dpi;                    /* PNG resolution; 0: the template's png_width, else 300 */
    double bleed;                  /* mm beyond the trim for background boxes */
    int crop_marks;
    int pdfx;                      /* PDF/X-4: CMYK from the template, K-only black */
    int strict_fonts;              /* a font not installed is an error, not substituted */
    /* Warnings (a font substituted, no logo): each said once. */
    anketa_diag_fn *warn;
    void *ctx;
};

/* Starts a document. NULL with err set when the output cannot be created,
 * or with strict_fonts when a font of the template is not installed
 * (nothing is written then). */
ANKETA_API struct anketa_leaflet *anketa_leaflet_new(const struct anketa_leaflet_options *o,
                                                     struct anketa_error *err);

/* Checks that a manifest header has the columns the template needs. */
ANKETA_API int anketa_leaflet_check_header(struct anketa_leaflet *l,
                                           const struct anketa_csv_row *header,
                                           const char *file, struct anketa_error *err);

/* Adds one manifest row (of the header checked before). Returns 1 when the
 * row made (or joined) a page, 0 when its level is not the template's, or an
 * error naming file:line (text that cannot fit, modules too small, a logo
 * that cannot be read). */
ANKETA_API int anketa_leaflet_add(struct anketa_leaflet *l, const struct anketa_csv_row *row,
                                  const char *file, struct anketa_error *err);

/* Draws what grids still hold and writes the output (atomically). */
ANKETA_API int anketa_leaflet_finish(struct anketa_leaflet *l, struct anketa_error *err);

/* Pages drawn so far. */
ANKETA_API long anketa_leaflet_pages(const struct anketa_leaflet *l);

/* Discards an unfinished document (outputs are removed); NULL is allowed. */
ANKETA_API void anketa_leaflet_free(struct anketa_leaflet *l);

#ifdef __cplusplus
}
#endif

#endif
