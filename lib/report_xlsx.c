/* The report as an XLSX workbook (libxlsxwriter): a sheet per table, cells
 * holding the full-precision numbers with a display format (never rounded
 * text), colours against the target, a frozen header, native charts. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "report_int.h"
#include "util.h"

struct formats {
    lxw_format *head, *text, *count, *decimal, *share, *hidden, *title;
    lxw_format *tone[4]; /* share cells: none, good, near, bad */
};

static void make_formats(lxw_workbook *wb, struct formats *f)
{
    static const unsigned fills[] = { 0, 0xD8F0E0, 0xFFF1C2, 0xF8D4CF };
    f->head = workbook_add_format(wb);
    format_set_bold(f->head);
    format_set_font_color(f->head, LXW_COLOR_WHITE);
    format_set_bg_color(f->head, 0x1F4E9A);
    format_set_text_wrap(f->head);
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 13);
    format_set_font_color(f->title, 0x1F4E9A);
    f->text = workbook_add_format(wb);
    format_set_text_wrap(f->text);
    f->count = workbook_add_format(wb);
    format_set_num_format(f->count, "# ##0");
    f->decimal = workbook_add_format(wb);
    format_set_num_format(f->decimal, "0.00");
    f->hidden = workbook_add_format(wb);
    format_set_italic(f->hidden);
    format_set_font_color(f->hidden, 0x888888);
    format_set_align(f->hidden, LXW_ALIGN_RIGHT);
    for (int i = 0; i < 4; i++) {
        f->tone[i] = workbook_add_format(wb);
        format_set_num_format(f->tone[i], "0.0%");
        if (fills[i])
            format_set_bg_color(f->tone[i], fills[i]);
    }
    f->share = f->tone[0];
}

/* Sheet names: at most 31 characters, unique. */
static void sheet_name(char *out, size_t n, const char *base, int index)
{
    char cut[64];
    snprintf(cut, sizeof cut, "%.40s", base);
    snprintf(out, n, "%d %s", index, cut);
    /* 31 UTF-16 units: Russian letters count one each; cut on a character. */
    size_t chars = 0, i = 0;
    for (; out[i]; i++)
        if (((unsigned char)out[i] & 0xC0) != 0x80 && ++chars > 31)
            break;
    out[i] = '\0';
}

static void write_cell(lxw_worksheet *ws, struct formats *f, lxw_row_t row, lxw_col_t col,
                       const struct doc_cell *c, int is_count)
{
    if (c->tone == TONE_HIDDEN)
        worksheet_write_string(ws, row, col, c->text, f->hidden);
    else if (c->percent && !isnan(c->value))
        worksheet_write_number(ws, row, col, c->value, f->tone[c->tone <= TONE_BAD ? c->tone : 0]);
    else if (!isnan(c->value))
        worksheet_write_number(ws, row, col, c->value,
                               is_count && c->value == floor(c->value) ? f->count : f->decimal);
    else
        worksheet_write_string(ws, row, col, c->text ? c->text : "", f->text);
}

static void add_chart(lxw_workbook *wb, lxw_worksheet *ws, const char *sheet,
                      const struct doc_block *table, const struct doc_block *chart)
{
    size_t label = 1, share = 0;
    for (size_t c = 0; c < table->columns; c++)
        if (strcmp(table->head[c], "Удовлетворенность") == 0)
            share = c;
    if (share == 0 || table->rows == 0)
        return;
    lxw_chart *ch = workbook_add_chart(wb, chart->chart->kind == CHART_LINE ? LXW_CHART_LINE
                                                                            : LXW_CHART_BAR);
    lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
    size_t n = chart->chart->count;
    chart_series_set_categories(s, sheet, 2, (lxw_col_t)label, (lxw_row_t)(1 + n), (lxw_col_t)label);
    chart_series_set_values(s, sheet, 2, (lxw_col_t)share, (lxw_row_t)(1 + n), (lxw_col_t)share);
    chart_title_set_name(ch, table->text);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    chart_axis_set_num_format(chart->chart->kind == CHART_LINE ? ch->y_axis : ch->x_axis, "0%");
    lxw_chart_fill fill = { .color = 0x1F4E9A };
    chart_series_set_fill(s, &fill);
    lxw_chart_options opt = { .x_scale = 1.6, .y_scale = n > 10 ? 1.6 : 1.0 };
    worksheet_insert_chart_opt(ws, (lxw_row_t)(table->rows + 4), 1, ch, &opt);
}

int report_write_xlsx(struct anketa_report *r, const char *path, const char *tmpdir,
                      struct anketa_error *err)
{
    lxw_workbook_options wo = { .tmpdir = (char *)(uintptr_t)tmpdir };
    lxw_workbook *wb = workbook_new_opt(path, &wo);
    if (wb == NULL)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "cannot create the workbook");
    char author[] = "anketa";
    lxw_doc_properties props = { .title = r->title, .author = author, .created = anketa_now() };
    workbook_set_properties(wb, &props);
    struct formats f;
    make_formats(wb, &f);
    int index = 0;
    for (size_t i = 0; i < r->block_count; i++) {
        const struct doc_block *b = &r->blocks[i];
        if (b->kind != BLOCK_TABLE && b->kind != BLOCK_FIGURES)
            continue;
        char name[128];
        sheet_name(name, sizeof name, b->sheet ? b->sheet : "Таблица", ++index);
        lxw_worksheet *ws = workbook_add_worksheet(wb, name);
        if (ws == NULL)
            continue;
        worksheet_write_string(ws, 0, 0, b->kind == BLOCK_FIGURES ? r->title : b->text, f.title);
        for (size_t c = 0; c < b->columns; c++) {
            worksheet_write_string(ws, 1, (lxw_col_t)c, b->head[c], f.head);
            int wide = b->kind == BLOCK_FIGURES ? c == 0 : strcmp(b->head[c], "№") != 0 &&
                       (b->rows == 0 || isnan(b->cells[c].value));
            worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, wide ? 48 : 14, NULL);
        }
        worksheet_freeze_panes(ws, 2, 0);
        for (size_t row = 0; row < b->rows; row++)
            for (size_t c = 0; c < b->columns; c++) {
                int is_count = strcmp(b->head[c], "Ответов") == 0 || strcmp(b->head[c], "№") == 0 ||
                               strcmp(b->head[c], "Всего") == 0 || b->kind == BLOCK_FIGURES;
                write_cell(ws, &f, (lxw_row_t)(row + 2), (lxw_col_t)c,
                           &b->cells[row * b->columns + c], is_count);
            }
        if (i + 1 < r->block_count && r->blocks[i + 1].kind == BLOCK_CHART)
            add_chart(wb, ws, name, b, &r->blocks[i + 1]);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", lxw_strerror(e));
    return 0;
}
