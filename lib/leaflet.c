/* The leaflet document: pages, formats, bleed and crop marks, grids. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <anketa/codes.h>
#include <anketa/url.h>

#include "leaflet_int.h"
#include "pdfmeta.h"
#include "render_layout.h"

#define MARKS_MM 8.0   /* room outside the bleed for crop marks */

static double png_dpi(const struct anketa_leaflet *l)
{
    if (l->o.dpi > 0)
        return l->o.dpi;
    if (l->o.tpl->png_width_px > 0)
        return l->o.tpl->png_width_px / (l->page_w / 25.4);
    return 300;
}

/* Page n in the temporary folder of the pages: STEM-0001.ext. */
static char *page_name(const struct anketa_leaflet *l, long n)
{
    size_t len = strlen(l->pages_dir.tmp_path) + strlen(l->stem) + strlen(l->ext) + 24;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s/%s-%04ld%s", l->pages_dir.tmp_path, l->stem, n, l->ext);
    return p;
}

/* A file of a folder of pages: STEM-NNNN.ext, nothing else. */
static int is_page(const char *name, void *ctx)
{
    const struct anketa_leaflet *l = ctx;
    size_t n = strlen(l->stem), digits = 0;
    if (strncmp(name, l->stem, n) != 0 || name[n] != '-')
        return 0;
    for (name += n + 1; *name >= '0' && *name <= '9'; name++)
        digits++;
    return digits >= 4 && strcasecmp(name, l->ext) == 0;
}

/* PNG and SVG: OUT's folder, name and extension, and the pages' temporary
 * folder. Several pages go in folder STEM (OUT without its extension; OUT
 * with ".pages" when it has none), one page is OUT itself. */
