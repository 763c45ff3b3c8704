/* Reading tally's output into tables (doc/architecture.md "Figures"). Every
 * figure is checked and, where the row has its distribution, recomputed from
 * the counts at full precision, so that the report rounds it once. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "report_int.h"
#include "figures.h"

#define SCALE_MAX 100       /* tally's widest scale is 0-100 */
#define ABSURD 1e15         /* no figure of a tally is this large */
#define OLD_DIGITS 0.00005  /* tally wrote figures with 4 decimals before */

enum { C_RESPONSES, C_ANSWERED, C_MEAN, C_CSAT, C_LOW, C_HIGH, C_SUPPRESSED, C_COUNT };
static const char *const REQUIRED[] = { "responses", "answered", "mean", "csat", "csat_low",
                                        "csat_high", "suppressed", NULL };

/* A weighted count as tally writes it: digits, at most 4 decimals (weights
 * are kept in units of 1/10000). 1 when empty, -1 when not a count, -2 when
 * absurdly large. */
static int count_units(const char *s, int64_t *out)
{
    if (*s == '\0')
        return 1;
    size_t whole = 0, frac = 0;     /* digits: a loop, not strspn (every row, 7 times) */
    while (s[whole] >= '0' && s[whole] <= '9')
        whole++;
    if (whole == 0)
        return -1;
    if (s[whole] == '.') {
        while (s[whole + 1 + frac] >= '0' && s[whole + 1 + frac] <= '9')
            frac++;
        if (frac == 0 || frac > 4 || s[whole + 1 + frac] != '\0')
            return -1;
    } else if (s[whole] != '\0') {
        return -1;
    }
    if (whole > 20)
        return -2;
    i128 u = 0;
    for (size_t i = 0; i < whole + (frac ? frac + 1 : 0); i++)
        if (s[i] != '.')
            u = u * 10 + (s[i] - '0');
    for (size_t i = frac; i < 4; i++)
        u *= 10;
    if (u > INT64_MAX)
        return -2;
    *out = (int64_t)u;
    return 0;
}

/* A figure: NAN when empty; -1 when not a finite number, -2 when absurdly
 * large. */
static int number(const char *s, double *out)
{
    if (*s == '\0') {
        *out = NAN;
        return 0;
    }
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    if (*end != '\0' || end == s || isnan(*out))
        return -1;
    return errno != 0 || !isfinite(*out) || fabs(*out) > ABSURD ? -2 : 0;
}

struct layout {
    int col[C_COUNT], question, mean_pct, nps;
    int ncol[SCALE_MAX + 1];   /* column of n<k>, or -1 */
    int scale_lo, scale_hi;    /* the widest scale of the header */
};

static int bad(struct anketa_error *err, const char *file, long line, const char *column,
               const char *text, const char *what)
{
    return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0, "'%s' holds '%s': %s", column,
                           text, what);
}

