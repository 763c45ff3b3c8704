/* The report as an XLSX workbook (libxlsxwriter): a sheet per table, cells
 * holding the full-precision numbers with a display format (never rounded
 * text), colours against the target, a frozen header, native charts. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <xlsxwriter.h>

#include "report_int.h"
#include "report_xlsx.h"
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
char *xl_text(const char *text, int xstring)
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

void put_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
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

/* A column of 95% intervals: in the workbook, its bounds as two numbers. */
static int is_interval_column(const struct doc_block *b, size_t c)
{
    if (strcmp(b->head[c], "95% ДИ") == 0)
        return 1;
    for (size_t row = 0; row < b->rows; row++)
        if (b->cells[row * b->columns + c].interval)
            return 1;
    return 0;
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

/* The workbook's column of each table column: a 95% interval takes two,
 * its bounds as numbers. Returns the number of workbook columns. */
static size_t column_map(const struct doc_block *b, size_t *x)
{
    size_t n = 0;
    for (size_t c = 0; c < b->columns; c++) {
        x[c] = n;
        n += b->kind == BLOCK_TABLE && is_interval_column(b, c) ? 2 : 1;
    }
    x[b->columns] = n;
    return n;
}

/* Characters of UTF-8 text, and how many lines it takes in a cell
 * `width` characters wide. */
static double text_lines(const char *text, double width)
{
    double lines = 1, chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; p && *p; p++) {
        if (*p == '\n') {
            lines += 1;
            chars = 0;
        } else if ((*p & 0xC0) != 0x80 && ++chars > width) {
            lines += 1;
            chars = 1;
        }
    }
    return lines;
}

static double column_width(const struct doc_block *b, size_t c, int bound)
{
    if (b->kind == BLOCK_FIGURES)
        return c == 0 ? 52 : 16;
    if (bound)
        return 10;
    int wide = strcmp(b->head[c], "№") != 0 && (b->rows == 0 || isnan(b->cells[c].value)) &&
               !is_interval_column(b, c);
    return strcmp(b->head[c], "№") == 0 ? 5 : wide ? (c <= 2 ? 40 : 22) : 14;
}

/* A table on its own sheet: header, cells, page set-up for print. Returns
 * the table's width in pixels, as Excel draws it. */
static double write_table(lxw_worksheet *ws, struct formats *f, const struct anketa_report *r,
                        const struct doc_block *b, size_t *x)
{
    size_t ncols = column_map(b, x);
    put_string(ws, 0, 0, b->kind == BLOCK_FIGURES ? r->title : b->text, f->title);
    double head_lines = 1;
    for (size_t c = 0; c < b->columns; c++) {
        int two = x[c + 1] - x[c] == 2;
        double w = column_width(b, c, 0);
        if (two) {
            char *from = xprintf("%s: от", b->head[c]), *to = xprintf("%s: до", b->head[c]);
            put_string(ws, 1, (lxw_col_t)x[c], from, f->head);
            put_string(ws, 1, (lxw_col_t)x[c] + 1, to, f->head);
            free(from);
            free(to);
            w = column_width(b, c, 1);
            worksheet_set_column(ws, (lxw_col_t)x[c], (lxw_col_t)x[c] + 1, w, NULL);
            head_lines = fmax(head_lines, text_lines(b->head[c], w - 1) + 1);
        } else {
            put_string(ws, 1, (lxw_col_t)x[c], b->head[c], f->head);
            worksheet_set_column(ws, (lxw_col_t)x[c], (lxw_col_t)x[c], w, NULL);
            head_lines = fmax(head_lines, text_lines(b->head[c], w - 1));
        }
    }
    worksheet_set_row(ws, 1, 15 * head_lines, NULL);
    worksheet_freeze_panes(ws, 2, 0);
    for (size_t row = 0; row < b->rows; row++) {
        double lines = 1;
        for (size_t c = 0; c < b->columns; c++) {
            const struct doc_cell *cell = &b->cells[row * b->columns + c];
            lxw_row_t y = (lxw_row_t)(row + 2);
            if (x[c + 1] - x[c] == 2) {
                if (cell->tone == TONE_HIDDEN) {
                    put_string(ws, y, (lxw_col_t)x[c], cell->text, f->hidden);
                    put_string(ws, y, (lxw_col_t)x[c] + 1, cell->text, f->hidden);
                } else if (cell->interval && !isnan(cell->lo)) {
                    worksheet_write_number(ws, y, (lxw_col_t)x[c], cell->lo, f->tone[0]);
                    worksheet_write_number(ws, y, (lxw_col_t)x[c] + 1, cell->hi, f->tone[0]);
                }
                continue;
            }
            if (b->kind == BLOCK_FIGURES && cell->interval && !isnan(cell->lo)) {
                /* the headline's interval: its bounds as numbers beside the text */
                put_string(ws, y, (lxw_col_t)x[c], cell->text, f->text);
                worksheet_write_number(ws, y, (lxw_col_t)x[c] + 1, cell->lo, f->tone[0]);
                worksheet_write_number(ws, y, (lxw_col_t)x[c] + 2, cell->hi, f->tone[0]);
                continue;
            }
            write_cell(ws, f, y, (lxw_col_t)x[c], cell);
            if (isnan(cell->value) && cell->text)
                lines = fmax(lines, text_lines(cell->text, column_width(b, c, 0) - 1));
        }
        if (lines > 1) /* Excel does not fit wrapped rows on opening: heights given */
            worksheet_set_row(ws, (lxw_row_t)(row + 2), 15 * lines, NULL);
    }
    /* Print: A4, as wide as the page, the header on every page, landscape
     * when the table is wide; page numbers in the footer. */
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 1, 1);
    double width = 0, pixels = 0;
    for (size_t c = 0; c < b->columns; c++) {
        double w = column_width(b, c, x[c + 1] - x[c] == 2);
        width += w * (double)(x[c + 1] - x[c]);
        pixels += (w * 7 + 5) * (double)(x[c + 1] - x[c]);
    }
    if (width > 120 || ncols > 8)
        worksheet_set_landscape(ws);
    worksheet_set_margins(ws, 0.6, 0.6, 0.75, 0.75);
    worksheet_set_footer(ws, "&L&8&A&R&8Страница &P из &N");
    return pixels;
}

int report_write_xlsx(struct anketa_report *r, const char *path, const char *tmpdir,
                      struct anketa_error *err)
{
    lxw_workbook_options wo = { .tmpdir = (char *)(uintptr_t)tmpdir };
    lxw_workbook *wb = workbook_new_opt(path, &wo);
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
        size_t *x = calloc(b->columns + 1, sizeof *x);
        if (ws == NULL || x == NULL) {
            free(x);
            continue;
        }
        double pixels = write_table(ws, &f, r, b, x);
        if (i + 1 < r->block_count && r->blocks[i + 1].kind == BLOCK_CHART)
            xlsx_chart(wb, ws, name, r, b, r->blocks[i + 1].chart, x[b->columns] + 1, f.tone[0],
                       pixels);
        free(x);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", lxw_strerror(e));
    return 0;
}
