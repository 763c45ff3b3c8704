/* The one pango-on-cairo set-up of leaflets and the PDF report. */
#include "render_layout.h"

PangoLayout *render_layout_new(cairo_t *cr)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoContext *ctx = pango_layout_get_context(layout);
    /* Metrics without hinting: the same layout at every resolution, so a
     * PNG page breaks its lines where the PDF does. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
#if PANGO_VERSION_CHECK(1, 44, 0)
    /* Unrounded positions also keep the text layer's words whole for pdftotext. */
    pango_context_set_round_glyph_positions(ctx, FALSE);
#endif
    return layout;
}
