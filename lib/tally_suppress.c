/* Disclosure control. Primary: a group-question with fewer than min_n
 * answered (but some) is hidden. Complementary, with totals: a total equals
 * the sum of its parts, so in each family {total, parts} exactly one hidden
 * member could be worked out from the others; then the next-smallest shown
 * part (or, with none left, the total itself) is hidden too, until no family
 * has exactly one hidden member. Ties go by output order, so the result
 * depends only on the counts, never on how the input was split. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"
#include "util.h"

static int64_t answered(const struct anketa_tally *t, size_t g, size_t q)
{
    const struct tally_question *qu = &t->questions[q];
    int64_t st[101];    /* a scale has at most 101 points (0-100) */
    tally_table_load(&t->table, g, qu->offset, (size_t)(qu->hi - qu->lo + 1), st);
    int64_t a = 0;
    for (int k = 0; k <= qu->hi - qu->lo; k++)
        a += st[k];
    return a;
}

/* Number of leading real keys (the rest are '*'). */
static size_t depth(const struct anketa_tally *t, size_t g)
{
    const uint32_t *ids = tally_table_ids(&t->table, g);
    size_t m = 0;
    while (m < t->key_count && ids[m] != TALLY_STAR)
        m++;
    return m;
}

unsigned char *tally_suppress(struct anketa_tally *t, long min_n, int totals, const uint32_t *pos)
{
    size_t n = t->table.count, nq = t->question_count;
    unsigned char *hide = anketa_big_alloc(n * nq + 1);
    int64_t *ans = anketa_big_alloc((n * nq + 1) * sizeof *ans);
    if (hide == NULL || ans == NULL) {
        free(hide);
        free(ans);
        return NULL;
    }
    int64_t k = (int64_t)min_n * TALLY_UNIT;
    for (size_t g = 0; g < n; g++)
        for (size_t q = 0; q < nq; q++) {
            ans[g * nq + q] = answered(t, g, q);
            hide[g * nq + q] = ans[g * nq + q] > 0 && ans[g * nq + q] < k;
        }
    if (!totals || t->key_count == 0) {
        free(ans);
        return hide;
    }
    /* families: each group's parent, then the children of each parent */
    int64_t *parent = malloc(n * sizeof *parent);
    size_t *first = calloc(n + 1, sizeof *first), *kids = malloc((n + 1) * sizeof *kids);
    uint32_t ids[64];
    if (parent == NULL || first == NULL || kids == NULL)
        goto nomem;
    for (size_t g = 0; g < n; g++) {
        size_t m = depth(t, g);
        parent[g] = -1;
        if (m == 0)
            continue;
        memcpy(ids, tally_table_ids(&t->table, g), t->key_count * sizeof *ids);
        ids[m - 1] = TALLY_STAR;
        parent[g] = tally_table_find(&t->table, ids);
        if (parent[g] < 0)
            goto nomem;
        first[parent[g] + 1]++;
    }
    for (size_t g = 0; g < n; g++)
        first[g + 1] += first[g];
    {
        size_t *fill = calloc(n + 1, sizeof *fill);
        if (fill == NULL)
            goto nomem;
        for (size_t g = 0; g < n; g++)
            if (parent[g] >= 0)
                kids[first[parent[g]] + fill[parent[g]]++] = g;
        free(fill);
    }
    for (size_t q = 0; q < nq; q++) {
        int changed = 1;
        while (changed) {
            changed = 0;
            for (size_t p = 0; p < n; p++) {
                if (first[p] == first[p + 1])
                    continue;
                int hidden = hide[p * nq + q];
                for (size_t i = first[p]; i < first[p + 1] && hidden < 2; i++)
                    hidden += hide[kids[i] * nq + q];
                if (hidden != 1)
                    continue;
                size_t best = n;
                for (size_t i = first[p]; i < first[p + 1]; i++) {
                    size_t c = kids[i];
                    if (hide[c * nq + q] || ans[c * nq + q] == 0)
                        continue;
                    if (best == n || ans[c * nq + q] < ans[best * nq + q] ||
                        (ans[c * nq + q] == ans[best * nq + q] && pos[c] < pos[best]))
                        best = c;
                }
                if (best == n && !hide[p * nq + q] && ans[p * nq + q] > 0)
                    best = p;
                if (best != n) {
                    hide[best * nq + q] = 1;
                    changed = 1;
                }
            }
        }
    }
    free(parent);
    free(first);
    free(kids);
    free(ans);
    return hide;
nomem:
    free(parent);
    free(first);
    free(kids);
    free(ans);
    free(hide);
    return NULL;
}
