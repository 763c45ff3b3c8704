/* The report as an A4 PDF with cairo and pango: flowing blocks, tables that
 * continue across pages with their header repeated, vector charts, page
 * numbers. Laid out twice: the first pass counts the pages for "N из M". */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "pdfmeta.h"
#include "render_layout.h"
#include "report_int.h"

#define MM_TO_PT (72.0 / 25.4)
#define PAGE_W 210.0
#define PAGE_H 297.0
#define LEFT 18.0
#define WIDTH (PAGE_W - 2 * LEFT)
#define TOP 18.0
#define BOTTOM (PAGE_H - 20.0)
#define PT(x) ((x) * 25.4 / 72.0)   /* font points to mm */
#define ACCENT 0x1F4E9A

struct pdf {
    const struct anketa_report *r;
    cairo_t *cr;
    PangoLayout *layout;
    double y;
    int page, pages;
};

static void rgb(cairo_t *cr, unsigned c)
{
    cairo_set_source_rgb(cr, ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0, (c & 255) / 255.0);
}

/* Sets the layout for text in a box of `width` mm; returns its height. */
static double pdf_layout(struct pdf *p, const char *text, double size_pt, int bold, double width,
                       int align)
{
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, "Arial");
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(fd, PT(size_pt) * PANGO_SCALE);
    pango_layout_set_font_description(p->layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(p->layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(p->layout, align == TEXT_RIGHT ? PANGO_ALIGN_RIGHT
                                          : align == TEXT_CENTER ? PANGO_ALIGN_CENTER
                                                                 : PANGO_ALIGN_LEFT);
    pango_layout_set_text(p->layout, text ? text : "", -1);
    PangoRectangle logical;
    pango_layout_get_extents(p->layout, NULL, &logical);
    return (double)logical.height / PANGO_SCALE;
}

static void show_text(struct pdf *p, double x, double y, unsigned color)
{
    rgb(p->cr, color);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, p->layout);
}

static void footer(struct pdf *p)
{
    char buf[64];
    snprintf(buf, sizeof buf, "Страница %d из %d", p->page, p->pages ? p->pages : p->page);
    pdf_layout(p, buf, 8, 0, WIDTH, TEXT_RIGHT);
    show_text(p, LEFT, PAGE_H - 13, 0x777777);
    pdf_layout(p, p->r->title, 8, 0, WIDTH * 0.7, TEXT_LEFT);
    pango_layout_set_ellipsize(p->layout, PANGO_ELLIPSIZE_END);
    show_text(p, LEFT, PAGE_H - 13, 0x777777);
    pango_layout_set_ellipsize(p->layout, PANGO_ELLIPSIZE_NONE);
}

static void new_page(struct pdf *p)
{
    footer(p);
    cairo_show_page(p->cr);
    p->page++;
    p->y = TOP;
}

/* Starts a new page unless `h` mm still fit on this one. */
static void ensure(struct pdf *p, double h)
{
    if (p->y + h > BOTTOM && p->y > TOP)
        new_page(p);
}

static void heading(struct pdf *p, const struct doc_block *b)
{
    double size = b->level == 0 ? 18 : 13;
    double h = pdf_layout(p, b->text, size, 1, WIDTH, TEXT_LEFT);
    ensure(p, h + 30); /* a heading stays with what follows */
    pdf_layout(p, b->text, size, 1, WIDTH, TEXT_LEFT); /* a new page's footer used the layout */
    if (b->level == 1)
        p->y += 4;
    show_text(p, LEFT, p->y, ACCENT);
    p->y += h + 1;
    if (b->level == 1) {
        cairo_set_line_width(p->cr, 0.5);
        rgb(p->cr, ACCENT);
        cairo_move_to(p->cr, LEFT, p->y);
        cairo_line_to(p->cr, LEFT + WIDTH, p->y);
        cairo_stroke(p->cr);
    }
    p->y += 3;
}

static void paragraph(struct pdf *p, const struct doc_block *b)
{
    double h = pdf_layout(p, b->text, 10, 0, WIDTH, TEXT_LEFT);
    ensure(p, h);
    pdf_layout(p, b->text, 10, 0, WIDTH, TEXT_LEFT); /* a new page's footer used the layout */
    show_text(p, LEFT, p->y, 0x222222);
    p->y += h + 3;
}

/* Column widths: numbers get a width by their header (or 24 mm); the text
 * columns share the rest by the length of their longest text. When the
 * numbers leave the text too little (a wide matrix), they are narrowed. */
