/* The figures as CSV (doc/architecture.md "Figures"): totals rows rolled up
 * from the details, rows sorted by key text (a '*' after every value, so a
 * total follows its parts), suppression applied, figures as the shortest
 * decimals that read back as the same doubles (never rounded twice). */
#define _GNU_SOURCE 1   /* qsort_r */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/tally.h>

#include "decimal.h"
#include "tally_int.h"
#include "util.h"

#define AHEAD 64   /* groups fetched ahead of the one being written */

/* The output is built in a buffer that a row reserves room in once; the
 * appends below then write without checking (a row's size is bounded by
 * its fields' lengths). */
struct buf {
    char *p;
    size_t len, cap;
};

static int reserve(struct buf *b, size_t n)
{
    if (b->len + n <= b->cap)
        return 0;
    size_t ncap = b->cap ? b->cap * 2 : 1u << 17;
    while (ncap < b->len + n)
        ncap *= 2;
    char *np = realloc(b->p, ncap);
    if (np == NULL)
        return -1;
    b->p = np;
    b->cap = ncap;
    return 0;
}

static void put(struct buf *b, const char *s, size_t n)
{
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void put_char(struct buf *b, char c)
{
    b->p[b->len++] = c;
}

/* Whether RFC 4180 (as anketa_csv_write_field) wants s quoted. */
static int needs_quotes(const char *s, size_t len)
{
    int quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    return quote;
}

/* A field, quoted when `quote`. At most 2 * len + 2 bytes. */
static void put_quoted(struct buf *b, const char *s, size_t len, int quote)
{
    if (!quote) {
        put(b, s, len);
        return;
    }
    put_char(b, '"');
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            put_char(b, '"');
        put_char(b, s[i]);
    }
    put_char(b, '"');
}

static void put_field(struct buf *b, const char *s, size_t len)
{
    put_quoted(b, s, len, needs_quotes(s, len));
}

/* A figure in full: report rounds it once, for display (never "-0").
 * At most DECIMAL_MAX bytes. */
static void put_figure(struct buf *b, double v)
{
    char tmp[DECIMAL_MAX];
    size_t n = anketa_decimal_shortest(v == 0 ? 0 : v, 0, tmp);
    put(b, tmp, n);
}

#define UNITS_MAX 32    /* bytes of the longest put_units */

static void put_units(struct buf *b, int64_t u)
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
    put(b, p, (size_t)(e - p));
}

/* Totals: every detail group adds into each of its roll-ups. */
static int add_totals(struct anketa_tally *t)
{
    uint32_t ids[64];
    size_t n = t->table.count, ns = t->table.nstats;
    int64_t *st = malloc(ns * sizeof *st);
    if (st == NULL)
        return -1;
    for (size_t g = 0; g < n; g++) {
        memcpy(ids, tally_table_ids(&t->table, g), t->key_count * sizeof *ids);
        if (t->key_count && ids[t->key_count - 1] == TALLY_STAR)
            continue;
        tally_table_load(&t->table, g, 0, ns, st);
        for (size_t l = t->key_count; l-- > 0;) {
            ids[l] = TALLY_STAR;
            int64_t tg = tally_table_find(&t->table, ids);
            if (tg < 0 || tally_table_add_all(&t->table, (size_t)tg, st) != 0)
                goto nomem;
        }
    }
    free(st);
    return 0;
nomem:
    free(st);
    return -1;
}

struct order_ctx {
    const struct anketa_tally *t;
    uint32_t **rank;
};

static int by_key_text(const void *a, const void *b, void *arg)
{
    const struct order_ctx *c = arg;
    const uint32_t *ia = tally_table_ids(&c->t->table, *(const uint32_t *)a);
    const uint32_t *ib = tally_table_ids(&c->t->table, *(const uint32_t *)b);
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
    uint32_t g;
};

/* LSD radix sort of items by their bits [from, to), 11 bits a pass, stable;
 * the sorted items end in *a (tmp is the same size, swapped with it). */
#define RADIX_SORT(type, a, tmp, n, from, to, field)                            \
    for (unsigned shift = (from); shift < (to); shift += 11) {                 \
        size_t count[2048 + 1] = {0};                                          \
        for (size_t i = 0; i < (n); i++)                                       \
            count[(((a)[i] field) >> shift & 2047) + 1]++;                     \
        for (size_t i = 0; i < 2048; i++)                                      \
            count[i + 1] += count[i];                                          \
        for (size_t i = 0; i < (n); i++)                                       \
            (tmp)[count[((a)[i] field) >> shift & 2047]++] = (a)[i];           \
        type *sw = (a);                                                        \
        (a) = (tmp);                                                           \
        (tmp) = sw;                                                            \
    }

