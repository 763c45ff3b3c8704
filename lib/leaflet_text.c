/* Text that wraps and shrinks to fit its box, with pango on cairo. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "leaflet_int.h"

/* The family fontconfig gives for `family` (g_free it), or NULL. */
static char *resolved_family(PangoContext *ctx, const char *family)
{
    PangoFontDescription *want = pango_font_description_from_string(family);
    PangoFont *font = pango_context_load_font(ctx, want);
    char *name = NULL;
    if (font != NULL) {
        PangoFontDescription *got = pango_font_describe(font);
        name = g_strdup(pango_font_description_get_family(got));
        pango_font_description_free(got);
        g_object_unref(font);
    }
    pango_font_description_free(want);
    return name;
}

/* Says once when fontconfig gave another family than the one asked for
 * (Arial is usually absent on Linux; Liberation Sans has its metrics). */
static void check_font(struct anketa_leaflet *l, const char *family)
{
    if (l->font_checked)
        return;
    l->font_checked = 1;
    char *name = resolved_family(pango_layout_get_context(l->layout), family);
    if (name != NULL && strcasecmp(name, family) != 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "font '%s' is not installed; using '%s'%s", family, name,
                 strcasecmp(family, "Arial") == 0 && strstr(name, "Liberation Sans")
                     ? ", which has the same metrics" : "");
        leaflet_warn(l, msg);
    }
    g_free(name);
}

int leaflet_check_fonts(const struct anketa_template *t, struct anketa_error *err)
{
    PangoContext *ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
    const struct anketa_element *lists[2] = { t->elements, t->cell };
    size_t counts[2] = { t->element_count, t->cell_count };
    int rc = 0;
    for (int k = 0; rc == 0 && k < 2; k++)
        for (size_t i = 0; rc == 0 && i < counts[k]; i++) {
            const struct anketa_element *e = &lists[k][i];
            if (e->type != ANKETA_EL_TEXT)
                continue;
            char *name = resolved_family(ctx, e->font);
            if (name == NULL || strcasecmp(name, e->font) != 0)
                rc = anketa_error_at(err, ANKETA_ERR_INVALID, t->path, e->line, 0,
                                     "font '%s' is not installed (fontconfig would use '%s'), "
                                     "and --strict-fonts forbids a substitute: install it",
                                     e->font, name ? name : "none");
            g_free(name);
        }
    g_object_unref(ctx);
    return rc;
}

static int fits(struct anketa_leaflet *l, const struct anketa_element *e, double size,
                PangoFontDescription *fd)
{
    pango_font_description_set_absolute_size(fd, size * PT_TO_MM * PANGO_SCALE);
    pango_layout_set_font_description(l->layout, fd);
    PangoRectangle ink, logical;
    pango_layout_get_extents(l->layout, &ink, &logical);
    /* A word wider than the box is not wrapped by PANGO_WRAP_WORD: it overflows,
     * which counts as not fitting. */
    return logical.width <= e->w * PANGO_SCALE + 1 && logical.height <= e->h * PANGO_SCALE + 1;
}

int leaflet_text(struct anketa_leaflet *l, const struct anketa_element *e, const char *text,
                 const struct leaflet_row *row, struct anketa_error *err)
{
    if (*text == '\0')
        return 0;
    check_font(l, e->font);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, e->font);
    pango_font_description_set_weight(fd, e->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_text(l->layout, text, -1);
    pango_layout_set_width(l->layout, (int)(e->w * PANGO_SCALE));
    pango_layout_set_wrap(l->layout, e->wrap_anywhere ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD);
    pango_layout_set_alignment(l->layout, e->align == ANKETA_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                          : e->align == ANKETA_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                                                           : PANGO_ALIGN_LEFT);
#if PANGO_VERSION_CHECK(1, 44, 0)
    pango_layout_set_line_spacing(l->layout, (float)e->line_spacing);
#endif
    double size = e->size;
    while (!fits(l, e, size, fd)) {
        size -= 0.5;
        if (size < e->min_size - 1e-9) {
            pango_font_description_free(fd);
            /* Quote the first 60 characters, cut between UTF-8 characters. */
            const char *end = g_utf8_offset_to_pointer(text, MIN(60, g_utf8_strlen(text, -1)));
            return anketa_error_at(err, ANKETA_ERR_INVALID, row->file, row->line, 0,
                                   "'%.*s%s' does not fit in %gx%g mm even at %g pt "
                                   "(template line %ld): shorten it or give it more room",
                                   (int)(end - text), text, *end ? "..." : "", e->w, e->h,
                                   e->min_size, e->line);
        }
    }
    pango_font_description_free(fd);
    PangoRectangle logical;
    pango_layout_get_extents(l->layout, NULL, &logical);
    double height = (double)logical.height / PANGO_SCALE, y = e->y;
    if (e->valign == ANKETA_VALIGN_MIDDLE)
        y += (e->h - height) / 2;
    else if (e->valign == ANKETA_VALIGN_BOTTOM)
        y += e->h - height;
    cairo_set_source_rgb(l->cr, e->color.r, e->color.g, e->color.b);
    cairo_move_to(l->cr, e->x, y);
    pango_cairo_show_layout(l->cr, l->layout);
    return 0;
}
