/* Markdown: headings, paragraphs and pipe tables; names escaped so that
 * they never become markup. */
#include <math.h>
#include <string.h>

#include "report_int.h"

/* Text as Markdown shows it, never as markup: <, >, & as HTML entities
 * (viewers render raw HTML: <script>, <svg onload>), Markdown's own
 * punctuation with a backslash (| would end a cell, [..](..) make a link),
 * line breaks and other control characters as spaces (a table row is one
 * line). */
static void md_text(FILE *fp, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '<')
            fputs("&lt;", fp);
        else if (c == '>')
            fputs("&gt;", fp);
        else if (c == '&')
            fputs("&amp;", fp);
        else if (strchr("|\\*_`[]~", c) != NULL) {
            fputc('\\', fp);
            fputc(c, fp);
        } else if (c < 0x20 || c == 0x7F)
            fputc(' ', fp);
        else
            fputc(c, fp);
    }
}

static void md_table(FILE *fp, const struct doc_block *b)
{
    for (size_t c = 0; c < b->columns; c++) {
        fputs("| ", fp);
        md_text(fp, b->head[c]);
        fputc(' ', fp);
    }
    fputs("|\n", fp);
    /* Columns of numbers align right, judged by the first row. */
    for (size_t c = 0; c < b->columns; c++)
        fputs(b->rows > 0 && !isnan(b->cells[c].value) ? "|---:" : "|---", fp);
    fputs("|\n", fp);
    for (size_t r = 0; r < b->rows; r++) {
        for (size_t c = 0; c < b->columns; c++) {
            const struct doc_cell *cell = &b->cells[r * b->columns + c];
            fputs("| ", fp);
            md_text(fp, cell->text);
            fputc(' ', fp);
        }
        fputs("|\n", fp);
    }
    fputc('\n', fp);
}

int report_write_md(struct anketa_report *r, FILE *fp, struct anketa_error *err)
{
    (void)err;
    for (size_t i = 0; i < r->block_count; i++) {
        const struct doc_block *b = &r->blocks[i];
        switch (b->kind) {
        case BLOCK_HEADING:
            fputs(b->level == 0 ? "# " : "## ", fp);
            md_text(fp, b->text);
            fputs("\n\n", fp);
            break;
        case BLOCK_PARAGRAPH:
            md_text(fp, b->text);
            fputs("\n\n", fp);
            break;
        case BLOCK_FIGURES:
        case BLOCK_TABLE:
            md_table(fp, b);
            break;
        case BLOCK_CHART:
            break; /* the table above holds the same figures */
        }
    }
    return 0;
}
