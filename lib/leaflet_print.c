/* Leaflet PDFs for a print shop: TrimBox and BleedBox on every page, and
 * with --pdfx the template's CMYK for its colours, K-only black. */
#include <stdlib.h>
#include <string.h>

#include "leaflet_int.h"

static int add_ink(struct anketa_leaflet *l, const struct anketa_color *c, long line,
                   struct anketa_error *err)
{
    const struct anketa_template *t = l->o.tpl;
    struct pdf_ink ink = { c->r, c->g, c->b, c->c, c->m, c->y, c->k };
    double have[4];
    unsigned hex = (unsigned)(c->r * 255 + 0.5) << 16 | (unsigned)(c->g * 255 + 0.5) << 8 |
                   (unsigned)(c->b * 255 + 0.5);
    double rgb[3] = { c->r, c->g, c->b };
    if (pdf_ink_find(l->inks, l->ink_count, rgb, have) == 0) {
        if (!c->has_cmyk || (have[0] == ink.c && have[1] == ink.m && have[2] == ink.y &&
                             have[3] == ink.k))
            return 0;
        return anketa_error_at(err, ANKETA_ERR_INVALID, t->path, line, 0,
                               "colour #%06X has cmyk [%g, %g, %g, %g], but with --pdfx it is "
                               "already printed as [%g, %g, %g, %g] (black is K only)", hex,
                               ink.c * 100, ink.m * 100, ink.y * 100, ink.k * 100,
                               have[0] * 100, have[1] * 100, have[2] * 100, have[3] * 100);
    }
    if (!c->has_cmyk && pdf_ink_find(NULL, 0, rgb, have) == 0)
        return 0;   /* a grey: K only */
    if (!c->has_cmyk)
        return anketa_error_at(err, ANKETA_ERR_INVALID, t->path, line, 0,
                               "colour #%06X has no cmyk value, which --pdfx needs for every "
                               "colour but greys: write it {rgb: \"#%06X\", cmyk: [C, M, Y, K]}",
                               hex, hex);
    struct pdf_ink *inks = realloc(l->inks, (l->ink_count + 1) * sizeof *inks);
    if (inks == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    l->inks = inks;
    inks[l->ink_count++] = ink;
    return 0;
}

int leaflet_print_inks(struct anketa_leaflet *l, struct anketa_error *err)
{
    /* Black (text, codes, crop marks) is 100 % K alone, never rich black. */
    static const struct anketa_color black = { 0, 0, 0, 1, 0, 0, 0, 1 };
    const struct anketa_template *t = l->o.tpl;
    const struct anketa_element *lists[2] = { t->elements, t->cell };
    size_t counts[2] = { t->element_count, t->cell_count };
    int rc = add_ink(l, &black, 0, err);
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; rc == 0 && i < counts[k]; i++) {
            const struct anketa_element *e = &lists[k][i];
            if (e->type == ANKETA_EL_TEXT || e->type == ANKETA_EL_BOX || e->type == ANKETA_EL_RULE)
                rc = add_ink(l, &e->color, e->line, err);
            if (rc == 0 && e->type == ANKETA_EL_BOX && e->stroke_width > 0)
                rc = add_ink(l, &e->stroke, e->line, err);
        }
    return rc;
}

int leaflet_print_write(struct anketa_leaflet *l, FILE *out, struct anketa_error *err)
{
    const struct anketa_template *t = l->o.tpl;
    struct pdf_finish f = { { 0 }, { 0 }, l->o.pdfx, l->inks, l->ink_count, t->name };
    double trim[4] = { l->offset, l->offset, l->offset + t->width, l->offset + t->height };
    double sheet[4] = { 0, 0, l->page_w, l->page_h };
    for (int i = 0; i < 4; i++) {
        double b = trim[i] + (i < 2 ? -l->o.bleed : l->o.bleed);
        /* Inside the MediaBox even after rounding (bleed without marks fills it). */
        if (i < 2 ? b < sheet[i] + 1e-6 : b > sheet[i] - 1e-6)
            b = sheet[i];
        f.trim[i] = trim[i] * MM_TO_PT;
        f.bleed[i] = b * MM_TO_PT;
    }
    return pdf_finish_write(l->pdf.data, l->pdf.len, &f, out, l->o.output, err);
}