static int pages_begin(struct anketa_leaflet *l, struct anketa_error *err)
{
    const char *out = l->o.output, *slash = strrchr(out, '/'), *name = slash ? slash + 1 : out;
    const char *dot = strrchr(name, '.');
    if (dot == name || (dot && dot[1] == '\0'))
        dot = NULL;
    l->out_dir = slash ? strndup(out, slash == out ? 1 : (size_t)(slash - out)) : strdup(".");
    l->stem = strndup(name, dot ? (size_t)(dot - name) : strlen(name));
    l->ext = strdup(dot ? dot : l->o.format == ANKETA_LEAFLET_PNG ? ".png" : ".svg");
    size_t len = strlen(name) + sizeof ".pages";
    if ((l->folder = malloc(len)) != NULL)
        snprintf(l->folder, len, dot ? "%s" : "%s.pages", l->stem);
    if (l->out_dir == NULL || l->stem == NULL || l->ext == NULL || l->folder == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    /* A device or a descriptor (-o /dev/stdout) takes one page, written in
     * place; its pages wait in $TMPDIR, not in /dev. */
    struct stat st;
    l->to_device = stat(out, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
    const char *tmpdir = getenv("TMPDIR");
    return anketa_outdir_open(&l->pages_dir, !l->to_device ? l->out_dir
                                             : tmpdir && *tmpdir ? tmpdir : "/tmp",
                              l->folder, err);
}

/* One page: OUT itself (links followed), and no folder of pages from an
 * earlier run beside it. */
static int single_page(struct anketa_leaflet *l, struct anketa_error *err)
{
    char *name = page_name(l, 1);
    FILE *in = name ? fopen(name, "rb") : NULL;
    free(name);
    if (in == NULL)
        return anketa_error_at(err, ANKETA_ERR_IO, l->o.output, 0, 0, "cannot read the page back");
    unsigned flags = l->o.format == ANKETA_LEAFLET_PNG ? ANKETA_OUTPUT_BINARY : 0;
    struct anketa_output *out = anketa_output_open_flags(l->o.output, flags, err);
    int rc = out ? 0 : err->code;
    char buf[65536];
    size_t n;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, anketa_output_stream(out));
    if (rc == 0 && ferror(in))
        rc = anketa_error_at(err, ANKETA_ERR_IO, l->o.output, 0, 0, "cannot read the page back");
    fclose(in);
    if (rc == 0)
        rc = anketa_output_commit(out, err);
    else
        anketa_output_abort(out);
    if (rc == 0 && !l->to_device)
        anketa_outdir_remove_set(l->pages_dir.parent, l->folder, is_page, l);
    anketa_outdir_abort(&l->pages_dir);
    return rc;
}

/* Several pages: their folder swapped in whole; a single OUT of an earlier
 * run goes. */
static int page_set(struct anketa_leaflet *l, struct anketa_error *err)
{
    if (l->to_device) {
        anketa_outdir_abort(&l->pages_dir);
        return anketa_error_at(err, ANKETA_ERR_IO, l->o.output, 0, 0,
                               "%ld pages do not go to a device: give -o a file name", l->pages);
    }
    int rc = anketa_outdir_commit(&l->pages_dir, is_page, l, err);
    struct stat st;
    if (rc == 0 && lstat(l->o.output, &st) == 0 && S_ISREG(st.st_mode))
        unlink(l->o.output);
    return rc;
}

static void setup_context(struct anketa_leaflet *l)
{
    /* Units are millimetres from the trim's top left corner. */
    double scale = l->o.format == ANKETA_LEAFLET_PNG ? png_dpi(l) / 25.4 : MM_TO_PT;
    cairo_scale(l->cr, scale, scale);
    cairo_translate(l->cr, l->offset, l->offset);
    if (l->layout == NULL) {
        l->layout = render_layout_new(l->cr);
    } else {
        pango_cairo_update_layout(l->cr, l->layout);
    }
}

int leaflet_page_begin(struct anketa_leaflet *l, struct anketa_error *err)
{
    if (l->o.format != ANKETA_LEAFLET_PDF) {
        double dpi = png_dpi(l);
        if (l->o.format == ANKETA_LEAFLET_PNG)
            l->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                                    (int)(l->page_w / 25.4 * dpi + 0.5),
                                                    (int)(l->page_h / 25.4 * dpi + 0.5));
        else {
            char *name = page_name(l, l->pages + 1);
            l->out = name ? anketa_output_open_flags(name, ANKETA_OUTPUT_NO_DIRSYNC, err) : NULL;
            free(name);
            if (l->out == NULL)
                return err->code ? err->code : ANKETA_ERR_NOMEM;
            l->surface = cairo_svg_surface_create_for_stream(pdfmeta_write_stream,
                                                             anketa_output_stream(l->out),
                                                             l->page_w * MM_TO_PT,
                                                             l->page_h * MM_TO_PT);
        }
        if (cairo_surface_status(l->surface) != CAIRO_STATUS_SUCCESS)
            return anketa_error_set(err, ANKETA_ERR_IO, "cannot create a page: %s",
                                    cairo_status_to_string(cairo_surface_status(l->surface)));
        l->cr = cairo_create(l->surface);
    }
    cairo_save(l->cr);
    cairo_identity_matrix(l->cr);
    cairo_set_source_rgb(l->cr, 1, 1, 1);
    cairo_paint(l->cr);
    cairo_restore(l->cr);
    cairo_save(l->cr);
    setup_context(l);
    return 0;
}

static void crop_marks(struct anketa_leaflet *l)
{
    const struct anketa_template *t = l->o.tpl;
    double gap = l->o.bleed + 1, end = l->offset;  /* from just past the bleed to the edge */
    double xs[2] = { 0, t->width }, ys[2] = { 0, t->height };
    cairo_set_line_width(l->cr, 0.1);
    cairo_set_source_rgb(l->cr, 0, 0, 0);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double sx = i ? 1 : -1, sy = j ? 1 : -1;
            cairo_move_to(l->cr, xs[i] + sx * gap, ys[j]);
            cairo_line_to(l->cr, xs[i] + sx * end, ys[j]);
            cairo_move_to(l->cr, xs[i], ys[j] + sy * gap);
            cairo_line_to(l->cr, xs[i], ys[j] + sy * end);
        }
    cairo_stroke(l->cr);
}

