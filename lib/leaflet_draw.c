/* Drawing a template's elements for one manifest row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/qr.h>

#include "leaflet_int.h"

static void draw_box(struct anketa_leaflet *l, const struct anketa_element *e, double dx,
                     double dy)
{
    double x = e->x, y = e->y, w = e->w, h = e->h;
    /* A background box that reaches a trim edge runs on into the bleed. */
    if (e->bleed && l->o.bleed > 0) {
        const struct anketa_template *t = l->o.tpl;
        double b = l->o.bleed;
        if (dx + x <= 0.01) { x -= b; w += b; }
        if (dy + y <= 0.01) { y -= b; h += b; }
        if (dx + e->x + e->w >= t->width - 0.01) w += b;
        if (dy + e->y + e->h >= t->height - 0.01) h += b;
    }
    cairo_rectangle(l->cr, x, y, w, h);
    cairo_set_source_rgb(l->cr, e->color.r, e->color.g, e->color.b);
    if (e->stroke_width > 0) {
        cairo_fill_preserve(l->cr);
        cairo_set_line_width(l->cr, e->stroke_width);
        cairo_set_source_rgb(l->cr, e->stroke.r, e->stroke.g, e->stroke.b);
        cairo_stroke(l->cr);
    } else {
        cairo_fill(l->cr);
    }
}

static void draw_rule(struct anketa_leaflet *l, const struct anketa_element *e)
{
    cairo_move_to(l->cr, e->x, e->y);
    cairo_line_to(l->cr, e->x + e->w, e->y + e->h);
    cairo_set_line_width(l->cr, e->stroke_width > 0 ? e->stroke_width : 0.3);
    cairo_set_source_rgb(l->cr, e->color.r, e->color.g, e->color.b);
    cairo_stroke(l->cr);
}

static void qr_run(void *ctx, int x, int y, int len)
{
    cairo_rectangle(ctx, x, y, len, 1);
}

static int draw_qr(struct anketa_leaflet *l, const struct anketa_element *e,
                   const struct leaflet_row *row, struct anketa_error *err)
{
    const char *url = leaflet_value(l, row, "url");
    struct anketa_error qerr;
    struct anketa_qr *qr = anketa_qr_encode(url, ANKETA_QR_EC_M, &qerr);
    if (qr == NULL)
        return anketa_error_at(err, qerr.code, row->file, row->line, 0, "%s", qerr.message);
    int modules = qr->width + 2 * e->margin;
    double module = e->w / modules;
    if (module < MIN_MODULE_MM - 1e-9) {
        int width = qr->width;
        anketa_qr_free(qr);
        return anketa_error_at(err, ANKETA_ERR_INVALID, row->file, row->line, 0,
                               "a code of %d modules (with its quiet zone) in %g mm has "
                               "%.2f mm modules, below the %.1f mm a phone reads at arm's "
                               "length (template line %ld): shorten the URL or enlarge the code",
                               width + 2 * e->margin, e->w, module, MIN_MODULE_MM, e->line);
    }
    /* The quiet zone is white whatever lies beneath; the modules are pure
     * black, one path for the whole code. */
    cairo_rectangle(l->cr, e->x, e->y, e->w, e->w);
    cairo_set_source_rgb(l->cr, 1, 1, 1);
    cairo_fill(l->cr);
    cairo_save(l->cr);
    cairo_translate(l->cr, e->x + e->margin * module, e->y + e->margin * module);
    cairo_scale(l->cr, module, module);
    anketa_qr_runs(qr, qr_run, l->cr);
    cairo_restore(l->cr);
    cairo_set_source_rgb(l->cr, 0, 0, 0);
    cairo_fill(l->cr);
    anketa_qr_free(qr);
    return 0;
}

/* The logo of a row: --logo, else the campaign authority's; NULL if none. */
static const char *logo_path(const struct anketa_leaflet *l, const struct leaflet_row *row)
{
    if (l->o.logo)
        return l->o.logo;
    const struct anketa_authority *a =
        anketa_campaign_authority(l->o.campaign, leaflet_value(l, row, "authority"));
    return a ? a->logo : NULL;
}

