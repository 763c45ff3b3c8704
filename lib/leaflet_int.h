/* Leaflet internals shared by its files. */
#ifndef ANKETA_LEAFLET_INT_H
#define ANKETA_LEAFLET_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include <anketa/leaflet.h>
#include <anketa/output.h>

#define MM_TO_PT (72.0 / 25.4)
#define PT_TO_MM (25.4 / 72.0)
#define MIN_MODULE_MM 0.4    /* smaller is hard for a phone at arm's length */

/* A manifest row kept for drawing (copied when a grid holds it). */
struct leaflet_row {
    long line;
    char *file;
    char **fields;
    size_t count;
};

struct logo_cache {
    char *path;
    cairo_surface_t *surface;
};

struct anketa_leaflet {
    struct anketa_leaflet_options o;
    char **columns;             /* the manifest header */
    size_t column_count;
    int col_level, col_direction, col_authority, col_point, col_url;

    double offset;              /* bleed + crop-mark margin, mm */
    double page_w, page_h;      /* the whole sheet, mm */
    cairo_surface_t *surface;   /* PDF: the document; PNG/SVG: the current page */
    cairo_t *cr;
    struct anketa_output *out;  /* PDF output; SVG: the current page's */
    int finished;
    long pages;
    char **page_files;          /* PNG/SVG pages written */

    PangoLayout *layout;        /* reused for every text */
    int font_checked, logo_warned;
    struct logo_cache *logos;
    size_t logo_count;

    struct leaflet_row *held;   /* grid: rows waiting for their sheet */
    size_t held_count, held_cap;
};

/* Text: fits `text` into the element's box from size down to min_size and
 * draws it; an error naming the row when even min_size does not fit. */
int leaflet_text(struct anketa_leaflet *l, const struct anketa_element *e, const char *text,
                 const struct leaflet_row *row, struct anketa_error *err);

/* Draws the elements for one row at (dx, dy) mm. */
int leaflet_draw_elements(struct anketa_leaflet *l, const struct anketa_element *els, size_t n,
                          const struct leaflet_row *row, double dx, double dy,
                          struct anketa_error *err);

/* Page handling: start, finish, crop marks. */
int leaflet_page_begin(struct anketa_leaflet *l, struct anketa_error *err);
int leaflet_page_end(struct anketa_leaflet *l, struct anketa_error *err);

/* The value of manifest column `name` in row ("" when absent). */
const char *leaflet_value(const struct anketa_leaflet *l, const struct leaflet_row *row,
                          const char *name);

/* Expands {column} and {table} placeholders; malloc'd, or NULL when out of memory. */
char *leaflet_expand(const struct anketa_leaflet *l, const char *text,
                     const struct leaflet_row *row);

void leaflet_warn(struct anketa_leaflet *l, const char *message);

/* PDF only: what is drawn until leaflet_link_end() links to url. Returns
 * whether a link was begun (the argument of leaflet_link_end). */
int leaflet_link_begin(struct anketa_leaflet *l, const char *url);
void leaflet_link_end(struct anketa_leaflet *l, int begun);

#endif
