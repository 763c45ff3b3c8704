/* The report as an XLSX workbook (libxlsxwriter): a sheet per table, cells
 * holding the full-precision numbers with a display format (never rounded
 * text), colours against the target, a frozen header, native charts. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <xlsxwriter.h>

#include "report_int.h"
#include "util.h"

struct formats {
    lxw_format *head, *text, *count, *count1, *decimal, *points, *hidden, *title;
    lxw_format *tone[4]; /* share cells: none, good, near, bad */
};

static void make_formats(lxw_workbook *wb, struct formats *f, const unsigned *fills)
{
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
    f->count1 = workbook_add_format(wb);
    format_set_num_format(f->count1, "# ##0.0");
    f->decimal = workbook_add_format(wb);
    format_set_num_format(f->decimal, "0.00");
    f->points = workbook_add_format(wb);
    format_set_num_format(f->points, "+0.0\" п. п.\";-0.0\" п. п.\";0.0\" п. п.\"");
    f->hidden = workbook_add_format(wb);
    format_set_italic(f->hidden);
    format_set_font_color(f->hidden, 0x888888);
    format_set_align(f->hidden, LXW_ALIGN_RIGHT);
    for (int i = 0; i < 4; i++) {
        f->tone[i] = workbook_add_format(wb);
        format_set_num_format(f->tone[i], "0.0%");
        if (i > 0)
            format_set_bg_color(f->tone[i], fills[i]);
    }
}

/* Text as Excel reads it back: C0 controls that XML 1.0 forbids become
 * U+FFFD (raw, they made chart1.xml invalid; libxlsxwriter escapes them in
 * cells only), and with `xstring` (cells, sheet names, chart categories:
 * OOXML's ST_Xstring) text that looks like Excel's own escape _xHHHH_ is
 * escaped itself as _x005F_xHHHH_ (else "_x0041_" shows as "A"). Chart
 * titles (DrawingML text) and document properties are plain strings.
 * libxlsxwriter escapes <, > and &. A new string; NULL when out of memory. */
static char *xl_text(const char *text, int xstring)
{
    /* Bytes that are not UTF-8 are no XML either: U+FFFD (glib). */
    gchar *valid = g_utf8_make_valid(text ? text : "", -1);
    const char *s = valid;
    char *out = valid ? malloc(strlen(valid) * 7 + 1) : NULL, *o = out;
    if (out == NULL) {
        g_free(valid);
        return NULL;
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        /* C0 controls but tab and line ends, and U+FFFE, U+FFFF */
        int fffx = c == 0xEF && (unsigned char)s[1] == 0xBF && ((unsigned char)s[2] & 0xFE) == 0xBE;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || fffx) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            s += fffx ? 2 : 0;
            continue;
        }
        if (xstring && c == '_' && s[1] == 'x' && strspn(s + 2, "0123456789abcdefABCDEF") >= 4 &&
            s[6] == '_') {
            memcpy(o, "_x005F_", 7); /* the '_' escaped; "x0041_" follows as it is */
            o += 7;
            continue;
        }
        *o++ = (char)c;
    }
    *o = '\0';
    g_free(valid);
    return out;
}

static void put_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                       lxw_format *format)
{
    char *t = xl_text(text, 1);
    worksheet_write_string(ws, row, col, t ? t : "", format);
    free(t);
}

/* Sheet names: at most 31 characters, unique, none of []:*?/\ that Excel
 * refuses in them. */
static void sheet_name(char *out, size_t n, const char *base, int index)
{
    char *clean = xl_text(base, 1);
    for (char *p = clean; p && *p; p++)
        if (strchr("[]:*?/\\", *p) != NULL)
            *p = ' ';
    snprintf(out, n, "%d %s", index, clean ? clean : "");
    free(clean);
    /* 31 UTF-16 units: Russian letters count one each; cut on a character. */
    size_t chars = 0, i = 0;
    for (; out[i]; i++)
        if (((unsigned char)out[i] & 0xC0) != 0x80 && ++chars > 31)
            break;
    out[i] = '\0';
}

/* Numbers are stored unrounded; the format shows the digits the other
 * formats print (Excel rounds the display half away from zero too). */
static void write_cell(lxw_worksheet *ws, struct formats *f, lxw_row_t row, lxw_col_t col,
                       const struct doc_cell *c)
{
    if (c->tone == TONE_HIDDEN)
        put_string(ws, row, col, c->text, f->hidden);
    else if (c->percent && !isnan(c->value))
        worksheet_write_number(ws, row, col, c->value, f->tone[c->tone <= TONE_BAD ? c->tone : 0]);
    else if (!isnan(c->value))
        worksheet_write_number(ws, row, col, c->value,
                               c->signed_points ? f->points : c->decimals == 0 ? f->count
                               : c->decimals == 1 ? f->count1 : f->decimal);
    else
        put_string(ws, row, col, c->text, f->text);
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
    char *title = xl_text(table->text, 0);
    chart_title_set_name(ch, title ? title : "");
    free(title);
    chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    chart_axis_set_num_format(chart->chart->kind == CHART_LINE ? ch->y_axis : ch->x_axis, "0%");
    lxw_chart_fill fill = { .color = 0x1F4E9A };
    chart_series_set_fill(s, &fill);
    lxw_chart_options opt = { .x_scale = 1.6, .y_scale = n > 10 ? 1.6 : 1.0 };
    worksheet_insert_chart_opt(ws, (lxw_row_t)(table->rows + 4), 1, ch, &opt);
}

int report_write_xlsx(struct anketa_report *r, const char *path, struct anketa_error *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (wb == NULL)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "cannot create the workbook");
    char author[] = "anketa", *title = xl_text(r->title, 0);
    lxw_doc_properties props = { .title = title, .author = author, .created = anketa_now() };
    workbook_set_properties(wb, &props);
    free(title);
    struct formats f;
    make_formats(wb, &f, r->fill);
    int index = 0;
    for (size_t i = 0; i < r->block_count; i++) {
        const struct doc_block *b = &r->blocks[i];
        if (b->kind != BLOCK_TABLE && b->kind != BLOCK_FIGURES)
            continue;
        char name[160]; /* 31 characters of at most 4 bytes, and the index */
        sheet_name(name, sizeof name, b->sheet ? b->sheet : "Таблица", ++index);
        lxw_worksheet *ws = workbook_add_worksheet(wb, name);
        if (ws == NULL)
            continue;
        put_string(ws, 0, 0, b->kind == BLOCK_FIGURES ? r->title : b->text, f.title);
        for (size_t c = 0; c < b->columns; c++) {
            put_string(ws, 1, (lxw_col_t)c, b->head[c], f.head);
            int wide = b->kind == BLOCK_FIGURES ? c == 0 : strcmp(b->head[c], "№") != 0 &&
                       (b->rows == 0 || isnan(b->cells[c].value));
            worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, wide ? 48 : 14, NULL);
        }
        worksheet_freeze_panes(ws, 2, 0);
        for (size_t row = 0; row < b->rows; row++)
            for (size_t c = 0; c < b->columns; c++)
                write_cell(ws, &f, (lxw_row_t)(row + 2), (lxw_col_t)c,
                           &b->cells[row * b->columns + c]);
        if (i + 1 < r->block_count && r->blocks[i + 1].kind == BLOCK_CHART)
            add_chart(wb, ws, name, b, &r->blocks[i + 1]);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", lxw_strerror(e));
    return 0;
}
