/* Markdown: headings, paragraphs and pipe tables. */
#include <math.h>
#include <string.h>

#include "report_int.h"

static void md_text(FILE *fp, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|')
            fputs("\\|", fp);
        else if (*s == '\n')
            fputc(' ', fp);
        else
            fputc(*s, fp);
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
