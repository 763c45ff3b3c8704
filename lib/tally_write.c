/* The figures as CSV (doc/architecture.md "Figures"): totals rows rolled up
 * from the details, rows sorted by key text (a '*' after every value, so a
 * total follows its parts), suppression applied, figures as the shortest
 * decimals that read back as the same doubles (never rounded twice). */
#define _GNU_SOURCE 1   /* qsort_r */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/tally.h>

#include "decimal.h"
#include "tally_int.h"
#include "util.h"

#define AHEAD 64   /* groups fetched ahead of the one being written */

struct buf {
    char *p;
    size_t len, cap;
};

static int put(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 4096;
        while (ncap < b->len + n + 1)
            ncap *= 2;
        char *np = realloc(b->p, ncap);
        if (np == NULL)
            return -1;
        b->p = np;
        b->cap = ncap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static int puts_(struct buf *b, const char *s)
{
    return put(b, s, strlen(s));
}

/* RFC 4180 as anketa_csv_write_field: quoted only when needed. */
static int put_field(struct buf *b, const char *s, size_t len)
{
    int quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote)
        return put(b, s, len);
    int rc = put(b, "\"", 1);
    for (size_t i = 0; i < len && rc == 0; i++)
        rc = s[i] == '"' ? put(b, "\"\"", 2) : put(b, s + i, 1);
    return rc ? rc : put(b, "\"", 1);
}

/* A figure in full: report rounds it once, for display (never "-0"). */
static int put_figure(struct buf *b, double v)
{
    char tmp[DECIMAL_MAX];
    size_t n = anketa_decimal_shortest(v == 0 ? 0 : v, 0, tmp);
    return put(b, tmp, n);
}

static int put_units(struct buf *b, int64_t u)
{
    char tmp[48], *e = tmp + sizeof tmp, *p = e;
    int64_t whole = u / TALLY_UNIT, frac = u % TALLY_UNIT;
    if (frac) {
        for (int i = 0; i < 4; i++, frac /= 10)
            *--p = (char)('0' + frac % 10);
        *--p = '.';
    }
    do
        *--p = (char)('0' + whole % 10);
    while ((whole /= 10) > 0);
    return put(b, p, (size_t)(e - p));
}

/* Totals: every detail group adds into each of its roll-ups. */
static int add_totals(struct anketa_tally *t)
{
    uint32_t ids[64];
    size_t n = t->table.count, ns = t->table.nstats;
    for (size_t g = 0; g < n; g++) {
        memcpy(ids, tally_table_ids(&t->table, g), t->key_count * sizeof *ids);
        if (t->key_count && ids[t->key_count - 1] == TALLY_STAR)
            continue;
        for (size_t l = t->key_count; l-- > 0;) {
            ids[l] = TALLY_STAR;
            int64_t tg = tally_table_find(&t->table, ids);
            if (tg < 0)
                return -1;
            const int64_t *s = tally_table_stats(&t->table, g);
            int64_t *d = tally_table_stats(&t->table, (size_t)tg);
            for (size_t i = 0; i < ns; i++)
                d[i] += s[i];
        }
    }
    return 0;
}

struct order_ctx {
    const struct anketa_tally *t;
    uint32_t **rank;
};

static int by_key_text(const void *a, const void *b, void *arg)
{
    const struct order_ctx *c = arg;
    const uint32_t *ia = tally_table_ids(&c->t->table, *(const size_t *)a);
    const uint32_t *ib = tally_table_ids(&c->t->table, *(const size_t *)b);
    for (size_t k = 0; k < c->t->key_count; k++) {
        uint32_t ra = ia[k] == TALLY_STAR ? UINT32_MAX : c->rank[k][ia[k]];
        uint32_t rb = ib[k] == TALLY_STAR ? UINT32_MAX : c->rank[k][ib[k]];
        if (ra != rb)
            return ra < rb ? -1 : 1;
    }
    return 0;
}