/* The groups in output order; NULL when out of memory. When the ranks of
 * all keys and the group number fit in 64 bits (as for four keys of up to a
 * few thousand values each), each group sorts as one integer; when the ranks
 * alone fit, as an integer and a number; else by comparison. */
static uint32_t *sorted_groups(const struct anketa_tally *t)
{
    size_t n = t->table.count;
    struct order_ctx c = {t, calloc(t->key_count + 1, sizeof(uint32_t *))};
    uint32_t *order = NULL;
    int ok = c.rank != NULL;
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
    unsigned bits = 0, kb[64];
    for (size_t k = 0; ok && k < t->key_count; k++) {
        kb[k] = 1;      /* ranks 0..count, count being '*' */
        while (kb[k] < 33 && (1ull << kb[k]) <= t->keys[k].values.count)
            kb[k]++;
        bits += kb[k];
    }
    uint64_t *one = NULL, *one_tmp = NULL;
    struct packed *pk = NULL, *tmp = NULL;
    if (ok && bits <= 32) {
        one = anketa_big_alloc((n + 1) * sizeof *one);
        one_tmp = one ? anketa_big_alloc((n + 1) * sizeof *one_tmp) : NULL;
    } else if (ok && bits <= 64) {
        pk = anketa_big_alloc((n + 1) * sizeof *pk);
        tmp = pk ? anketa_big_alloc((n + 1) * sizeof *tmp) : NULL;
    }
    if ((one && one_tmp) || (pk && tmp)) {
        for (size_t g = 0; g < n; g++) {
            const uint32_t *ids = tally_table_ids(&t->table, g);
            uint64_t key = 0;
            for (size_t k = 0; k < t->key_count; k++) {
                uint64_t r = ids[k] == TALLY_STAR ? t->keys[k].values.count : c.rank[k][ids[k]];
                key = (key << kb[k]) | r;
            }
            if (one) {
                one[g] = key << 32 | g;
            } else {
                pk[g].key = key;
                pk[g].g = (uint32_t)g;
            }
        }
        /* the order is allocated once the spare buffer is freed */
        if (one) {
            RADIX_SORT(uint64_t, one, one_tmp, n, 32, 32 + bits, )
            free(one_tmp);
            one_tmp = NULL;
            if ((order = anketa_big_alloc((n + 1) * sizeof *order)) != NULL)
                for (size_t g = 0; g < n; g++)
                    order[g] = (uint32_t)one[g];
        } else {
            RADIX_SORT(struct packed, pk, tmp, n, 0, bits, .key)
            free(tmp);
            tmp = NULL;
            if ((order = anketa_big_alloc((n + 1) * sizeof *order)) != NULL)
                for (size_t g = 0; g < n; g++)
                    order[g] = pk[g].g;
        }
        ok = order != NULL;
    } else if (ok && (order = anketa_big_alloc((n + 1) * sizeof *order)) != NULL) {
        for (size_t g = 0; g < n; g++)
            order[g] = (uint32_t)g;
        qsort_r(order, n, sizeof *order, by_key_text, &c);
    } else {
        ok = 0;
    }
    free(one);
    free(one_tmp);
    free(pk);
    free(tmp);
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
    size_t need = 128;
    for (size_t k = 0; k < t->key_count; k++)
        need += 2 * strlen(t->keys[k].column) + 3;
    if (reserve(b, need + (size_t)(t->hi - t->lo + 1) * 8) != 0)
        return -1;
    for (size_t k = 0; k < t->key_count; k++) {
        put_field(b, t->keys[k].column, strlen(t->keys[k].column));
        put_char(b, ',');
    }
    put(b, "question,responses,answered,mean,csat,csat_low,csat_high",
        strlen("question,responses,answered,mean,csat,csat_low,csat_high"));
    for (int v = t->lo; v <= t->hi; v++) {
        int n = snprintf(tmp, sizeof tmp, ",n%d", v);
        put(b, tmp, (size_t)n);
    }
    put(b, ",suppressed,mean_pct,nps\n", strlen(",suppressed,mean_pct,nps\n"));
    return 0;
}

/* One group's rows, one per question; -1 when out of memory. */
/* Which key values (per key column, by id) and questions need quotes:
 * found once, not on every row. */
struct quoting {
    unsigned char *key[64];
    unsigned char *question;
};

static void quoting_free(struct quoting *qt, size_t keys)
{
    for (size_t k = 0; k < keys; k++)
        free(qt->key[k]);
    free(qt->question);
}

