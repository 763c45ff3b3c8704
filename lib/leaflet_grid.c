/* Grid sheets: the cells of a sheet laid out to fill it. A sheet of fewer
 * items than the grid holds gets fewer, larger cells: three codes on an A4
 * sheet are three large codes, not three small ones at its top. */
#include <math.h>

#include "leaflet_int.h"

#define MAX_SCALE 3.0   /* a single code of a grid: large, not a poster */

/* The extent of the cell's elements: what is scaled. */
static void cell_extent(const struct anketa_template *t, double *w, double *h)
{
    *w = *h = 1;
    for (size_t i = 0; i < t->cell_count; i++) {
        const struct anketa_element *e = &t->cell[i];
        if (e->x + e->w > *w)
            *w = e->x + e->w;
        if (e->y + e->h > *h)
            *h = e->y + e->h;
    }
}

void leaflet_grid_layout(const struct anketa_template *t, size_t n, struct grid_layout *g)
{
    double bw, bh;
    cell_extent(t, &bw, &bh);
    g->columns = 1;
    g->rows = (int)n;
    g->scale = 0;
    for (size_t c = 1; c <= n; c++) {
        size_t r = (n + c - 1) / c;
        double sw = (t->cell_w - (double)(c - 1) * t->gap) / (double)c;
        double sh = (t->cell_h - (double)(r - 1) * t->gap) / (double)r;
        double s = fmin(sw / bw, sh / bh);
        if (s > g->scale + 1e-9) {
            g->scale = s;
            g->columns = (int)c;
            g->rows = (int)r;
            g->slot_w = sw;
            g->slot_h = sh;
        }
    }
    if (g->scale > MAX_SCALE)
        g->scale = MAX_SCALE;
    g->cell_w = bw * g->scale;
    g->cell_h = bh * g->scale;
}

void leaflet_grid_cell(const struct anketa_template *t, const struct grid_layout *g, size_t k,
                       size_t n, double *x, double *y)
{
    size_t row = k / (size_t)g->columns, col = k % (size_t)g->columns;
    size_t in_row = n - row * (size_t)g->columns;
    if (in_row > (size_t)g->columns)
        in_row = (size_t)g->columns;
    /* A short last row is centred under the others. */
    double row_w = (double)in_row * g->slot_w + (double)(in_row - 1) * t->gap;
    *x = t->cell_x + (t->cell_w - row_w) / 2 + (double)col * (g->slot_w + t->gap) +
         (g->slot_w - g->cell_w) / 2;
    *y = t->cell_y + (double)row * (g->slot_h + t->gap) + (g->slot_h - g->cell_h) / 2;
}
