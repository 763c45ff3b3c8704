/* The report's period: from the data's day, month, quarter or year keys
 * when neither --period nor the campaign gives one; and, when the data reach
 * outside the campaign's period, how many responses and which dates. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

static const char *const PERIOD_KEYS[] = { "day", "month", "quarter", "year" };

/* The first and the last date a key value covers, as YYYY-MM-DD. */
static int span(const char *key, const char *v, char *first, char *last)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    size_t len = strlen(v);
    if (len < 4 || strspn(v, "0123456789") < 4)
        return -1;
    int y = atoi(v), m1 = 1, m2 = 12;
    if (strcmp(key, "day") == 0 && len == 10) {
        memcpy(first, v, 11);
        memcpy(last, v, 11);
        return 0;
    }
    if (strcmp(key, "month") == 0 && len == 7)
        m1 = m2 = atoi(v + 5);
    else if (strcmp(key, "quarter") == 0 && len == 7 && v[5] == 'Q')
        m2 = (m1 = (v[6] - '1') * 3 + 1) + 2;
    else if (strcmp(key, "year") != 0 || len != 4)
        return -1;
    if (m1 < 1 || m2 > 12)
        return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    snprintf(first, 48, "%04d-%02d-01", y % 10000, m1);
    snprintf(last, 48, "%04d-%02d-%02d", y % 10000, m2, mdays[m2 - 1] + (m2 == 2 && leap));
    return 0;
}

/* The first table keyed by a period alone, the finest first. */
static const struct tally_table *period_table(const struct anketa_report *r, const char **key)
{
    for (size_t k = 0; k < 4; k++)
        for (size_t i = 0; i < r->table_count; i++)
            if (r->tables[i].key_count >= 1 &&
                strcmp(r->tables[i].key_names[0], PERIOD_KEYS[k]) == 0) {
                *key = PERIOD_KEYS[k];
                return &r->tables[i];
            }
    return NULL;
}

static char *ru_ymd(const char *d)
{
    return xprintf("%.2s.%.2s.%.4s", d + 8, d + 5, d);
}

/* The first and last dates the data's period keys cover (YYYY-MM-DD, lo
 * and hi at least 11 bytes); the key and its values at both ends. 0, or -1
 * when no input has period keys. */
static int data_span(const struct anketa_report *r, char *lo, char *hi, const char **key,
                     const char **vlo, const char **vhi)
{
    const struct tally_table *t = period_table(r, key);
    char first[48], last[48];
    *lo = *hi = '\0';
    for (size_t i = 0; t && i < t->row_count; i++) {
        const struct tally_row *row = &t->rows[i];
        if (row->total || row->subtotal || !(row->responses > 0) ||
            span(*key, row->keys[0], first, last) != 0)
            continue;
        if (!*lo || strcmp(first, lo) < 0) {
            memcpy(lo, first, 11);
            *vlo = row->keys[0];
        }
        if (!*hi || strcmp(last, hi) > 0) {
            memcpy(hi, last, 11);
            *vhi = row->keys[0];
        }
    }
    return *lo ? 0 : -1;
}

int report_data_dates(const struct anketa_report *r, char *lo, char *hi)
{
    const char *key, *vlo, *vhi;
    return data_span(r, lo, hi, &key, &vlo, &vhi);
}

char *report_period_of_data(const struct anketa_report *r)
{
    const char *key = NULL, *vlo = NULL, *vhi = NULL;
    char lo[16], hi[16];
    if (data_span(r, lo, hi, &key, &vlo, &vhi) != 0)
        return NULL;
    if (strcmp(vlo, vhi) == 0 && strcmp(key, "day") != 0)
        return value_label(r, key, vlo); /* «март 2024», «I квартал 2024 г.» */
    char *a = ru_ymd(lo), *z = ru_ymd(hi);
    char *s = strcmp(lo, hi) == 0 ? xstrdup(a) : xprintf("%s \xE2\x80\x93 %s", a, z);
    free(a);
    free(z);
    return s;
}

char *report_outside_period(const struct anketa_report *r)
{
    const struct anketa_campaign *c = r->o.campaign;
    const char *key = NULL;
    const struct tally_table *t = c && c->period_start ? period_table(r, &key) : NULL;
    if (t == NULL)
        return NULL;
    const char *q = main_question(r, t);
    char first[48], last[48];
    struct figure sum = fig_ratio(0, 1);
    char *dates = NULL;
    size_t count = 0;
    for (size_t i = 0; i < t->row_count; i++) {
        const struct tally_row *row = &t->rows[i];
        if (row->total || row->subtotal || strcmp(row->question, q) != 0 ||
            !(row->responses > 0) || span(key, row->keys[0], first, last) != 0)
            continue;
        if (strcmp(last, c->period_start) >= 0 && strcmp(first, c->period_end) <= 0)
            continue; /* inside, or partly: a month astride the start is not outside */
        struct figure minus = { -row->f_responses.value, -row->f_responses.num,
                                row->f_responses.den };
        sum = fig_sub(sum, minus);
        char *label = value_label(r, key, row->keys[0]);
        char *next = xprintf("%s%s%s", dates ? dates : "", dates ? ", " : "", label ? label : "");
        free(label);
        free(dates);
        dates = next;
        count++;
    }
    if (count == 0)
        return NULL;
    char *n = ru_number(sum, 0, sum.den > 0 && sum.num % sum.den == 0 ? 0 : 1);
    char *a = ru_ymd(c->period_start), *z = ru_ymd(c->period_end);
    char *s = xprintf("Вне периода кампании (%s \xE2\x80\x93 %s) получено ответов: %s (%s).", a,
                      z, n ? n : "", dates ? dates : "");
    free(n);
    free(a);
    free(z);
    free(dates);
    return s;
}