static int quoting_init(struct quoting *qt, const struct anketa_tally *t)
{
    memset(qt, 0, sizeof *qt);
    for (size_t k = 0; k < t->key_count; k++) {
        const struct tally_dict *d = &t->keys[k].values;
        if ((qt->key[k] = malloc(d->count + 1)) == NULL)
            goto nomem;
        for (uint32_t i = 0; i < d->count; i++) {
            size_t len;
            const char *s = tally_dict_str(d, i, &len);
            qt->key[k][i] = (unsigned char)needs_quotes(s, len);
        }
    }
    if ((qt->question = malloc(t->question_count + 1)) == NULL)
        goto nomem;
    for (size_t q = 0; q < t->question_count; q++)
        qt->question[q] = (unsigned char)needs_quotes(t->questions[q].column,
                                                      strlen(t->questions[q].column));
    return 0;
nomem:
    quoting_free(qt, t->key_count);
    return -1;
}

static int put_group(struct buf *b, const struct anketa_tally *t, const struct quoting *qt,
                     size_t g, const unsigned char *hide)
{
    const uint32_t *ids = tally_table_ids(&t->table, g);
    const char *key[64];
    size_t klen[64], need = 0;
    int kq[64];
    for (size_t k = 0; k < t->key_count; k++) {
        key[k] = tally_dict_str(&t->keys[k].values, ids[k], &klen[k]);
        kq[k] = ids[k] == TALLY_STAR ? 0 : qt->key[k][ids[k]];
        need += 2 * klen[k] + 3;
    }
    int64_t responses, cnt[101];
    tally_table_load(&t->table, g, 0, 1, &responses);
    for (size_t q = 0; q < t->question_count; q++) {
        const struct tally_question *qu = &t->questions[q];
        size_t qlen = strlen(qu->column);
        int hidden = hide[q];
        if (reserve(b, need + 2 * qlen + 3 + (size_t)(t->hi - t->lo + 9) * (UNITS_MAX + 1) +
                           6 * (DECIMAL_MAX + 1)) != 0)
            return -1;
        tally_table_load(&t->table, g, qu->offset, (size_t)(qu->hi - qu->lo + 1), cnt);
        struct tally_figures f;
        int show = !hidden && tally_figures(cnt, qu->lo, qu->hi, &f);
        int64_t ans = 0;
        for (int v = qu->lo; v <= qu->hi; v++)
            ans += cnt[v - qu->lo];
        for (size_t k = 0; k < t->key_count; k++) {
            put_quoted(b, key[k], klen[k], kq[k]);
            put_char(b, ',');
        }
        put_quoted(b, qu->column, qlen, qt->question[q]);
        put_char(b, ',');
        put_units(b, responses);
        put_char(b, ',');
        put_units(b, ans);
        for (int i = 0; i < 4; i++) {
            put_char(b, ',');
            if (show)
                put_figure(b, i == 0 ? f.mean : i == 1 ? f.csat : i == 2 ? f.low : f.high);
        }
        for (int v = t->lo; v <= t->hi; v++) {
            put_char(b, ',');
            if (v >= qu->lo && v <= qu->hi && !hidden)
                put_units(b, cnt[v - qu->lo]);
        }
        put(b, hidden ? ",1," : ",0,", 3);
        if (show)
            put_figure(b, f.mean_pct);
        put_char(b, ',');
        if (show && f.has_nps)
            put_figure(b, f.nps);
        put_char(b, '\n');
    }
    return 0;
}

/* What writing the rows needs; read only while they are made. */
struct emit {
    const struct anketa_tally *t;
    const struct quoting *qt;
    const uint32_t *order;
    const unsigned char *hide;
    size_t n;
};

/* The rows of groups order[from..to) into b; with fp, written out every
 * 64 kB. -1 when out of memory. */
static int put_range(struct buf *b, const struct emit *e, size_t from, size_t to, FILE *fp)
{
    const struct anketa_tally *t = e->t;
    size_t nq = t->question_count;
    for (size_t i = from; i < to; i++) {
        if (i + AHEAD < e->n) {
            /* groups come in key order, not memory order: fetch ahead */
            const uint32_t *ahead = tally_table_ids(&t->table, e->order[i + AHEAD]);
            __builtin_prefetch(ahead);
            __builtin_prefetch(ahead + t->key_count + t->table.nstats);
            __builtin_prefetch(e->hide + e->order[i + AHEAD] * nq);
        }
        if (put_group(b, t, e->qt, e->order[i], e->hide + e->order[i] * nq) != 0)
            return -1;
        if (fp && b->len >= (1u << 16)) {
            fwrite(b->p, 1, b->len, fp);
            b->len = 0;
        }
    }
    return 0;
}