static int by_text(const void *a, const void *b, void *arg)
{
    const struct tally_dict *d = arg;
    size_t la, lb;
    const char *sa = tally_dict_str(d, *(const uint32_t *)a, &la);
    const char *sb = tally_dict_str(d, *(const uint32_t *)b, &lb);
    int c = memcmp(sa, sb, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

struct packed {
    uint64_t key;
    size_t g;
};

/* The groups in output order; NULL when out of memory. */
static size_t *sorted_groups(const struct anketa_tally *t)
{
    size_t n = t->table.count;
    struct order_ctx c = {t, calloc(t->key_count + 1, sizeof(uint32_t *))};
    size_t *order = anketa_big_alloc((n + 1) * sizeof *order);
    int ok = c.rank != NULL && order != NULL;
    for (size_t k = 0; ok && k < t->key_count; k++) {
        const struct tally_dict *d = &t->keys[k].values;
        uint32_t *ids = malloc((d->count + 1) * sizeof *ids);
        c.rank[k] = malloc((d->count + 1) * sizeof **c.rank);
        ok = ids != NULL && c.rank[k] != NULL;
        for (uint32_t i = 0; ok && i < d->count; i++)
            ids[i] = i;
        if (ok) {
            qsort_r(ids, d->count, sizeof *ids, by_text, (void *)(uintptr_t)d);
            for (uint32_t i = 0; i < d->count; i++)
                c.rank[k][ids[i]] = i;
        }
        free(ids);
    }
    /* When the ranks of all keys fit in 64 bits, radix-sort packed integers. */
    unsigned bits = 0, kb[64];
    for (size_t k = 0; ok && k < t->key_count; k++) {
        kb[k] = 1;      /* ranks 0..count, count being '*' */
        while (kb[k] < 33 && (1ull << kb[k]) <= t->keys[k].values.count)
            kb[k]++;
        bits += kb[k];
    }
    struct packed *pk = ok && bits <= 64 ? anketa_big_alloc((n + 1) * sizeof *pk) : NULL;
    struct packed *tmp = pk ? anketa_big_alloc((n + 1) * sizeof *tmp) : NULL;
    if (pk && tmp) {
        for (size_t g = 0; g < n; g++) {
            const uint32_t *ids = tally_table_ids(&t->table, g);
            uint64_t key = 0;
            for (size_t k = 0; k < t->key_count; k++) {
                uint64_t r = ids[k] == TALLY_STAR ? t->keys[k].values.count : c.rank[k][ids[k]];
                key = (key << kb[k]) | r;
            }
            pk[g].key = key;
            pk[g].g = g;
        }
        /* LSD radix sort, 11 bits a pass, stable */
        for (unsigned shift = 0; shift < bits; shift += 11) {
            size_t count[2048 + 1] = {0};
            for (size_t g = 0; g < n; g++)
                count[((pk[g].key >> shift) & 2047) + 1]++;
            for (size_t i = 0; i < 2048; i++)
                count[i + 1] += count[i];
            for (size_t g = 0; g < n; g++)
                tmp[count[(pk[g].key >> shift) & 2047]++] = pk[g];
            struct packed *sw = pk;
            pk = tmp;
            tmp = sw;
        }
        for (size_t g = 0; g < n; g++)
            order[g] = pk[g].g;
        free(pk);
        free(tmp);
    } else if (ok) {
        free(pk);
        free(tmp);
        for (size_t g = 0; g < n; g++)
            order[g] = g;
        qsort_r(order, n, sizeof *order, by_key_text, &c);
    }
    for (size_t k = 0; c.rank && k < t->key_count; k++)
        free(c.rank[k]);
    free(c.rank);
    if (!ok) {
        free(order);
        return NULL;
    }
    return order;
}

static int put_header(struct buf *b, const struct anketa_tally *t)
{
    char tmp[32];
    int rc = 0;
    for (size_t k = 0; k < t->key_count; k++) {
        rc |= put_field(b, t->keys[k].column, strlen(t->keys[k].column));
        rc |= put(b, ",", 1);
    }
    rc |= puts_(b, "question,responses,answered,mean,csat,csat_low,csat_high");
    for (int v = t->lo; v <= t->hi; v++) {
        snprintf(tmp, sizeof tmp, ",n%d", v);
        rc |= puts_(b, tmp);
    }
    return rc | puts_(b, ",suppressed,mean_pct,nps\n");
}

static int put_row(struct buf *b, const struct anketa_tally *t, size_t g, size_t q, int hidden)
{
    const struct tally_question *qu = &t->questions[q];
    const uint32_t *ids = tally_table_ids(&t->table, g);
    const int64_t *st = tally_table_stats(&t->table, g);
    const int64_t *cnt = st + qu->offset;
    struct tally_figures f;
    int has = !hidden && tally_figures(cnt, qu->lo, qu->hi, &f), rc = 0;
    int64_t ans = 0;
    for (int v = qu->lo; v <= qu->hi; v++)
        ans += cnt[v - qu->lo];
    for (size_t k = 0; k < t->key_count; k++) {
        size_t len;
        const char *s = tally_dict_str(&t->keys[k].values, ids[k], &len);
        rc |= put_field(b, s, len);
        rc |= put(b, ",", 1);
    }
    rc |= put_field(b, qu->column, strlen(qu->column));
    rc |= put(b, ",", 1);
    rc |= put_units(b, st[0]);
    rc |= put(b, ",", 1);
    rc |= put_units(b, ans);
    int show = has;
    for (int i = 0; i < 4; i++) {
        rc |= put(b, ",", 1);
        if (show)
            rc |= put_figure(b, i == 0 ? f.mean : i == 1 ? f.csat : i == 2 ? f.low : f.high);
    }
    for (int v = t->lo; v <= t->hi; v++) {
        rc |= put(b, ",", 1);
        if (v >= qu->lo && v <= qu->hi && !hidden)
            rc |= put_units(b, cnt[v - qu->lo]);
    }
    rc |= puts_(b, hidden ? ",1," : ",0,");
    if (show)
        rc |= put_figure(b, f.mean_pct);
    rc |= put(b, ",", 1);
    if (show && f.has_nps)
        rc |= put_figure(b, f.nps);
    return rc | put(b, "\n", 1);
}

int anketa_tally_write(struct anketa_tally *t, FILE *fp, struct anketa_error *err)
{
    if (tally_settle(t, err) != 0)
        return err->code;
    if (anketa_tally_add_coverage(t, err) != 0)
        return err->code;
    /* Without keys there is always the one group, answered or not. */
    uint32_t none[1] = {0};
    if (t->key_count == 0 && tally_table_find(&t->table, none) < 0)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    if (t->cfg.totals && add_totals(t) != 0)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    long min_n = t->cfg.min_n >= 0 ? t->cfg.min_n
               : t->cfg.campaign ? t->cfg.campaign->min_group : 5;
    size_t n = t->table.count, nq = t->question_count;
    size_t *order = sorted_groups(t), *pos = anketa_big_alloc((n + 1) * sizeof *pos);
    unsigned char *hide = NULL;
    struct buf b = {0};
    int rc = 0;
    if (order == NULL || pos == NULL)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        pos[order[i]] = i;
    if ((hide = tally_suppress(t, min_n, t->cfg.totals, pos)) == NULL || put_header(&b, t) != 0)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        if (i + AHEAD < n) {
            /* groups come in key order, not memory order: fetch ahead */
            __builtin_prefetch(tally_table_ids(&t->table, order[i + AHEAD]));
            __builtin_prefetch(tally_table_stats(&t->table, order[i + AHEAD]) + t->table.nstats - 1);
            __builtin_prefetch(hide + order[i + AHEAD] * nq);
        }
        for (size_t q = 0; q < nq; q++)
            if (put_row(&b, t, order[i], q, hide[order[i] * nq + q]) != 0)
                goto nomem;
        if (b.len >= (1u << 16) || i + 1 == n) {
            fwrite(b.p, 1, b.len, fp);
            b.len = 0;
        }
    }
    if (b.len)
        fwrite(b.p, 1, b.len, fp);
    goto out;
nomem:
    rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
out:
    free(b.p);
    free(order);
    free(pos);
    free(hide);
    return rc;
}