static void widths(const struct doc_block *b, double *w)
{
    static const struct { const char *head; double width; } fixed_widths[] = {
        { "№", 8 }, { "Ответов", 17 }, { "Всего", 17 }, { "Удовлетворенность", 34 },
        { "95% ДИ", 27 }, { "Средний балл", 19 }, { "Изменение к пред. периоду", 22 },
        { "Значимость (95%)", 20 },
    };
    double fixed = 0, weight[32] = { 0 }, weights = 0;
    size_t texts = 0;
    for (size_t c = 0; c < b->columns; c++) {
        w[c] = 0;
        if (b->kind == BLOCK_FIGURES) {
            w[c] = c == 0 ? WIDTH * 0.62 : WIDTH * 0.38;
            continue;
        }
        for (size_t k = 0; w[c] == 0 && k < sizeof fixed_widths / sizeof fixed_widths[0]; k++)
            if (strcmp(b->head[c], fixed_widths[k].head) == 0)
                w[c] = fixed_widths[k].width;
        int numbers = 0;
        for (size_t row = 0; row < b->rows && !numbers; row++)
            numbers = !isnan(b->cells[row * b->columns + c].value);
        if (w[c] == 0 && c > 0 && numbers)
            w[c] = 24; /* a further column of figures (readiness, a matrix) */
        if (w[c] == 0) {
            double longest = 8;
            for (size_t row = 0; row < b->rows; row++) {
                const char *t = b->cells[row * b->columns + c].text;
                double chars = 0;
                for (const unsigned char *q = (const unsigned char *)t; q && *q; q++)
                    chars += (*q & 0xC0) != 0x80;
                longest = chars > longest ? chars : longest;
            }
            weight[c] = longest > 60 ? 60 : longest;
            weights += weight[c];
            texts++;
        }
        fixed += w[c];
    }
    if (b->kind == BLOCK_FIGURES || texts == 0)
        return;
    double room = WIDTH - fixed, least = 36.0 * (double)texts;
    if (room < least) { /* narrow the numbers, down to half */
        double k = (WIDTH - least) / fixed;
        k = k < 0.5 ? 0.5 : k;
        for (size_t c = 0; c < b->columns; c++)
            w[c] *= weight[c] > 0 ? 1 : k;
        room = WIDTH - fixed * k;
    }
    for (size_t c = 0; c < b->columns; c++)
        if (weight[c] > 0)
            w[c] = room * weight[c] / weights;
}

static double row_height(struct pdf *p, const struct doc_block *b, const double *w, size_t row,
                         int header)
{
    double h = 0;
    for (size_t c = 0; c < b->columns; c++) {
        const char *text = header ? b->head[c] : b->cells[row * b->columns + c].text;
        double th = pdf_layout(p, text, header ? 8.5 : 9, header, w[c] - 2, TEXT_LEFT);
        if (th > h)
            h = th;
    }
    return h + 2.4;
}

static void draw_row(struct pdf *p, const struct doc_block *b, const double *w, size_t row,
                     int header, double h)
{
    double x = LEFT;
    for (size_t c = 0; c < b->columns; c++) {
        const struct doc_cell *cell = header ? NULL : &b->cells[row * b->columns + c];
        unsigned fill = header ? ACCENT : cell->tone >= TONE_GOOD && cell->tone <= TONE_BAD
                                              ? p->r->fill[cell->tone] : 0xFFFFFF;
        if (fill != 0xFFFFFF) {
            rgb(p->cr, fill);
            cairo_rectangle(p->cr, x, p->y, w[c], h);
            cairo_fill(p->cr);
        }
        int right = !header && (!isnan(cell->value) || cell->tone == TONE_HIDDEN) &&
                    b->kind == BLOCK_TABLE;
        pdf_layout(p, header ? b->head[c] : cell->text, header ? 8.5 : 9, header, w[c] - 2,
                 right ? TEXT_RIGHT : TEXT_LEFT);
        show_text(p, x + 1, p->y + 1.2, header ? 0xFFFFFF
                                        : cell->tone == TONE_HIDDEN ? 0x888888 : 0x222222);
        x += w[c];
    }
    if (!header) {
        cairo_set_line_width(p->cr, 0.15);
        rgb(p->cr, 0xCCCCCC);
        cairo_move_to(p->cr, LEFT, p->y + h);
        cairo_line_to(p->cr, LEFT + WIDTH, p->y + h);
        cairo_stroke(p->cr);
    }
    p->y += h;
}

