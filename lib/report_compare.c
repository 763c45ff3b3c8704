/* --compare: the change of each group's satisfaction against the previous
 * period, in percentage points, and whether it is significant at 95 %
 * (two-sided two-proportion z-test with the pooled share). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

#define Z95 1.959963984540054 /* the 97.5 % quantile of the normal law */

const struct tally_table *compare_table(const struct anketa_report *r,
                                        const struct tally_table *t)
{
    for (size_t i = 0; i < r->prev_count; i++) {
        const struct tally_table *p = &r->prev[i];
        int same = p->key_count == t->key_count;
        for (size_t k = 0; same && k < t->key_count; k++)
            same = strcmp(p->key_names[k], t->key_names[k]) == 0;
        if (same)
            return p;
    }
    return NULL;
}

static int same_keys(const struct tally_row *a, const struct tally_row *b, size_t keys)
{
    for (size_t k = 0; k < keys; k++)
        if (strcmp(a->keys[k], b->keys[k]) != 0)
            return 0;
    return 1;
}

static const struct tally_row *find_row(const struct tally_table *t, const struct tally_row *row,
                                        const char *q)
{
    for (size_t i = 0; t && i < t->row_count; i++)
        if (strcmp(t->rows[i].question, q) == 0 && same_keys(&t->rows[i], row, t->key_count))
            return &t->rows[i];
    return NULL;
}

int compare_significant(double p1, double n1, double p0, double n0)
{
    double pooled = (p1 * n1 + p0 * n0) / (n1 + n0);
    double se = sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
    return se > 0 && fabs(p1 - p0) / se > Z95;
}

struct change compare_row(const struct tally_row *now, const struct tally_row *before)
{
    struct change ch = { CH_NEW, { NAN, 0, 0 }, 0 };
    int shown_now = !now->suppressed && !isnan(now->csat);
    int shown_before = before && !before->suppressed && !isnan(before->csat);
    if (before == NULL || (before->answered <= 0 && !before->suppressed))
        ch.state = shown_now || now->suppressed ? CH_NEW : CH_NONE;
    else if (!shown_now || !shown_before)
        ch.state = CH_HIDDEN;
    else {
        ch.state = CH_SAME;
        ch.diff = fig_sub(now->f_csat, before->f_csat);
        ch.significant = compare_significant(now->csat, now->answered, before->csat,
                                             before->answered);
    }
    return ch;
}

struct change compare_of(const struct anketa_report *r, const struct tally_table *t,
                         const struct tally_row *row)
{
    const struct tally_table *p = compare_table(r, t);
    struct change none = { CH_NONE, { NAN, 0, 0 }, 0 };
    return p ? compare_row(row, find_row(p, row, row->question)) : none;
}

void set_change(struct doc_block *b, size_t row, size_t col, struct change ch)
{
    switch (ch.state) {
    case CH_SAME:
        set_points(b, row, col, ch.diff, TONE_NONE);
        set_text(b, row, col + 1, ch.significant ? "значимо" : "незначимо");
        break;
    case CH_NEW: set_text(b, row, col, "новая группа"); break;
    case CH_GONE: set_text(b, row, col, "нет в периоде"); break;
    case CH_HIDDEN: set_text(b, row, col, "нет данных"); break;
    case CH_NONE: break;
    }
}

size_t compare_gone(const struct anketa_report *r, const struct tally_table *t, const char *q,
                    const struct tally_row **out)
{
    const struct tally_table *p = compare_table(r, t);
    size_t n = 0;
    for (size_t i = 0; p && i < p->row_count; i++) {
        const struct tally_row *row = &p->rows[i];
        if (strcmp(row->question, q) == 0 && !row->total && !row->subtotal && !(row->answered <= 0) &&
            find_row(t, row, q) == NULL)
            out[n++] = row;
    }
    return n;
}