/* Checks one row and fills tr; figures from its counts where it has them. */
static int read_row(const struct layout *L, const struct anketa_csv_row *row, const char *file,
                    struct tally_row *tr, struct anketa_error *err)
{
    long line = row->line;
    int64_t units[2];
    for (int i = 0; i < 2; i++) {
        const char *s = row->fields[L->col[i]];
        int rc = count_units(s, &units[i]);
        if (rc != 0)
            return bad(err, file, line, REQUIRED[i], s, rc == -2 ? "absurdly large"
                       : "not a count (a whole number, or weighted with at most 4 decimals)");
    }
    if (units[1] > units[0])
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0,
                               "more answers (%s) than responses (%s)", row->fields[L->col[1]],
                               row->fields[L->col[0]]);
    tr->f_responses = fig_ratio(units[0], TALLY_UNIT);
    tr->f_answered = fig_ratio(units[1], TALLY_UNIT);
    tr->responses = tr->f_responses.value;
    tr->answered = tr->f_answered.value;
    double *dst[] = { &tr->mean, &tr->csat, &tr->lo, &tr->hi };
    for (int i = 0; i < 4; i++) {
        const char *s = row->fields[L->col[C_MEAN + i]];
        int rc = number(s, dst[i]);
        if (rc != 0)
            return bad(err, file, line, REQUIRED[C_MEAN + i], s,
                       rc == -2 ? "absurdly large" : "not a number");
        if (i > 0 && (*dst[i] < 0 || *dst[i] > 1))
            return bad(err, file, line, REQUIRED[C_MEAN + i], s, "not a share between 0 and 1");
    }
    if (tr->lo > tr->csat || tr->csat > tr->hi)
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0,
                               "csat %s is outside its interval %s-%s", row->fields[L->col[C_CSAT]],
                               row->fields[L->col[C_LOW]], row->fields[L->col[C_HIGH]]);
    const char *sup = row->fields[L->col[C_SUPPRESSED]];
    if (strcmp(sup, "0") != 0 && strcmp(sup, "1") != 0 && *sup != '\0')
        return bad(err, file, line, "suppressed", sup, "not 0 or 1");
    tr->suppressed = strcmp(sup, "1") == 0;
    const char *extra[] = { "mean_pct", "nps" };
    int extra_col[] = { L->mean_pct, L->nps };
    double extra_v[2] = { NAN, NAN };
    for (int i = 0; i < 2; i++) {
        const char *s = extra_col[i] >= 0 ? row->fields[extra_col[i]] : "";
        if (number(s, &extra_v[i]) != 0 || extra_v[i] < (i ? -100 : 0) || extra_v[i] > 100)
            return bad(err, file, line, extra[i], s, i ? "not a score between -100 and 100"
                                                       : "not a percentage between 0 and 100");
    }
    tr->mean_pct = extra_v[0];

    /* The distribution: the question's own scale is the run of filled n<k>. */
    int lo = -1, hi = -1, gap = 0;
    int64_t n[SCALE_MAX + 1];
    i128 total = 0, sum = 0;
    for (int k = L->scale_lo; k <= L->scale_hi; k++) {
        n[k] = 0;
        if (L->ncol[k] < 0)
            continue;
        const char *s = row->fields[L->ncol[k]];
        int rc = count_units(s, &n[k]);
        if (rc < 0) {
            char name[8];
            snprintf(name, sizeof name, "n%d", k);
            return bad(err, file, line, name, s, rc == -2 ? "absurdly large"
                       : "not a count (a whole number, or weighted with at most 4 decimals)");
        }
        if (rc == 1)
            continue;
        gap |= hi >= 0 && hi != k - 1 && L->ncol[k - 1] >= 0;
        lo = lo < 0 ? k : lo;
        hi = k;
        total += n[k];
        sum += (i128)k * n[k];
    }
    int slo = lo >= 0 ? lo : L->scale_lo, shi = hi >= 0 ? hi : L->scale_hi;
    if (!isnan(tr->mean) && (tr->mean < slo || tr->mean > shi))
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0,
                               "mean %s is outside the scale %d-%d", row->fields[L->col[C_MEAN]],
                               slo, shi);
    tr->yes_no = lo == 0 && hi == 1;
    tr->f_mean = fig_double(tr->mean);
    tr->f_csat = fig_double(tr->csat);
    if (lo < 0)
        return 0; /* no distribution (suppressed, or not from tally): the file's figures */
    if (gap || lo == hi)
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0,
                               "the counts n%d..n%d leave a gap or name one point only", lo, hi);
    if (total != units[1])
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0,
                               "the counts n%d..n%d do not add up to 'answered' (%s)", lo, hi,
                               row->fields[L->col[C_ANSWERED]]);
    if (units[1] == 0 && !(isnan(tr->mean) && isnan(tr->csat)))
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0,
                               "figures where nothing was answered");
    if (units[1] == 0 || isnan(tr->csat))
        return 0;
    int64_t top = n[hi] + (hi - lo >= 2 ? n[hi - 1] : 0);
    tr->f_csat = fig_ratio(top, units[1]);
    tr->f_mean = fig_ratio(sum, units[1]);
    double want[] = { tr->f_mean.value, tr->f_csat.value, 0, 0 };
    anketa_wilson(want[1], (double)units[1] / TALLY_UNIT, &want[2], &want[3]);
    /* The file's figures must be these, to the digits tally ever wrote. */
    for (int i = 0; i < 4; i++) {
        if (!(fabs(*dst[i] - want[i]) <= OLD_DIGITS * (1 + 1e-9)))
            return anketa_error_at(err, ANKETA_ERR_INVALID, file, line, 0,
                                   "'%s' holds '%s' where its counts give %.6f",
                                   REQUIRED[C_MEAN + i], row->fields[L->col[C_MEAN + i]], want[i]);
        *dst[i] = want[i];
    }
    if (!isnan(tr->mean_pct))
        tr->mean_pct = tr->mean / hi * 100;
    return 0;
}

