/* A tally of two group columns (authority × direction, district × kind):
 * the matrix of shares, first key in rows and second in columns, coloured
 * like the ranking; and the ranking of the second key within each group of
 * the first, the group's total (tally --totals) after its parts, never
 * among them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

struct axis {
    const char **values;  /* distinct, '*' last */
    size_t count;
};

static size_t axis_index(const struct axis *a, const char *v)
{
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->values[i], v) == 0)
            return i;
    return (size_t)-1;
}

static void axis_add(struct axis *a, const char *v)
{
    if (axis_index(a, v) == (size_t)-1)
        a->values[a->count++] = v;
}

/* Distinct values of key k, in the order of the table, '*' last. */
static int axis_of(const struct tally_table *t, const char *q, size_t k, struct axis *a)
{
    a->values = calloc(t->row_count + 1, sizeof *a->values);
    a->count = 0;
    if (a->values == NULL)
        return -1;
    int star = 0;
    for (size_t i = 0; i < t->row_count; i++) {
        if (strcmp(t->rows[i].question, q) != 0)
            continue;
        if (strcmp(t->rows[i].keys[k], "*") == 0)
            star = 1;
        else
            axis_add(a, t->rows[i].keys[k]);
    }
    if (star)
        a->values[a->count++] = "*";
    return 0;
}

/* The rows of the main question by (first, second) index; NULL: none. */
static const struct tally_row **grid_of(const struct tally_table *t, const char *q,
                                        const struct axis *a, const struct axis *b)
{
    const struct tally_row **grid = calloc(a->count * b->count + 1, sizeof *grid);
    for (size_t i = 0; grid && i < t->row_count; i++) {
        const struct tally_row *row = &t->rows[i];
        if (strcmp(row->question, q) != 0)
            continue;
        size_t x = axis_index(a, row->keys[0]), y = axis_index(b, row->keys[1]);
        if (x != (size_t)-1 && y != (size_t)-1)
            grid[x * b->count + y] = row;
    }
    return grid;
}

struct ordered {
    size_t index;
    const struct tally_row *row; /* the group's total, or NULL */
};