/* Many groups: two threads make the rows, a block of groups at a time in
 * turn, into a ring of buffers that the calling thread writes in order, so
 * the output is the same bytes as from one thread. */
#define EMIT_BLOCK 4096     /* groups */
#define EMIT_SLOTS 8

struct emitter {
    const struct emit *e;
    pthread_mutex_t lock;
    pthread_cond_t change;
    size_t blocks, next, written;
    int ready[EMIT_SLOTS], failed;
    struct buf slot[EMIT_SLOTS];
};

static void *format_blocks(void *arg)
{
    struct emitter *m = arg;
    pthread_mutex_lock(&m->lock);
    while (!m->failed && m->next < m->blocks) {
        size_t k = m->next++;
        while (!m->failed && k >= m->written + EMIT_SLOTS)
            pthread_cond_wait(&m->change, &m->lock);
        if (m->failed)
            break;
        pthread_mutex_unlock(&m->lock);
        struct buf *b = &m->slot[k % EMIT_SLOTS];
        size_t from = k * EMIT_BLOCK, to = from + EMIT_BLOCK < m->e->n ? from + EMIT_BLOCK : m->e->n;
        b->len = 0;
        int rc = put_range(b, m->e, from, to, NULL);
        pthread_mutex_lock(&m->lock);
        if (rc != 0)
            m->failed = 1;
        else
            m->ready[k % EMIT_SLOTS] = 1;
        pthread_cond_broadcast(&m->change);
    }
    pthread_mutex_unlock(&m->lock);
    return NULL;
}

/* 0, -1 when out of memory, 1 when no thread could start (nothing written). */
static int emit_threaded(const struct emit *e, FILE *fp)
{
    struct emitter m;
    memset(&m, 0, sizeof m);
    m.e = e;
    m.blocks = (e->n + EMIT_BLOCK - 1) / EMIT_BLOCK;
    pthread_mutex_init(&m.lock, NULL);
    pthread_cond_init(&m.change, NULL);
    pthread_t th[2];
    int started = 0;
    for (int i = 0; i < 2; i++)
        started += pthread_create(&th[started], NULL, format_blocks, &m) == 0;
    pthread_mutex_lock(&m.lock);
    for (size_t k = 0; started && k < m.blocks && !m.failed; k++) {
        while (!m.ready[k % EMIT_SLOTS] && !m.failed)
            pthread_cond_wait(&m.change, &m.lock);
        if (m.failed)
            break;
        pthread_mutex_unlock(&m.lock);
        fwrite(m.slot[k % EMIT_SLOTS].p, 1, m.slot[k % EMIT_SLOTS].len, fp);
        pthread_mutex_lock(&m.lock);
        m.ready[k % EMIT_SLOTS] = 0;
        m.written = k + 1;
        pthread_cond_broadcast(&m.change);
    }
    pthread_mutex_unlock(&m.lock);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < EMIT_SLOTS; i++)
        free(m.slot[i].p);
    pthread_mutex_destroy(&m.lock);
    pthread_cond_destroy(&m.change);
    return !started ? 1 : m.failed ? -1 : 0;
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
    size_t n = t->table.count;
    /* Only totals look groups up from here on. */
    if (!t->cfg.totals)
        tally_table_drop_index(&t->table);
    uint32_t *order = sorted_groups(t), *pos = anketa_big_alloc((n + 1) * sizeof *pos);
    unsigned char *hide = NULL;
    struct buf b = {0};
    struct quoting qt;
    int rc = 0, quoted = 0;
    if (order == NULL || pos == NULL)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        pos[order[i]] = (uint32_t)i;
    hide = tally_suppress(t, min_n, t->cfg.totals, pos);
    free(pos);
    pos = NULL;
    if (hide == NULL || quoting_init(&qt, t) != 0)
        goto nomem;
    quoted = 1;
    if (put_header(&b, t) != 0)
        goto nomem;
    fwrite(b.p, 1, b.len, fp);
    b.len = 0;
    struct emit e = { t, &qt, order, hide, n };
    int threaded = t->cfg.threads != 1 && n >= 4 * EMIT_BLOCK ? emit_threaded(&e, fp) : 1;
    if (threaded < 0 || (threaded > 0 && put_range(&b, &e, 0, n, fp) != 0))
        goto nomem;
    if (b.len)
        fwrite(b.p, 1, b.len, fp);
    goto out;
nomem:
    rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
out:
    if (quoted)
        quoting_free(&qt, t->key_count);
    free(b.p);
    free(order);
    free(pos);
    free(hide);
    return rc;
}