/* The rows kept of a bounded table: the lowest `limit` shown rows of each
 * question (by csat, then file order), and every total. */
struct lowest {
    size_t limit;
    struct tally_row **worst;   /* per question: up to limit rows, best first */
    size_t *count;
    size_t last;                /* the question of the row before */
};

static void row_free(struct tally_row *tr, size_t keys)
{
    for (size_t k = 0; tr->keys && k < keys; k++)
        free(tr->keys[k]);
    free(tr->keys);
    free(tr->question);
}

/* tr with keys and question copied (the row's own point into the reader). */
static int row_own(struct tally_row *tr, size_t keys)
{
    char **own = calloc(keys + 1, sizeof *own);
    char *q = xstrdup(tr->question);
    int ok = own != NULL && q != NULL;
    for (size_t k = 0; ok && k < keys; k++)
        ok = (own[k] = xstrdup(tr->keys[k])) != NULL;
    tr->keys = own;
    tr->question = q;
    if (!ok) {
        row_free(tr, keys);
        return -1;
    }
    return 0;
}

static int add_row(struct tally_table *t, size_t *cap, const struct tally_row *tr)
{
    if (t->row_count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        struct tally_row *nr = realloc(t->rows, ncap * sizeof *nr);
        if (nr == NULL)
            return -1;
        t->rows = nr;
        *cap = ncap;
    }
    t->rows[t->row_count++] = *tr;
    return 0;
}

/* The index of question q in t's list (added when new), or -1. */
static long question_index(struct tally_table *t, struct lowest *low, const char *q)
{
    size_t i = t->question_count;
    /* tally writes a group's questions in turn: try the one after the last */
    if (i > 0) {
        size_t next = (low->last + 1) % i;
        if (strcmp(t->questions[next], q) == 0)
            return (long)(low->last = next);
    }
    for (i = 0; i < t->question_count; i++)
        if (strcmp(t->questions[i], q) == 0)
            return (long)(low->last = i);
    char **nq = realloc(t->questions, (i + 1) * sizeof *nq);
    if (nq == NULL)
        return -1;
    t->questions = nq;
    if ((nq[i] = xstrdup(q)) == NULL)
        return -1;
    if (low->limit) {
        struct tally_row **w = realloc(low->worst, (i + 1) * sizeof *w);
        size_t *c = w ? realloc(low->count, (i + 1) * sizeof *c) : NULL;
        if (w) low->worst = w;
        if (c) low->count = c;
        if (w == NULL || c == NULL || (w[i] = calloc(low->limit, sizeof **w)) == NULL)
            return -1;
        c[i] = 0;
    }
    t->question_count++;
    return (long)(low->last = i);
}

/* Orders shown rows for the lowest ranking: csat, then line. */
static int lower(const struct tally_row *a, const struct tally_row *b)
{
    return a->csat < b->csat || (a->csat == b->csat && a->line < b->line);
}