static int by_total_desc(const void *a, const void *b)
{
    const struct ordered *x = a, *y = b;
    if (x->row && y->row) {
        int c = by_csat_desc(&x->row, &y->row);
        if (c != 0)
            return c;
    } else if (x->row != y->row) {
        return x->row ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The first key's groups, best total first ('*' stays last). */
static struct ordered *order_rows(const struct axis *a, const struct axis *b,
                                  const struct tally_row **grid)
{
    struct ordered *o = calloc(a->count + 1, sizeof *o);
    size_t star = axis_index(b, "*"), n = a->count;
    for (size_t i = 0; o && i < a->count; i++) {
        o[i].index = i;
        o[i].row = star != (size_t)-1 ? grid[i * b->count + star] : NULL;
    }
    if (o && n > 0 && strcmp(a->values[n - 1], "*") == 0)
        n--;
    if (o)
        qsort(o, n, sizeof *o, by_total_desc);
    return o;
}

static void share_cell(struct anketa_report *r, struct doc_block *b, size_t row, size_t col,
                       const struct tally_row *t, int total)
{
    if (t == NULL && total)
        set_text(b, row, col, ""); /* a total tally did not write */
    else if (t == NULL || (!t->suppressed && !(t->answered > 0)))
        set_text(b, row, col, "\xE2\x80\x94"); /* no answers: an em dash */
    else if (t->suppressed || isnan(t->csat))
        set_hidden(b, row, col);
    else
        set_share(b, row, col, t->f_csat, report_tone(r, t));
}

int report_matrix(struct anketa_report *r, const struct tally_table *t)
{
    const char *q = main_question(r, t);
    struct axis a, b;
    int rc = axis_of(t, q, 0, &a) | axis_of(t, q, 1, &b);
    const struct tally_row **grid = rc == 0 ? grid_of(t, q, &a, &b) : NULL;
    struct ordered *order = grid ? order_rows(&a, &b, grid) : NULL;
    const char **head = calloc(b.count + 1, sizeof *head);
    char **labels = calloc(b.count + 1, sizeof *labels);
    rc = order && head && labels ? 0 : -1;
    for (size_t j = 0; rc == 0 && j < b.count; j++)
        head[j + 1] = labels[j] = value_label(r, t->key_names[1], b.values[j]);
    head[0] = key_title(r, t->key_names[0]);
    char *title = xprintf("Удовлетворенность: %s \xC3\x97 %s", key_title(r, t->key_names[0]),
                          key_title(r, t->key_names[1]));
    add_block(r, BLOCK_HEADING, xstrdup(title));
    add_block(r, BLOCK_PARAGRAPH,
              xprintf("Вопрос: «%s». В строках — %s, в столбцах — %s; доля ответов с двумя "
                      "высшими баллами шкалы, цвет — как в рейтинге.", question_label(r, q),
                      key_title(r, t->key_names[0]), key_title(r, t->key_names[1])));
    struct doc_block *m = add_block(r, BLOCK_TABLE, title);
    if (rc == 0 && (m == NULL || table_block(m, "Матрица", b.count + 1, head, a.count) != 0))
        rc = -1;
    for (size_t i = 0; rc == 0 && i < a.count; i++) {
        size_t x = order[i].index;
        char *label = value_label(r, t->key_names[0], a.values[x]);
        set_text(m, i, 0, label);
        free(label);
        for (size_t y = 0; y < b.count; y++)
            share_cell(r, m, i, y + 1, grid[x * b.count + y],
                       strcmp(a.values[x], "*") == 0 || strcmp(b.values[y], "*") == 0);
    }
    for (size_t j = 0; labels && j < b.count; j++)
        free(labels[j]);
    free(labels);
    free(head);
    free(order);
    free(grid);
    free(a.values);
    free(b.values);
    return rc;
}

/* The rows of group x of the first key: its parts with answers (or
 * suppressed) best first, then its total. Returns how many. */
static size_t group_parts(const struct axis *a, const struct axis *b,
                          const struct tally_row **grid, size_t x, const struct tally_row **part)
{
    size_t star = axis_index(b, "*"), n = 0;
    for (size_t y = 0; y < b->count; y++) { /* groups without answers: in the matrix only */
        const struct tally_row *row = grid[x * b->count + y];
        if (y != star && row && (row->answered > 0 || row->suppressed))
            part[n++] = row;
    }
    if (strcmp(a->values[x], "*") != 0)
        qsort(part, n, sizeof *part, by_csat_desc);
    if (star != (size_t)-1 && grid[x * b->count + star])
        part[n++] = grid[x * b->count + star];
    return n;
}

int report_within(struct anketa_report *r, const struct tally_table *t)
{
    const char *q = main_question(r, t);
    struct axis a, b;
    int rc = axis_of(t, q, 0, &a) | axis_of(t, q, 1, &b);
    const struct tally_row **grid = rc == 0 ? grid_of(t, q, &a, &b) : NULL;
    struct ordered *order = grid ? order_rows(&a, &b, grid) : NULL;
    const struct tally_row **part = calloc(b.count + 1, sizeof *part);
    size_t lines = 0;
    rc = order && part ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < a.count; i++)
        lines += group_parts(&a, &b, grid, i, part);
    int cmp = compare_table(r, t) != NULL;
    const char *head[] = { "№", key_title(r, t->key_names[0]), key_title(r, t->key_names[1]),
                           "Ответов", "Удовлетворенность", "95% ДИ", "Средний балл",
                           "Изменение к пред. периоду", "Значимость (95%)" };
    char *title = xprintf("Рейтинг внутри групп: %s", key_title(r, t->key_names[0]));
    add_block(r, BLOCK_HEADING, xstrdup(title));
    add_block(r, BLOCK_PARAGRAPH,
              xprintf("В каждой группе «%s» — %s по убыванию удовлетворенности; итог группы "
                      "следует за ее частями и в рейтинг не входит.",
                      key_title(r, t->key_names[0]), key_title(r, t->key_names[1])));
    struct doc_block *w = add_block(r, BLOCK_TABLE, title);
    if (rc == 0 && (w == NULL || table_block(w, "Внутри групп", cmp ? 9 : 7, head, lines) != 0))
        rc = -1;
    size_t at = 0;
    for (size_t i = 0; rc == 0 && i < a.count; i++) {
        size_t x = order[i].index, n = group_parts(&a, &b, grid, x, part);
        for (size_t k = 0; k < n; k++, at++) {
            const struct tally_row *row = part[k];
            int total = row->subtotal || row->total;
            if (!total && strcmp(a.values[x], "*") != 0)
                set_number(w, at, 0, fig_double((double)(k + 1)), 0);
            char *g = value_label(r, t->key_names[0], row->keys[0]);
            char *h = strcmp(row->keys[1], "*") == 0
                          ? xstrdup(strcmp(row->keys[0], "*") == 0 ? "Итого" : "Итого по группе")
                                                     : value_label(r, t->key_names[1], row->keys[1]);
            set_text(w, at, 1, g);
            set_text(w, at, 2, h);
            free(g);
            free(h);
            fill_figures(r, w, at, 3, row);
            if (cmp)
                set_change(w, at, 7, compare_of(r, t, row));
        }
    }
    free(part);
    free(order);
    free(grid);
    free(a.values);
    free(b.values);
    return rc;
}
