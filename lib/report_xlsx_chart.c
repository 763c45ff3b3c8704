/* A table's chart in the workbook, drawn like the PDF's: its data written
 * beside the table in the chart's order (the top and bottom of a long
 * ranking with a gap), the shares as points coloured by tone (a line in a
 * trend), the 95% interval as a bar and the target as a dashed line. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_xlsx.h"

#define TARGET_RGB 0xC0392B

static int tone_of(const struct chart *c, size_t i)
{
    if (c->target <= 0 || isnan(c->value[i]))
        return 0;
    return c->value[i] >= c->target ? 1 : c->hi[i] >= c->target ? 2 : 3;
}

static lxw_chart_series *series(lxw_chart *ch, const char *sheet, size_t n, size_t label_col,
                                size_t col, const char *name)
{
    lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
    chart_series_set_categories(s, sheet, 2, (lxw_col_t)label_col, (lxw_row_t)(1 + n),
                                (lxw_col_t)label_col);
    chart_series_set_values(s, sheet, 2, (lxw_col_t)col, (lxw_row_t)(1 + n), (lxw_col_t)col);
    chart_series_set_name(s, name);
    return s;
}

/* A bound: no line, no mark; the up-down bars between the first series
 * (the lower bound) and the last (the upper) draw the interval. */
static void bound(lxw_chart_series *s)
{
    lxw_chart_line none = { .none = LXW_TRUE };
    chart_series_set_line(s, &none);
    chart_series_set_marker_type(s, LXW_CHART_MARKER_NONE);
}

void xlsx_chart(lxw_workbook *wb, lxw_worksheet *ws, const char *sheet,
                const struct anketa_report *r, const struct doc_block *table,
                const struct chart *c, size_t col0, lxw_format *pct, double pixels)
{
    size_t n = c->count;
    if (n == 0)
        return;
    static const char *const head[] = { "Данные диаграммы", "Удовлетворенность",
                                        "Нижняя граница 95% ДИ", "Верхняя граница 95% ДИ", "Цель" };
    size_t cols = c->target > 0 ? 5 : 4;
    for (size_t k = 0; k < cols; k++)
        put_string(ws, 1, (lxw_col_t)(col0 + k), head[k], NULL);
    worksheet_set_column(ws, (lxw_col_t)col0, (lxw_col_t)col0, 36, NULL);
    worksheet_set_column(ws, (lxw_col_t)col0 + 1, (lxw_col_t)(col0 + cols - 1), 12, NULL);
    for (size_t i = 0; i < n; i++) {
        lxw_row_t y = (lxw_row_t)(2 + i);
        put_string(ws, y, (lxw_col_t)col0, c->labels[i], NULL);
        if (!isnan(c->value[i])) {
            worksheet_write_number(ws, y, (lxw_col_t)col0 + 1, c->value[i], pct);
            worksheet_write_number(ws, y, (lxw_col_t)col0 + 2, c->lo[i], pct);
            worksheet_write_number(ws, y, (lxw_col_t)col0 + 3, c->hi[i], pct);
        }
        if (c->target > 0)
            worksheet_write_number(ws, y, (lxw_col_t)col0 + 4, c->target, pct);
    }
    /* One line chart (libxlsxwriter combines none): the interval as the
     * up-down bar between the first series and the last, the share as
     * points in their tones (joined by a line in a trend), the target as a
     * dashed line. */
    int line = c->kind == CHART_LINE;
    lxw_chart *ch = workbook_add_chart(wb, LXW_CHART_LINE);
    bound(series(ch, sheet, n, col0, col0 + 2, "Нижняя граница 95% ДИ"));
    lxw_chart_series *share = series(ch, sheet, n, col0, col0 + 1, "Удовлетворенность");
    lxw_chart_fill *fills = calloc(n, sizeof *fills);
    lxw_chart_line *rims = calloc(n, sizeof *rims);
    lxw_chart_point *points = calloc(n, sizeof *points);
    lxw_chart_point **list = calloc(n + 1, sizeof *list);
    for (size_t i = 0; fills && rims && points && list && i < n; i++) {
        fills[i].color = rims[i].color = c->tones[tone_of(c, i)];
        points[i].fill = &fills[i];
        points[i].line = &rims[i];
        list[i] = &points[i];
    }
    lxw_chart_line joined = { .color = r->ink[0], .width = 1.5 }, none = { .none = LXW_TRUE };
    chart_series_set_line(share, line ? &joined : &none);
    chart_series_set_marker_type(share, line ? LXW_CHART_MARKER_CIRCLE : LXW_CHART_MARKER_SQUARE);
    chart_series_set_marker_size(share, line ? 7 : 9);
    if (fills && rims && points && list)
        chart_series_set_points(share, list);
    chart_series_set_labels(share);
    chart_series_set_labels_num_format(share, "0.0%");
    chart_series_set_labels_position(share, LXW_CHART_LABEL_POSITION_ABOVE);
    if (c->target > 0) {
        lxw_chart_series *t = series(ch, sheet, n, col0, col0 + 4, "Цель");
        lxw_chart_line dash = { .color = TARGET_RGB, .width = 1.5,
                                .dash_type = LXW_CHART_LINE_DASH_DASH };
        chart_series_set_line(t, &dash);
        chart_series_set_marker_type(t, LXW_CHART_MARKER_NONE);
    }
    bound(series(ch, sheet, n, col0, col0 + 3, "Верхняя граница 95% ДИ"));
    lxw_chart_line rim = { .color = 0x888888, .width = 0.5 };
    lxw_chart_fill grey = { .color = 0xE4E4E4 };
    chart_set_up_down_bars_format(ch, &rim, &grey, &rim, &grey);
    int16_t hidden[] = { 0, (int16_t)(c->target > 0 ? 3 : 2), -1 };
    chart_legend_delete_series(ch, hidden);
    char *title = xl_text(table->text, 0);
    chart_title_set_name(ch, title ? title : "");
    free(title);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    chart_axis_set_min(ch->y_axis, 0);
    chart_axis_set_max(ch->y_axis, 1);
    chart_axis_set_num_format(ch->y_axis, "0%");
    /* from column B to the table's right edge; taller with more groups */
    double y_scale = n > 12 ? 1.8 : 1.4;
    lxw_chart_options opt = { .x_scale = fmax(1.0, (pixels - 60) / 480), .y_scale = y_scale };
    lxw_row_t at = (lxw_row_t)(table->rows + 4);
    worksheet_insert_chart_opt(ws, at, 1, ch, &opt);
    /* print the table and the chart, not the chart's data */
    worksheet_print_area(ws, 0, 0, at + (lxw_row_t)(288 * y_scale / 20) + 2,
                         (lxw_col_t)(col0 - 2));
    free(list);
    free(points);
    free(rims);
    free(fills);
}