/* Keeps tr (borrowed strings) among question qi's lowest; 0 or -1. */
static int keep_lowest(struct lowest *low, size_t qi, struct tally_row *tr, size_t keys)
{
    struct tally_row *w = low->worst[qi];
    size_t n = low->count[qi];
    if (n == low->limit && !lower(tr, &w[n - 1]))
        return 0;
    if (row_own(tr, keys) != 0)
        return -1;
    if (n == low->limit)
        row_free(&w[--n], keys);
    size_t i = n;
    while (i > 0 && lower(tr, &w[i - 1])) {
        w[i] = w[i - 1];
        i--;
    }
    w[i] = *tr;
    low->count[qi] = n + 1;
    return 0;
}

static int by_line(const void *a, const void *b)
{
    long x = ((const struct tally_row *)a)->line, y = ((const struct tally_row *)b)->line;
    return (x > y) - (x < y);
}

static int read_rows(struct report_scan *in, const struct layout *L, const char *name,
                     struct tally_table *t, struct lowest *low, struct anketa_error *err)
{
    const struct anketa_csv_row *h = report_scan_header_row(in), *row;
    size_t cap = 0, nk = t->key_count;
    char **keys = malloc((nk + 1) * sizeof *keys);
    int rc;
    if (keys == NULL)
        goto nomem;
    while ((rc = report_scan_next(in, &row, err)) > 0) {
        if (row->count != h->count) {
            rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, row->line, 0,
                                 "%zu fields where the header has %zu", row->count, h->count);
            break;
        }
        struct tally_row tr;
        memset(&tr, 0, sizeof tr);
        tr.line = row->line;
        tr.keys = keys;
        tr.total = nk > 0;
        for (size_t i = 0; i < nk; i++) {
            keys[i] = row->fields[i];
            tr.total &= strcmp(row->fields[i], "*") == 0;
        }
        tr.question = row->fields[L->question];
        if ((rc = read_row(L, row, name, &tr, err)) < 0)
            break;
        long qi = question_index(t, low, tr.question);
        if (qi < 0)
            goto nomem;
        if (!tr.suppressed && tr.answered > 0)
            t->yes_no_only = !tr.yes_no ? -1 : t->yes_no_only == 0 ? 1 : t->yes_no_only;
        if (!low->limit || tr.total) {
            if (row_own(&tr, nk) != 0)
                goto nomem;
            if (add_row(t, &cap, &tr) != 0) {
                row_free(&tr, nk);
                goto nomem;
            }
        } else if (!tr.suppressed && !isnan(tr.csat) && keep_lowest(low, (size_t)qi, &tr, nk) != 0) {
            goto nomem;
        }
    }
    free(keys);
    keys = NULL;
    if (rc < 0)
        return rc;
    for (size_t q = 0; low->limit && q < t->question_count; q++) {
        for (size_t i = 0; i < low->count[q]; i++) {
            if (add_row(t, &cap, &low->worst[q][i]) != 0)
                goto nomem;
            low->worst[q][i].keys = NULL;   /* the table owns it now */
            low->worst[q][i].question = NULL;
        }
        low->count[q] = 0;
    }
    if (low->limit)
        qsort(t->rows, t->row_count, sizeof *t->rows, by_line);
    return 0;
nomem:
    free(keys);
    return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
}

static void free_table(struct tally_table *tab)
{
    for (size_t i = 0; i < tab->row_count; i++)
        row_free(&tab->rows[i], tab->key_count);
    for (size_t k = 0; tab->key_names && k < tab->key_count; k++)
        free(tab->key_names[k]);
    for (size_t q = 0; q < tab->question_count; q++)
        free(tab->questions[q]);
    free(tab->questions);
    free(tab->key_names);
    free(tab->rows);
    free(tab->file);
    memset(tab, 0, sizeof *tab);
}

static void lowest_free(struct lowest *low, size_t questions, size_t keys)
{
    for (size_t q = 0; low->worst && q < questions; q++) {
        for (size_t i = 0; low->worst[q] && i < low->count[q]; i++)
            row_free(&low->worst[q][i], keys);
        free(low->worst[q]);
    }
    free(low->worst);
    free(low->count);
}

