/* CSV that opens cleanly in Excel: every table with its title, numbers in full
 * precision, text that Excel would take for a formula neutralised. With
 * --excel: ';' between fields, decimal comma and a BOM, as Russian Excel
 * expects. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "decimal.h"
#include "report_int.h"

/* =, +, -, @ (and tab, CR) at the start of text make Excel run it as a
 * formula: a leading apostrophe keeps it text. */
static void text_field(FILE *fp, const char *s, int delimiter)
{
    char *quoted = NULL; /* the whole text, however long */
    if (s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r'))
        s = quoted = xprintf("'%s", s);
    anketa_csv_write_field(fp, s ? s : "", s ? strlen(s) : 0, delimiter);
    free(quoted);
}

static void number_field(FILE *fp, double v, int excel)
{
    char buf[DECIMAL_MAX];
    if (isnan(v))
        return;
    anketa_decimal_shortest(v, 0, buf);
    if (excel)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
    fputs(buf, fp);
}

int report_write_csv(struct anketa_report *r, FILE *fp, struct anketa_error *err)
{
    (void)err;
    int excel = r->o.excel, d = excel ? ';' : ',';
    if (excel)
        fputs("\xEF\xBB\xBF", fp);
    fprintf(fp, "table%cgroup%ccolumn%cvalue%ctext\n", d, d, d, d);
    for (size_t i = 0; i < r->block_count; i++) {
        const struct doc_block *b = &r->blocks[i];
        if (b->kind != BLOCK_TABLE && b->kind != BLOCK_FIGURES)
            continue;
        /* Long form, one cell a line: the label column names the row. */
        size_t label = b->kind == BLOCK_FIGURES ? 0 : b->columns > 1 && strcmp(b->head[0], "№") == 0;
        for (size_t row = 0; row < b->rows; row++)
            for (size_t c = 0; c < b->columns; c++) {
                const struct doc_cell *cell = &b->cells[row * b->columns + c];
                if (c == label)
                    continue;
                text_field(fp, b->text, d);
                fputc(d, fp);
                text_field(fp, b->cells[row * b->columns + label].text, d);
                fputc(d, fp);
                text_field(fp, b->head[c], d);
                fputc(d, fp);
                number_field(fp, cell->value, excel);
                fputc(d, fp);
                text_field(fp, cell->text, d);
                fputc('\n', fp);
            }
    }
    return 0;
}