static void table(struct pdf *p, const struct doc_block *b)
{
    double w[32];
    if (b->columns > 32)
        return;
    widths(b, w);
    int has_head = b->kind == BLOCK_TABLE;
    double hh = has_head ? row_height(p, b, w, 0, 1) : 0;
    for (size_t row = 0; row < b->rows; row++) {
        double h = row_height(p, b, w, row, 0);
        int top_of_table = row == 0;
        if (p->y + h + (top_of_table ? hh : 0) > BOTTOM) {
            new_page(p);
            top_of_table = 1;   /* the header again on the new page */
        }
        if (has_head && top_of_table)
            draw_row(p, b, w, 0, 1, hh);
        draw_row(p, b, w, row, 0, h);
    }
    p->y += 4;
}

static void cr_rect(void *ctx, double x, double y, double w, double h, unsigned c)
{
    rgb(ctx, c);
    cairo_rectangle(ctx, x, y, w, h);
    cairo_fill(ctx);
}

static void cr_line(void *ctx, double x1, double y1, double x2, double y2, double width,
                    unsigned c, int dashed)
{
    static const double dash[] = { 1.5, 1 };
    rgb(ctx, c);
    cairo_set_line_width(ctx, width);
    cairo_set_dash(ctx, dash, dashed ? 2 : 0, 0);
    cairo_move_to(ctx, x1, y1);
    cairo_line_to(ctx, x2, y2);
    cairo_stroke(ctx);
    cairo_set_dash(ctx, dash, 0, 0);
}

static struct pdf *current; /* the canvas' text callback needs the layout */

static void cr_text(void *ctx, double x, double y, double size, const char *text, int align,
                    unsigned c)
{
    double width = 200;
    PangoLayout *l = current->layout;
    pdf_layout(current, text, size / 25.4 * 72, 0, width, align);
    pango_layout_set_width(l, -1);
    PangoRectangle logical;
    pango_layout_get_extents(l, NULL, &logical);
    double tw = (double)logical.width / PANGO_SCALE;
    double baseline = (double)pango_layout_get_baseline(l) / PANGO_SCALE;
    double left = align == TEXT_RIGHT ? x - tw : align == TEXT_CENTER ? x - tw / 2 : x;
    rgb(ctx, c);
    cairo_move_to(ctx, left, y - baseline);
    pango_cairo_show_layout(ctx, l);
}

static void cr_dot(void *ctx, double x, double y, double r, unsigned c)
{
    rgb(ctx, c);
    cairo_arc(ctx, x, y, r, 0, 2 * M_PI);
    cairo_fill(ctx);
}

static void chart(struct pdf *p, const struct doc_block *b)
{
    double h = chart_height(b->chart, WIDTH);
    ensure(p, h + 4);
    struct canvas cv = { p->cr, cr_rect, cr_line, cr_text, cr_dot };
    current = p;
    cairo_save(p->cr);
    cairo_translate(p->cr, LEFT, p->y);
    chart_draw(b->chart, WIDTH, &cv);
    cairo_restore(p->cr);
    p->y += h + 6;
}

static int render(struct pdf *p, cairo_surface_t *surface)
{
    p->cr = cairo_create(surface);
    cairo_scale(p->cr, MM_TO_PT, MM_TO_PT);
    p->layout = render_layout_new(p->cr);
    p->page = 1;
    p->y = TOP;
    for (size_t i = 0; i < p->r->block_count; i++) {
        const struct doc_block *b = &p->r->blocks[i];
        switch (b->kind) {
        case BLOCK_HEADING: heading(p, b); break;
        case BLOCK_PARAGRAPH: paragraph(p, b); break;
        case BLOCK_FIGURES:
        case BLOCK_TABLE: table(p, b); break;
        case BLOCK_CHART: chart(p, b); break;
        }
    }
    footer(p);
    cairo_show_page(p->cr);
    g_object_unref(p->layout);
    cairo_destroy(p->cr);
    return p->page;
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int len)
{
    (void)closure;
    (void)data;
    (void)len;
    return CAIRO_STATUS_SUCCESS;
}

int report_write_pdf(struct anketa_report *r, FILE *fp, struct anketa_error *err)
{
    struct pdf p = { .r = r };
    cairo_surface_t *count = cairo_pdf_surface_create_for_stream(discard, NULL, PAGE_W * MM_TO_PT,
                                                                 PAGE_H * MM_TO_PT);
    p.pages = 0;
    int pages = render(&p, count);
    cairo_surface_destroy(count);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(pdfmeta_write_stream, fp,
                                                             PAGE_W * MM_TO_PT, PAGE_H * MM_TO_PT);
    pdfmeta_set(s, r->title);
    p.pages = pages;
    render(&p, s);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st != CAIRO_STATUS_SUCCESS)
        return anketa_error_set(err, ANKETA_ERR_IO, "PDF: %s", cairo_status_to_string(st));
    return 0;
}
