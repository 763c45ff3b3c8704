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
    size_t whole = strspn(s, "0123456789"), frac = 0;
    if (whole == 0)
        return -1;
    if (s[whole] == '.') {
        frac = strspn(s + whole + 1, "0123456789");
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
    int64_t n[SCALE_MAX + 1] = { 0 };
    i128 total = 0, sum = 0;
    for (int k = 0; k <= SCALE_MAX; k++) {
        if (L->ncol[k] < 0)
            continue;
        const char *s = row->fields[L->ncol[k]];
        char name[8];
        snprintf(name, sizeof name, "n%d", k);
        int rc = count_units(s, &n[k]);
        if (rc < 0)
            return bad(err, file, line, name, s, rc == -2 ? "absurdly large"
                       : "not a count (a whole number, or weighted with at most 4 decimals)");
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
    if (lo == 0 && hi == 10) { /* NPS: promoters 9-10, passives 7-8, detractors 0-6 */
        int64_t promoters = n[9] + n[10], passives = n[7] + n[8];
        int64_t detractors = units[1] - promoters - passives;
        tr->nps_scale = 1;
        tr->f_promoters = fig_ratio(promoters, units[1]);
        tr->f_passives = fig_ratio(passives, units[1]);
        tr->f_detractors = fig_ratio(detractors, units[1]);
        tr->f_nps = fig_ratio(promoters - detractors, units[1]);
    }
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

int report_read_table(struct tally_table **tables, size_t *count, const char *path,
                      struct anketa_error *err)
{
    struct anketa_csv_reader *in = anketa_csv_reader_open(path, ',', err);
    if (in == NULL || anketa_csv_reader_read_header(in, err) != 0) {
        anketa_csv_reader_free(in);
        return err->code;
    }
    const char *name = anketa_csv_reader_name(in);
    struct layout L = { .question = anketa_csv_reader_column(in, "question"), .scale_lo = -1 };
    int missing = L.question < 0 ? 0 : -1;
    for (int i = 0; missing < 0 && REQUIRED[i]; i++)
        if ((L.col[i] = anketa_csv_reader_column(in, REQUIRED[i])) < 0)
            missing = i + 1;
    if (missing >= 0) {
        anketa_error_at(err, ANKETA_ERR_INVALID, name, 1, 0, "not a tally output: no '%s' column",
                        missing ? REQUIRED[missing - 1] : "question");
        anketa_csv_reader_free(in);
        return err->code;
    }
    L.mean_pct = anketa_csv_reader_column(in, "mean_pct");
    L.nps = anketa_csv_reader_column(in, "nps");
    const struct anketa_csv_row *h = anketa_csv_reader_header(in);
    for (int k = 0; k <= SCALE_MAX; k++) {
        char col[8];
        snprintf(col, sizeof col, "n%d", k);
        L.ncol[k] = anketa_csv_reader_column(in, col);
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
    struct tally_table *grown = realloc(*tables, (*count + 1) * sizeof *grown);
    if (grown == NULL) {
        anketa_csv_reader_free(in);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    *tables = grown;
    struct tally_table *t = &grown[(*count)++];
    memset(t, 0, sizeof *t);
    t->file = xstrdup(name);
    t->key_count = (size_t)L.question; /* the group columns stand before 'question' */
    t->key_names = calloc(t->key_count + 1, sizeof *t->key_names);
    for (size_t i = 0; t->key_names && i < t->key_count; i++)
        t->key_names[i] = xstrdup(h->fields[i]);
    const struct anketa_csv_row *row;
    size_t cap = 0;
    int rc;
    while ((rc = anketa_csv_reader_next(in, &row, err)) > 0) {
        if (row->count != h->count) {
            rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, row->line, 0,
                                 "%zu fields where the header has %zu", row->count, h->count);
            break;
        }
        if (t->row_count == cap) {
            cap = cap ? cap * 2 : 64;
            struct tally_row *nr = realloc(t->rows, cap * sizeof *nr);
            if (nr == NULL) {
                rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
                break;
            }
            t->rows = nr;
        }
        struct tally_row *tr = &t->rows[t->row_count++];
        memset(tr, 0, sizeof *tr);
        tr->keys = calloc(t->key_count + 1, sizeof *tr->keys);
        tr->total = t->key_count > 0;
        for (size_t i = 0; tr->keys && i < t->key_count; i++) {
            tr->keys[i] = xstrdup(row->fields[i]);
            tr->total &= strcmp(row->fields[i], "*") == 0;
            tr->subtotal |= strcmp(row->fields[i], "*") == 0;
        }
        tr->subtotal &= !tr->total;
        tr->question = xstrdup(row->fields[L.question]);
        if ((rc = read_row(&L, row, name, tr, err)) < 0)
            break;
    }
    if (rc == 0 && t->row_count == 0)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, 0, 0, "no rows: nothing to report");
    anketa_csv_reader_free(in); /* name dies with it: every message is made above */
    return rc < 0 ? rc : 0;
}
void report_free_tables(struct tally_table *tables, size_t count)
{
    for (size_t t = 0; t < count; t++) {
        struct tally_table *tab = &tables[t];
        for (size_t i = 0; i < tab->row_count; i++) {
            for (size_t k = 0; tab->rows[i].keys && k < tab->key_count; k++)
                free(tab->rows[i].keys[k]);
            free(tab->rows[i].keys);
            free(tab->rows[i].question);
        }
        for (size_t k = 0; tab->key_names && k < tab->key_count; k++)
            free(tab->key_names[k]);
        free(tab->key_names);
        free(tab->rows);
        free(tab->file);
    }
    free(tables);
}