/* Reads one table; all_rows keeps every row whatever its section shows. */
static int read_table(struct anketa_report *r, const char *path, int all_rows,
                      struct anketa_error *err)
{
    struct report_scan *in = report_scan_open(path, err);
    if (in == NULL || report_scan_header(in, err) != 0) {
        report_scan_free(in);
        return err->code;
    }
    const char *name = report_scan_name(in);
    struct layout L = { .question = report_scan_column(in, "question"), .scale_lo = -1 };
    int missing = L.question < 0 ? 0 : -1;
    for (int i = 0; missing < 0 && REQUIRED[i]; i++)
        if ((L.col[i] = report_scan_column(in, REQUIRED[i])) < 0)
            missing = i + 1;
    if (missing >= 0) {
        anketa_error_at(err, ANKETA_ERR_INVALID, name, 1, 0, "not a tally output: no '%s' column",
                        missing ? REQUIRED[missing - 1] : "question");
        report_scan_free(in);
        return err->code;
    }
    L.mean_pct = report_scan_column(in, "mean_pct");
    L.nps = report_scan_column(in, "nps");
    const struct anketa_csv_row *h = report_scan_header_row(in);
    for (int k = 0; k <= SCALE_MAX; k++) {
        char col[8];
        snprintf(col, sizeof col, "n%d", k);
        L.ncol[k] = report_scan_column(in, col);
        if (L.ncol[k] >= 0 && L.ncol[k] < L.question)
            L.ncol[k] = -1; /* a group column of that name */
        if (L.ncol[k] >= 0) {
            L.scale_lo = L.scale_lo < 0 ? k : L.scale_lo;
            L.scale_hi = k;
        }
    }
    if (L.scale_lo < 0) {
        L.scale_lo = 0;
        L.scale_hi = SCALE_MAX;
    }
    struct tally_table *grown = realloc(r->tables, (r->table_count + 1) * sizeof *grown);
    if (grown == NULL) {
        report_scan_free(in);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    r->tables = grown;
    struct tally_table *t = &r->tables[r->table_count++];
    memset(t, 0, sizeof *t);
    t->file = xstrdup(name);
    t->key_count = (size_t)L.question; /* the group columns stand before 'question' */
    t->key_names = calloc(t->key_count + 1, sizeof *t->key_names);
    for (size_t i = 0; t->key_names && i < t->key_count; i++)
        t->key_names[i] = xstrdup(h->fields[i]);
    struct lowest low = { .limit = all_rows ? 0 : report_rank_limit(t) };
    t->bounded = low.limit > 0;
    int rc = read_rows(in, &L, name, t, &low, err);
    lowest_free(&low, t->question_count, t->key_count);
    if (rc == 0 && t->question_count == 0)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, 0, 0, "no rows: nothing to report");
    report_scan_free(in); /* name dies with it: every message is made above */
    return rc < 0 ? rc : 0;
}

int report_read_table(struct anketa_report *r, const char *path, struct anketa_error *err)
{
    /* A table whose section shows only its lowest groups keeps only those,
     * so a report of millions of groups stays in bounded memory; a file
     * (not a pipe, which cannot be read twice) found to be a readiness
     * table after all is read again whole. */
    int pipe = path == NULL || strcmp(path, "-") == 0;
    int rc = read_table(r, path, pipe, err);
    struct tally_table *t = rc == 0 ? &r->tables[r->table_count - 1] : NULL;
    if (t && t->bounded && t->yes_no_only > 0 && t->question_count > 0 &&
        !anketa_campaign_question(r->o.campaign, t->questions[0] + 2)) {
        free_table(t);
        r->table_count--;
        rc = read_table(r, path, 1, err);
    }
    return rc;
}

void report_free_tables(struct anketa_report *r)
{
    for (size_t t = 0; t < r->table_count; t++)
        free_table(&r->tables[t]);
    free(r->tables);
    r->tables = NULL;
    r->table_count = 0;
}
