/* Leaflet internals shared by its files. */
#ifndef ANKETA_LEAFLET_INT_H
#define ANKETA_LEAFLET_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include <anketa/leaflet.h>
#include <anketa/output.h>

#include "output_int.h"
#include "pdf_int.h"

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
    struct pdf_buffer pdf;      /* cairo's PDF, finished for print at the end */
    struct pdf_ink *inks;       /* --pdfx: the template's colours in CMYK */
    size_t ink_count;
    int finished;
    long pages;
    struct anketa_outdir pages_dir;  /* PNG/SVG: the temporary folder of the pages */
    char *out_dir, *stem, *ext;   /* PNG/SVG: OUT as folder, name without extension, ".png" */
    char *folder;                 /* PNG/SVG: the folder of several pages (stem) */
    int to_device;                /* PNG/SVG: OUT is a device: one page, in place */

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

/* As leaflet_draw_elements, scaled by `scale` about (dx, dy). */
int leaflet_draw_scaled(struct anketa_leaflet *l, const struct anketa_element *els, size_t n,
                        const struct leaflet_row *row, double dx, double dy, double scale,
                        struct anketa_error *err);

/* How a grid sheet of n cells is laid out (leaflet_grid.c). */
struct grid_layout {
    int columns, rows;
    double slot_w, slot_h;   /* the room of one cell, mm */
    double cell_w, cell_h;   /* the cell's elements once scaled, mm */
    double scale;
};
void leaflet_grid_layout(const struct anketa_template *t, size_t n, struct grid_layout *g);
/* The top left corner of cell k of n. */
void leaflet_grid_cell(const struct anketa_template *t, const struct grid_layout *g, size_t k,
                       size_t n, double *x, double *y);

/* leaflet_words.c: the kind and event type a row is worded by (the
 * manifest's columns, else the campaign's item or direction; "" when none),
 * the text of a table for it, and {point_line}. */
void leaflet_row_kind(const struct anketa_leaflet *l, const struct leaflet_row *row,
                      const char **kind, const char **event);
const char *leaflet_row_text(const struct anketa_leaflet *l, const char *table,
                             const struct leaflet_row *row);
const char *leaflet_point_line(const struct anketa_leaflet *l, const struct leaflet_row *row,
                               char *buf, size_t size);

/* Whether a row takes the small grid (a kind of control: 9 to a sheet). */
int leaflet_row_small(const struct anketa_leaflet *l, const struct leaflet_row *row);

/* With --strict-fonts: every font of the template installed, else an error
 * naming it. */
int leaflet_check_fonts(const struct anketa_template *t, struct anketa_error *err);

/* Page handling: start, finish, crop marks. */
int leaflet_page_begin(struct anketa_leaflet *l, struct anketa_error *err);
int leaflet_page_end(struct anketa_leaflet *l, struct anketa_error *err);

/* ---- the row (leaflet_row.c), which calls no other leaflet file ---- */

/* The index of manifest column `name`, or -1. */
int leaflet_column(const struct anketa_leaflet *l, const char *name);
/* The value of manifest column `name` in row ("" when absent). */
const char *leaflet_value(const struct anketa_leaflet *l, const struct leaflet_row *row,
                          const char *name);

/* Whether name[0..len) is one of the template's wording tables. */
int leaflet_is_table(const struct anketa_template *t, const char *name, size_t len);
void leaflet_warn(struct anketa_leaflet *l, const char *message);

/* Expands {column} and {table} placeholders (leaflet_words.c); malloc'd, or
 * NULL when out of memory. */
char *leaflet_expand(const struct anketa_leaflet *l, const char *text,
                     const struct leaflet_row *row);

/* --pdfx: the CMYK of every template colour into l->inks; an error naming
 * the template line of a colour that has none (greys go K only). */
int leaflet_print_inks(struct anketa_leaflet *l, struct anketa_error *err);

/* Writes the PDF held in l->pdf with its boxes (and PDF/X) to out. */
int leaflet_print_write(struct anketa_leaflet *l, FILE *out, struct anketa_error *err);

/* Writes an RGB24 page as PNG with its resolution (pHYs), which cairo omits:
 * a word processor then places it at its size in millimetres. */
int leaflet_png_write(cairo_surface_t *page, double dpi, FILE *out, const char *name,
                      struct anketa_error *err);

/* PDF only: what is drawn until leaflet_link_end() links to url. Returns
 * whether a link was begun (the argument of leaflet_link_end). */
int leaflet_link_begin(struct anketa_leaflet *l, const char *url);
void leaflet_link_end(struct anketa_leaflet *l, int begun);

#endif