int leaflet_page_end(struct anketa_leaflet *l, struct anketa_error *err)
{
    if (l->o.crop_marks)
        crop_marks(l);
    cairo_restore(l->cr);
    l->pages++;
    if (l->o.format == ANKETA_LEAFLET_PDF) {
        cairo_show_page(l->cr);
        return 0;
    }
    char *name = page_name(l, l->pages);
    if (name == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    int rc = 0;
    if (l->o.format == ANKETA_LEAFLET_PNG) {
        struct anketa_output *out = anketa_output_open_flags(name, ANKETA_OUTPUT_NO_DIRSYNC,
                                                             err);
        if (out == NULL)
            rc = err->code;
        else if ((rc = leaflet_png_write(l->surface, png_dpi(l), anketa_output_stream(out), name,
                                         err)) != 0)
            anketa_output_abort(out);
        else
            rc = anketa_output_commit(out, err);
    }
    cairo_destroy(l->cr);
    l->cr = NULL;
    cairo_surface_finish(l->surface);
    if (rc == 0 && cairo_surface_status(l->surface) != CAIRO_STATUS_SUCCESS)
        rc = anketa_error_at(err, ANKETA_ERR_IO, name, 0, 0, "%s",
                             cairo_status_to_string(cairo_surface_status(l->surface)));
    cairo_surface_destroy(l->surface);
    l->surface = NULL;
    if (l->o.format == ANKETA_LEAFLET_SVG) {
        if (rc == 0)
            rc = anketa_output_commit(l->out, err);
        else
            anketa_output_abort(l->out);
        l->out = NULL;
    }
    free(name);
    return rc;
}

struct anketa_leaflet *anketa_leaflet_new(const struct anketa_leaflet_options *o,
                                          struct anketa_error *err)
{
    struct anketa_leaflet *l = calloc(1, sizeof *l);
    if (l == NULL) {
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    if (o->strict_fonts && leaflet_check_fonts(o->tpl, err) != 0) {
        free(l);
        return NULL;
    }
    l->o = *o;
    l->offset = o->bleed + (o->crop_marks ? MARKS_MM : 0);
    l->page_w = o->tpl->width + 2 * l->offset;
    l->page_h = o->tpl->height + 2 * l->offset;
    l->pages_dir.parent = -1;
    if (o->pdfx && o->format != ANKETA_LEAFLET_PDF) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "PDF/X is a PDF: --pdfx needs --format pdf");
        free(l);
        return NULL;
    }
    if (o->format != ANKETA_LEAFLET_PDF) {
        if (pages_begin(l, err) == 0)
            return l;
        anketa_leaflet_free(l);
        return NULL;
    }
    if ((o->pdfx && leaflet_print_inks(l, err) != 0) ||
        (l->out = anketa_output_open_flags(o->output, ANKETA_OUTPUT_BINARY, err)) == NULL) {
        free(l->inks);
        free(l);
        return NULL;
    }
    /* Held in memory: the boxes and PDF/X are added when it is finished. */
    l->surface = cairo_pdf_surface_create_for_stream(pdf_buffer_write, &l->pdf,
                                                     l->page_w * MM_TO_PT, l->page_h * MM_TO_PT);
    pdfmeta_set(l->surface, o->tpl->name);
    l->cr = cairo_create(l->surface);
    return l;
}

static void free_row(struct leaflet_row *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->fields[i]);
    free(r->fields);
    free(r->file);
}

static int hold_row(struct anketa_leaflet *l, const struct anketa_csv_row *row, const char *file)
{
    if (l->held_count == l->held_cap) {
        size_t ncap = l->held_cap ? l->held_cap * 2 : 64;
        struct leaflet_row *h = realloc(l->held, ncap * sizeof *h);
        if (h == NULL)
            return -1;
        l->held = h;
        l->held_cap = ncap;
    }
    struct leaflet_row *r = &l->held[l->held_count];
    r->line = row->line;
    r->count = row->count;
    r->file = strdup(file);
    r->fields = calloc(row->count ? row->count : 1, sizeof *r->fields);
    int ok = r->file && r->fields;
    for (size_t i = 0; ok && i < row->count; i++)
        ok = (r->fields[i] = strdup(row->fields[i])) != NULL;
    l->held_count++;
    return ok ? 0 : -1;
}

