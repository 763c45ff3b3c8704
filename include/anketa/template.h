#ifndef ANKETA_TEMPLATE_H
#define ANKETA_TEMPLATE_H

#include <stddef.h>

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A leaflet template (anketa-template(5)): a page, the elements placed on it
 * in millimetres, and text tables keyed by direction kind. Templates are data:
 * a user copies one, changes it, and passes its path. */

enum anketa_element_type {
    ANKETA_EL_TEXT, ANKETA_EL_QR, ANKETA_EL_IMAGE, ANKETA_EL_BOX, ANKETA_EL_RULE
};

enum anketa_align { ANKETA_ALIGN_LEFT, ANKETA_ALIGN_CENTER, ANKETA_ALIGN_RIGHT };
enum anketa_valign { ANKETA_VALIGN_TOP, ANKETA_VALIGN_MIDDLE, ANKETA_VALIGN_BOTTOM };

struct anketa_color {
    double r, g, b;              /* 0..1, for the screen and plain PDF */
    int has_cmyk;                /* the template gave cmyk: leaflet --pdfx prints it */
    double c, m, y, k;           /* 0..1 */
};

struct anketa_element {
    enum anketa_element_type type;
    long line;                   /* where it stands in the template, for messages */
    double x, y, w, h;           /* mm; a rule goes from (x, y) to (x + w, y + h) */
    /* text */
    char *text;                  /* with {column} and {table} placeholders */
    char *font;                  /* family, "Arial" by default */
    int bold;
    double size, min_size;       /* points; the text shrinks from size to min_size */
    enum anketa_align align;
    enum anketa_valign valign;
    double line_spacing;         /* a factor of the font's own, 1 by default */
    int wrap_anywhere;           /* break inside words too (links); else between words */
    /* text, box, rule, qr */
    struct anketa_color color;   /* text, rule and QR modules; box fill */
    struct anketa_color stroke;  /* box outline */
    double stroke_width;         /* mm; 0: none */
    int bleed;                   /* a box reaching the trim edge extends into the bleed */
    /* qr */
    int margin;                  /* quiet zone in modules (4) */
    /* image */
    char *source;                /* "logo", or a path relative to the template */
};

/* A text table: a key to text. Keys are an item's kind or event type, a
 * direction's kind or id, any of these after "<level>." (such as
 * "direction.service"), or "default" (anketa-template(5)). */
struct anketa_text_entry {
    char *key;
    char *text;
};
struct anketa_text_table {
    char *name;
    struct anketa_text_entry *entries;
    size_t count;
};

struct anketa_template {
    char *path;
    char *dir;                   /* its folder, for relative image paths */
    char *name;
    double width, height;        /* mm, the trimmed page */
    int grid;                    /* 0: one row per page; 1: a grid of cells */
    int columns, rows;           /* grid size */
    int small_columns, small_rows; /* for control and prevention (9 per sheet) */
    double cell_x, cell_y, cell_w, cell_h, gap; /* the grid's area and spacing */
    unsigned levels;             /* the code levels it takes (anketa/codes.h bits) */
    double png_width_px;         /* for --format png without --dpi (0: use dpi) */
    struct anketa_element *elements; /* on the page */
    size_t element_count;
    struct anketa_element *cell;     /* in each grid cell, relative to it */
    size_t cell_count;
    struct anketa_text_table *tables;
    size_t table_count;
};

/* Loads a template by path, or by name from share/templates/leaflet/NAME.yaml
 * when `name_or_path` has no '/' and does not end in .yaml. NULL with err
 * (file:line:column) on any error. */
ANKETA_API struct anketa_template *anketa_template_load(const char *name_or_path,
                                                        struct anketa_error *err);
ANKETA_API struct anketa_template *anketa_template_parse(const char *text, size_t len,
                                                         const char *path,
                                                         struct anketa_error *err);
/* NULL is allowed. */
ANKETA_API void anketa_template_free(struct anketa_template *t);

/* The text of table `table` for the first of keys[0..n) it has (a NULL key
 * is skipped), else its "default"; NULL when the table or all are absent. */
ANKETA_API const char *anketa_template_lookup(const struct anketa_template *t, const char *table,
                                              const char *const *keys, size_t n);

/* The text of table `table` for a direction: by kind, then by direction id,
 * then "default"; NULL when the table or all three are absent. */
ANKETA_API const char *anketa_template_text(const struct anketa_template *t, const char *table,
                                            const char *kind, const char *direction);

#ifdef __cplusplus
}
#endif

#endif
