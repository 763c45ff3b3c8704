/* Building the document: blocks and their cells, each number rounded once
 * through ru_number(). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

struct doc_block *add_block(struct anketa_report *r, enum block_kind kind, char *text)
{
    struct doc_block *b = realloc(r->blocks, (r->block_count + 1) * sizeof *b);
    if (b == NULL) {
        free(text);
        return NULL;
    }
    r->blocks = b;
    b = &r->blocks[r->block_count++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->text = text;
    b->level = 1;
    return b;
}

int table_block(struct doc_block *b, const char *sheet, size_t columns,
                       const char *const *head, size_t rows)
{
    b->sheet = xstrdup(sheet);
    b->columns = columns;
    b->rows = rows;
    b->head = calloc(columns, sizeof *b->head);
    b->cells = calloc(columns * (rows ? rows : 1), sizeof *b->cells);
    if (b->head == NULL || b->cells == NULL)
        return -1;
    for (size_t i = 0; i < columns; i++)
        b->head[i] = xstrdup(head[i]);
    for (size_t i = 0; i < columns * rows; i++)
        b->cells[i].value = b->cells[i].lo = b->cells[i].hi = NAN;
    return 0;
}

struct doc_cell *cell(struct doc_block *b, size_t row, size_t col)
{
    return &b->cells[row * b->columns + col];
}

void set_text(struct doc_block *b, size_t row, size_t col, const char *text)
{
    cell(b, row, col)->text = xstrdup(text);
}

void set_number(struct doc_block *b, size_t row, size_t col, struct figure v, int decimals)
{
    struct doc_cell *c = cell(b, row, col);
    c->value = v.value;
    c->decimals = decimals;
    c->text = ru_number(v, 0, decimals);
}

/* A count: whole, or weighted with one decimal shown. */
void set_count(struct doc_block *b, size_t row, size_t col, struct figure v)
{
    int whole = v.den > 0 ? v.num % v.den == 0 : v.value == floor(v.value);
    set_number(b, row, col, v, whole ? 0 : 1);
}

void set_share(struct doc_block *b, size_t row, size_t col, struct figure v,
                      enum cell_tone tone)
{
    struct doc_cell *c = cell(b, row, col);
    c->value = v.value;
    c->percent = 1;
    c->decimals = 1;
    c->text = ru_percent(v, 1);
    c->tone = tone;
}

void set_interval(struct doc_block *b, size_t row, size_t col, double lo, double hi)
{
    char *a = ru_number(fig_double(lo), 2, 1), *z = ru_number(fig_double(hi), 2, 1);
    struct doc_cell *c = cell(b, row, col);
    c->interval = 1;
    c->lo = lo;
    c->hi = hi;
    cell(b, row, col)->text = isnan(lo) ? xstrdup("") : xprintf("%s\xE2\x80\x93%s\xC2\xA0%%", a, z);
    free(a);
    free(z);
}

void set_hidden(struct doc_block *b, size_t row, size_t col)
{
    struct doc_cell *c = cell(b, row, col);
    c->lo = c->hi = NAN;
    c->text = xstrdup("скрыто");
    c->tone = TONE_HIDDEN;
}

/* A difference of shares in percentage points: "+1,2 п. п.", "−6,9 п. п.". */
void set_points(struct doc_block *b, size_t row, size_t col, struct figure diff,
                enum cell_tone tone)
{
    struct doc_cell *c = cell(b, row, col);
    char *n = ru_number(diff, 2, 1);
    c->value = diff.value * 100;
    c->decimals = 1;
    c->signed_points = 1;
    /* "+" unless the rounded difference is negative ("−6,9") */
    const char *sign = n && strncmp(n, "\xE2\x88\x92", 3) != 0 ? "+" : "";
    c->text = xprintf("%s%s\xC2\xA0п.\xC2\xA0п.", sign, n ? n : "");
    c->tone = tone;
    free(n);
}