/* Draws one row's page (the page begun). */
static int draw_row(struct anketa_leaflet *l, const struct leaflet_row *r,
                    struct anketa_error *err)
{
    const struct anketa_template *t = l->o.tpl;
    int rc = leaflet_draw_elements(l, t->elements, t->element_count, r, 0, 0, err);
    if (rc != 0) {
        /* Close the page anyway, so that the caller can go on to list every
         * row at fault; a document with errors is not finished. */
        struct anketa_error ignore;
        leaflet_page_end(l, &ignore);
        return rc;
    }
    return leaflet_page_end(l, err);
}

int anketa_leaflet_add(struct anketa_leaflet *l, const struct anketa_csv_row *row,
                       const char *file, struct anketa_error *err)
{
    const struct anketa_template *t = l->o.tpl;
    struct leaflet_row r = { row->line, (char *)(uintptr_t)file, row->fields, row->count };
    if (row->count != l->column_count)
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, row->line, 0,
                               "%zu fields where the header has %zu", row->count, l->column_count);
    unsigned level = 0;
    struct anketa_error ignored;
    const char *lv = leaflet_value(l, &r, "level");
    if (*lv)
        level = anketa_code_levels_parse(lv, &ignored);
    if (level == 0)
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, row->line, 0,
                               "unknown level '%s'", lv);
    if (!(level & t->levels))
        return 0;
    /* the code is drawn from the URL by qrgen's rule (anketa/url.h), never
     * from whatever the manifest holds */
    int ucol = leaflet_column(l, "url");
    struct anketa_error uerr;
    char *url = anketa_url_normalize_n(row->fields[ucol], row->lengths[ucol], &uerr);
    if (url == NULL)
        return anketa_error_at(err, uerr.code, file, row->line, ucol + 1, "url: %s", uerr.message);
    if (t->grid) {
        if (hold_row(l, row, file) != 0) {
            free(url);
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        }
        char **held = &l->held[l->held_count - 1].fields[ucol];
        free(*held);
        *held = url;
        return 1;
    }
    char **fields = malloc(row->count * sizeof *fields);
    if (fields == NULL) {
        free(url);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    memcpy(fields, row->fields, row->count * sizeof *fields);
    fields[ucol] = url;
    r.fields = fields;
    int rc = leaflet_page_begin(l, err);
    if (rc == 0)
        rc = draw_row(l, &r, err);
    free(fields);
    free(url);
    return rc == 0 ? 1 : rc;
}

/* The group of a grid row: the items of one authority, direction, point,
 * kind and event type. */
static int same_group(const struct anketa_leaflet *l, const struct leaflet_row *a,
                      const struct leaflet_row *b)
{
    static const char *const keys[] = { "authority", "direction", "point" };
    const char *ka, *ea, *kb, *eb;
    leaflet_row_kind(l, a, &ka, &ea);
    leaflet_row_kind(l, b, &kb, &eb);
    if (strcmp(ka, kb) != 0 || strcmp(ea, eb) != 0)
        return 0;
    for (int i = 0; i < 3; i++)
        if (strcmp(leaflet_value(l, a, keys[i]), leaflet_value(l, b, keys[i])) != 0)
            return 0;
    return 1;
}

