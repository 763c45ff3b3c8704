/* Text layout for the render part (internal). */
#ifndef ANKETA_RENDER_LAYOUT_H
#define ANKETA_RENDER_LAYOUT_H

#include <pango/pangocairo.h>

/* A layout on cr set up for print: unhinted metrics, unrounded glyph
 * positions. Freed with g_object_unref(). */
PangoLayout *render_layout_new(cairo_t *cr);

#endif
