/* Files with different question sets: a question one file lacks counts as
 * not answered by that file's responses. A question first seen in a later
 * file (or partial) is appended, every group's counts widened for it; each
 * file's questions are noted for the warning the command gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

long tally_add_question(struct anketa_tally *t, const char *column, int lo, int hi)
{
    struct tally_question *qs = realloc(t->questions, (t->question_count + 1) * sizeof *qs);
    if (qs == NULL)
        return -1;
    t->questions = qs;
    struct tally_question *q = &qs[t->question_count];
    memset(q, 0, sizeof *q);
    q->lo = 1;
    q->hi = 5;
    if (lo <= hi) {
        q->lo = lo;
        q->hi = hi;
        q->explicit_scale = 1;
    }
    if ((q->column = strdup(column)) == NULL)
        return -1;
    tally_campaign_scale(t, q);
    q->offset = t->table.nstats;
    if (tally_table_add_columns(&t->table, (size_t)(q->hi - q->lo + 1)) != 0) {
        free(q->column);
        return -1;
    }
    if (q->lo < t->lo)
        t->lo = q->lo;
    if (q->hi > t->hi)
        t->hi = q->hi;
    return (long)t->question_count++;
}

int tally_note_file(struct anketa_tally *t, const char *name, const int *q_col, size_t count)
{
    struct tally_file *f = realloc(t->files, (t->file_count + 1) * sizeof *f);
    if (f == NULL)
        return -1;
    t->files = f;
    f += t->file_count;
    f->count = count;
    f->name = strdup(name);
    f->has = malloc(count ? count : 1);
    if (f->name == NULL || f->has == NULL) {
        free(f->name);
        free(f->has);
        return -1;
    }
    for (size_t i = 0; i < count; i++)
        f->has[i] = q_col[i] >= 0;
    t->file_count++;
    return 0;
}

int anketa_tally_gap(const struct anketa_tally *t, size_t i, char *msg, size_t cap)
{
    if (i >= t->file_count)
        return -1;
    const struct tally_file *f = &t->files[i];
    size_t missing = 0, len = 0;
    for (size_t q = 0; q < t->question_count; q++) {
        if (q < f->count && f->has[q])
            continue;
        if (missing++ == 0)
            len = (size_t)snprintf(msg, cap, "%s: no column ", f->name);
        else if (len < cap)
            len += (size_t)snprintf(msg + len, cap - len, ", ");
        if (len < cap)
            len += (size_t)snprintf(msg + len, cap - len, "%s", t->questions[q].column);
    }
    if (missing && len < cap)
        snprintf(msg + len, cap - len, ": its responses count as not answering %s",
                 missing == 1 ? "it" : "them");
    return missing > 0;
}
