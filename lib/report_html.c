/* A self-contained HTML page: inline CSS and SVG charts, no network, made
 * to print well. */
#include <math.h>
#include <string.h>

#include "report_int.h"

static void esc(FILE *fp, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        default: fputc(*s, fp);
        }
}

static void svg_rect(void *ctx, double x, double y, double w, double h, unsigned rgb)
{
    fprintf(ctx, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#%06X\"/>",
            x, y, w, h, rgb);
}

static void svg_line(void *ctx, double x1, double y1, double x2, double y2, double width,
                     unsigned rgb, int dashed)
{
    fprintf(ctx, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#%06X\" "
                 "stroke-width=\"%.2f\"%s/>", x1, y1, x2, y2, rgb, width,
            dashed ? " stroke-dasharray=\"1.5 1\"" : "");
}

static void svg_text(void *ctx, double x, double y, double size, const char *text, int align,
                     unsigned rgb)
{
    static const char *const anchors[] = { "start", "middle", "end" };
    fprintf(ctx, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\" text-anchor=\"%s\" "
                 "fill=\"#%06X\">", x, y, size, anchors[align], rgb);
    esc(ctx, text);
    fputs("</text>", ctx);
}

static void svg_dot(void *ctx, double x, double y, double r, unsigned rgb)
{
    fprintf(ctx, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"#%06X\"/>", x, y, r, rgb);
}

static void chart_svg(FILE *fp, const struct chart *c)
{
    double w = 180, h = chart_height(c, w);
    struct canvas cv = { fp, svg_rect, svg_line, svg_text, svg_dot };
    fprintf(fp, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.1f\" role=\"img\" "
                "font-family=\"Arial, 'Liberation Sans', sans-serif\">", w, h);
    chart_draw(c, w, &cv);
    fputs("</svg>\n", fp);
}

static const char *tone_class(enum cell_tone t)
{
    static const char *const names[] = { "", " class=\"good\"", " class=\"near\"",
                                         " class=\"bad\"", " class=\"hidden\"" };
    return names[t];
}

static void table(FILE *fp, const struct doc_block *b)
{
    fputs(b->kind == BLOCK_FIGURES ? "<table class=\"figures\">" : "<table>", fp);
    if (b->kind == BLOCK_TABLE) {
        fputs("<thead><tr>", fp);
        for (size_t c = 0; c < b->columns; c++) {
            fputs("<th>", fp);
            esc(fp, b->head[c]);
            fputs("</th>", fp);
        }
        fputs("</tr></thead>", fp);
    }
    fputs("<tbody>\n", fp);
    for (size_t r = 0; r < b->rows; r++) {
        fputs("<tr>", fp);
        for (size_t c = 0; c < b->columns; c++) {
            const struct doc_cell *cell = &b->cells[r * b->columns + c];
            fprintf(fp, "<td%s%s>", tone_class(cell->tone),
                    !isnan(cell->value) && cell->tone == TONE_NONE ? " class=\"num\"" : "");
            esc(fp, cell->text);
            fputs("</td>", fp);
        }
        fputs("</tr>\n", fp);
    }
    fputs("</tbody></table>\n", fp);
}

int report_write_html(struct anketa_report *r, FILE *fp, struct anketa_error *err)
{
    (void)err;
    fputs("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>", fp);
    esc(fp, r->title);
    fputs("</title><style>\n"
          "body{font-family:Arial,'Liberation Sans',sans-serif;color:#222;max-width:60rem;"
          "margin:2rem auto;padding:0 1rem;line-height:1.4}\n"
          "h1{color:#1F4E9A;font-size:1.6rem}h2{color:#1F4E9A;font-size:1.2rem;"
          "border-bottom:2px solid #1F4E9A;padding-bottom:.2rem;margin-top:2rem}\n"
          "table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.9rem}\n"
          "th{background:#1F4E9A;color:#fff;text-align:left;padding:.3rem .5rem}\n"
          "td{border-bottom:1px solid #ddd;padding:.25rem .5rem}td.num{text-align:right}\n"
          "td.hidden{color:#888;font-style:italic;text-align:right}\n"
          "table.figures td:first-child{width:60%}table.figures td{font-size:1rem}\n"
          ".chart{width:100%;height:auto;margin:.5rem 0 1rem}\n"
          "@media print{body{margin:0;max-width:none}h2{break-after:avoid}"
          "table,svg{break-inside:avoid}thead{display:table-header-group}}\n"
          , fp);
    /* the bands' colours: the template's, else these */
    fprintf(fp, "td.good{background:#%06x;text-align:right}td.near{background:#%06x;"
                "text-align:right}td.bad{background:#%06x;text-align:right}\n",
            r->fill[TONE_GOOD], r->fill[TONE_NEAR], r->fill[TONE_BAD]);
    fputs("</style></head><body>\n", fp);
    for (size_t i = 0; i < r->block_count; i++) {
        const struct doc_block *b = &r->blocks[i];
        switch (b->kind) {
        case BLOCK_HEADING:
            fputs(b->level == 0 ? "<h1>" : "<h2>", fp);
            esc(fp, b->text);
            fputs(b->level == 0 ? "</h1>\n" : "</h2>\n", fp);
            break;
        case BLOCK_PARAGRAPH:
            fputs("<p>", fp);
            esc(fp, b->text);
            fputs("</p>\n", fp);
            break;
        case BLOCK_FIGURES:
        case BLOCK_TABLE:
            table(fp, b);
            break;
        case BLOCK_CHART:
            chart_svg(fp, b->chart);
            break;
        }
    }
    fputs("</body></html>\n", fp);
    return 0;
}