static int draw_grids(struct anketa_leaflet *l, struct anketa_error *err)
{
    const struct anketa_template *t = l->o.tpl;
    char *done = calloc(l->held_count ? l->held_count : 1, 1);
    size_t *sheet = calloc(l->held_count ? l->held_count : 1, sizeof *sheet);
    int rc = done && sheet ? 0 : anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t first = 0; rc == 0 && first < l->held_count; first++) {
        if (done[first])
            continue;
        int small = leaflet_row_small(l, &l->held[first]);
        size_t cap = (size_t)(small ? t->small_columns * t->small_rows : t->columns * t->rows);
        /* A sheet at a time: its rows, then laid out to fill the sheet. */
        for (size_t i = first; rc == 0 && i < l->held_count;) {
            size_t n = 0;
            for (; i < l->held_count && n < cap; i++)
                if (!done[i] && same_group(l, &l->held[first], &l->held[i])) {
                    sheet[n++] = i;
                    done[i] = 1;
                }
            if (n == 0)
                break;
            struct grid_layout g;
            leaflet_grid_layout(t, n, &g);
            if ((rc = leaflet_page_begin(l, err)) ||
                (rc = leaflet_draw_elements(l, t->elements, t->element_count, &l->held[first],
                                            0, 0, err)))
                break;
            for (size_t k = 0; rc == 0 && k < n; k++) {
                double x, y;
                leaflet_grid_cell(t, &g, k, n, &x, &y);
                rc = leaflet_draw_scaled(l, t->cell, t->cell_count, &l->held[sheet[k]], x, y,
                                         g.scale, err);
            }
            if (rc == 0)
                rc = leaflet_page_end(l, err);
        }
    }
    free(sheet);
    free(done);
    return rc;
}

int anketa_leaflet_finish(struct anketa_leaflet *l, struct anketa_error *err)
{
    int rc = l->o.tpl->grid ? draw_grids(l, err) : 0;
    if (rc != 0)
        return rc;
    if (l->o.format == ANKETA_LEAFLET_PDF) {
        cairo_destroy(l->cr);
        l->cr = NULL;
        cairo_surface_finish(l->surface);
        cairo_status_t st = cairo_surface_status(l->surface);
        cairo_surface_destroy(l->surface);
        l->surface = NULL;
        if (st != CAIRO_STATUS_SUCCESS) {
            anketa_output_abort(l->out);
            l->out = NULL;
            return anketa_error_at(err, ANKETA_ERR_IO, l->o.output, 0, 0, "%s",
                                   cairo_status_to_string(st));
        }
        rc = leaflet_print_write(l, anketa_output_stream(l->out), err);
        if (rc == 0)
            rc = anketa_output_commit(l->out, err);
        else
            anketa_output_abort(l->out);
        l->out = NULL;
        l->finished = rc == 0;
        return rc;
    }
    rc = l->pages == 0 ? 0 : l->pages == 1 ? single_page(l, err) : page_set(l, err);
    if (l->pages == 0)
        anketa_outdir_abort(&l->pages_dir);
    l->finished = rc == 0;
    return rc;
}

long anketa_leaflet_pages(const struct anketa_leaflet *l)
{
    return l->pages;
}

void anketa_leaflet_free(struct anketa_leaflet *l)
{
    if (l == NULL)
        return;
    if (l->cr)
        cairo_destroy(l->cr);
    if (l->surface) {
        cairo_surface_finish(l->surface);
        cairo_surface_destroy(l->surface);
    }
    anketa_output_abort(l->out);
    free(l->pdf.data);
    free(l->inks);
    if (l->layout)
        g_object_unref(l->layout);
    for (size_t i = 0; i < l->logo_count; i++) {
        if (l->logos[i].surface)
            cairo_surface_destroy(l->logos[i].surface);
        free(l->logos[i].path);
    }
    free(l->logos);
    for (size_t i = 0; i < l->held_count; i++)
        free_row(&l->held[i]);
    free(l->held);
    for (size_t i = 0; i < l->column_count; i++)
        free(l->columns[i]);
    free(l->columns);
    /* Pages of an unfinished run go: a failed run leaves no partial set. */
    if (l->pages_dir.tmp != NULL)
        anketa_outdir_abort(&l->pages_dir);
    free(l->out_dir);
    free(l->stem);
    free(l->ext);
    free(l->folder);
    free(l);
}
