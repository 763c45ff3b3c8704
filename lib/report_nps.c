/* The NPS section: for every table with a question on a 0-10 scale, the
 * shares of promoters (9-10), passives (7-8) and detractors (0-6) and the NPS,
 * their difference in points; groups ranked by NPS, totals last. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

static int is_nps_question(const struct tally_table *t, const char *q)
{
    for (size_t i = 0; i < t->row_count; i++)
        if (t->rows[i].nps_scale && strcmp(t->rows[i].question, q) == 0)
            return 1;
    return 0;
}

static int by_nps_desc(const void *a, const void *b)
{
    const struct tally_row *x = *(const struct tally_row *const *)a;
    const struct tally_row *y = *(const struct tally_row *const *)b;
    if (x->nps_scale != y->nps_scale)
        return y->nps_scale - x->nps_scale;
    if (!x->nps_scale)
        return 0;
    int c = fig_cmp(y->f_nps, x->f_nps);
    return c;
}

static void fill_nps(struct doc_block *b, size_t row, size_t col, const struct tally_row *t)
{
    set_count(b, row, col, t->f_answered);
    if (!t->nps_scale) {
        for (int k = 1; k <= 4; k++)
            if (t->suppressed)
                set_hidden(b, row, col + (size_t)k);
        return;
    }
    set_share(b, row, col + 1, t->f_promoters, TONE_NONE);
    set_share(b, row, col + 2, t->f_passives, TONE_NONE);
    set_share(b, row, col + 3, t->f_detractors, TONE_NONE);
    struct doc_cell *c = cell(b, row, col + 4);
    char *n = ru_number(t->f_nps, 2, 1);
    c->value = t->f_nps.value * 100;
    c->decimals = 1;
    c->text = n && strncmp(n, "\xE2\x88\x92", 3) != 0 && strcmp(n, "0,0") != 0
                  ? xprintf("+%s", n) : xstrdup(n);
    free(n);
}

static int nps_table(struct anketa_report *r, const struct tally_table *t)
{
    static const char *const tail[] = { "Ответов", "Промоутеры (9–10)", "Нейтральные (7–8)",
                                        "Критики (0–6)", "NPS" };
    const char *head[6] = { "", tail[0], tail[1], tail[2], tail[3], tail[4] };
    const struct tally_row **rows = calloc(t->row_count + 1, sizeof *rows);
    if (rows == NULL)
        return -1;
    size_t n = 0, nt = 0;
    const char *q = NULL;
    for (size_t i = 0; i < t->row_count; i++) {
        const struct tally_row *row = &t->rows[i];
        if (!is_nps_question(t, row->question))
            continue;
        if (t->key_count > 0 && q == NULL)
            q = row->question; /* with groups: the first 0-10 question */
        if (t->key_count == 0 || (strcmp(row->question, q) == 0 && !row->total && !row->subtotal))
            rows[n++] = row;
    }
    if (t->key_count > 0) {
        qsort(rows, n, sizeof *rows, by_nps_desc);
        for (size_t i = 0; i < t->row_count; i++)
            if (t->rows[i].total && strcmp(t->rows[i].question, q) == 0)
                rows[n + nt++] = &t->rows[i];
    }
    head[0] = t->key_count ? key_title(r, t->key_names[0]) : "Вопрос";
    char *title = t->key_count ? xprintf("Индекс NPS: %s", key_title(r, t->key_names[0]))
                               : xstrdup("Индекс NPS");
    if (t->key_count)
        add_block(r, BLOCK_PARAGRAPH, xprintf("Вопрос: «%s».", question_label(r, q)));
    struct doc_block *b = add_block(r, BLOCK_TABLE, title);
    int rc = b ? table_block(b, "NPS", 6, head, n + nt) : -1;
    for (size_t i = 0; rc == 0 && i < n + nt; i++) {
        char *label = t->key_count ? group_label(r, t, rows[i])
                                   : xstrdup(question_label(r, rows[i]->question));
        set_text(b, i, 0, label ? label : "");
        free(label);
        fill_nps(b, i, 1, rows[i]);
    }
    free(rows);
    return rc;
}

int report_nps(struct anketa_report *r)
{
    int rc = 0, heading = 0;
    for (size_t i = 0; rc == 0 && i < r->table_count; i++) {
        const struct tally_table *t = &r->tables[i];
        int any = 0;
        for (size_t j = 0; j < t->row_count && !any; j++)
            any = t->rows[j].nps_scale;
        if (!any || is_readiness(r, t))
            continue;
        if (!heading++) {
            add_block(r, BLOCK_HEADING, xstrdup("Индекс потребительской лояльности (NPS)"));
            add_block(r, BLOCK_PARAGRAPH,
                      xstrdup("По вопросам со шкалой 0–10: промоутеры — 9–10 баллов, "
                              "нейтральные — 7–8, критики — 0–6; NPS — доля промоутеров минус "
                              "доля критиков, в пунктах (от −100 до +100)."));
        }
        rc = nps_table(r, t);
    }
    return rc;
}