static int load_png(struct anketa_leaflet *l, const char *path, cairo_surface_t **out,
                    const struct leaflet_row *row, struct anketa_error *err)
{
    /* Each image is read once; one that cannot be read is reported once (the
     * run fails), and later pages go without it. */
    for (size_t i = 0; i < l->logo_count; i++)
        if (strcmp(l->logos[i].path, path) == 0) {
            *out = l->logos[i].surface;
            return 0;
        }
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    cairo_status_t st = cairo_surface_status(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        s = NULL;
        anketa_error_at(err, ANKETA_ERR_IO, row->file, row->line, 0,
                        "image '%s' cannot be read as PNG: %s", path, cairo_status_to_string(st));
    }
    struct logo_cache *c = realloc(l->logos, (l->logo_count + 1) * sizeof *c);
    if (c == NULL || (c[l->logo_count].path = strdup(path)) == NULL) {
        if (c)
            l->logos = c;
        cairo_surface_destroy(s);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    l->logos = c;
    c[l->logo_count++].surface = s;
    *out = s;
    return s ? 0 : ANKETA_ERR_IO;
}

static int draw_image(struct anketa_leaflet *l, const struct anketa_element *e,
                      const struct leaflet_row *row, struct anketa_error *err)
{
    char buf[4096];
    const char *path;
    if (strcmp(e->source, "logo") == 0) {
        path = logo_path(l, row);
        if (path == NULL) {
            if (!l->logo_warned)
                leaflet_warn(l, "no logo given (--logo, or 'logo' of the authority in the "
                                "campaign): its place stays empty");
            l->logo_warned = 1;
            return 0;
        }
    } else {
        snprintf(buf, sizeof buf, "%s/%s", l->o.tpl->dir, e->source);
        path = e->source[0] == '/' ? e->source : buf;
    }
    cairo_surface_t *img = NULL;
    int rc = load_png(l, path, &img, row, err);
    if (rc || img == NULL)
        return rc;
    double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
    double scale = e->w / iw < e->h / ih ? e->w / iw : e->h / ih;
    /* Kept in proportion, centred in its box. */
    cairo_save(l->cr);
    cairo_translate(l->cr, e->x + (e->w - iw * scale) / 2, e->y + (e->h - ih * scale) / 2);
    cairo_scale(l->cr, scale, scale);
    cairo_set_source_surface(l->cr, img, 0, 0);
    cairo_paint(l->cr);
    cairo_restore(l->cr);
    return 0;
}

int leaflet_draw_elements(struct anketa_leaflet *l, const struct anketa_element *els, size_t n,
                          const struct leaflet_row *row, double dx, double dy,
                          struct anketa_error *err)
{
    return leaflet_draw_scaled(l, els, n, row, dx, dy, 1, err);
}

int leaflet_draw_scaled(struct anketa_leaflet *l, const struct anketa_element *els, size_t n,
                        const struct leaflet_row *row, double dx, double dy, double scale,
                        struct anketa_error *err)
{
    int rc = 0;
    cairo_save(l->cr);
    cairo_translate(l->cr, dx, dy);
    if (scale != 1) {
        cairo_scale(l->cr, scale, scale);
        pango_cairo_update_layout(l->cr, l->layout);
    }
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const struct anketa_element *e = &els[i];
        switch (e->type) {
        case ANKETA_EL_BOX: draw_box(l, e, dx, dy); break;
        case ANKETA_EL_RULE: draw_rule(l, e); break;
        case ANKETA_EL_QR: {
            int link = leaflet_link_begin(l, leaflet_value(l, row, "url"));
            rc = draw_qr(l, e, row, err);
            leaflet_link_end(l, link);
            break;
        }
        case ANKETA_EL_IMAGE: rc = draw_image(l, e, row, err); break;
        case ANKETA_EL_TEXT: {
            char *text = leaflet_expand(l, e->text, row);
            /* the text that shows the link is the link */
            int link = strstr(e->text, "{url}") ? leaflet_link_begin(l, leaflet_value(l, row, "url"))
                                                : 0;
            rc = text ? leaflet_text(l, e, text, row, err)
                      : anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
            leaflet_link_end(l, link);
            free(text);
            break;
        }
        }
    }
    cairo_restore(l->cr);
    if (scale != 1)
        pango_cairo_update_layout(l->cr, l->layout);
    return rc;
}
