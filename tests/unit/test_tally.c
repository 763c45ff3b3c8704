/* Unit tests of tally: values, period keys, figures, and whole tallies of
 * small hand-checked inputs (figures, totals, suppression, merge). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/tally.h>

#include "check.h"
#include "tally_int.h"

static void test_weights(void)
{
    int64_t u = 0;
    CHECK(tally_parse_weight("1", 1, &u) == NULL && u == 10000);
    CHECK(tally_parse_weight("", 0, &u) == NULL && u == 10000);
    CHECK(tally_parse_weight("0.5", 3, &u) == NULL && u == 5000);
    CHECK(tally_parse_weight("1.2345", 6, &u) == NULL && u == 12345);
    CHECK(tally_parse_weight("2.50000", 7, &u) == NULL && u == 25000);
    CHECK(tally_parse_weight("0", 1, &u) == NULL && u == 0);
    CHECK(tally_parse_weight("1.23456", 7, &u) != NULL);
    CHECK(tally_parse_weight("-1", 2, &u) != NULL);
    CHECK(tally_parse_weight("1e3", 3, &u) != NULL);
    CHECK(tally_parse_weight(".", 1, &u) != NULL);
    CHECK(tally_parse_weight("0,5", 3, &u) != NULL);
    /* the whole field, exactly, with the right reason */
    const char *why;
    CHECK(tally_parse_weight("1 2", 3, &u) != NULL);
    CHECK(tally_parse_weight("1,000", 5, &u) != NULL);
    CHECK(tally_parse_weight("1.000", 5, &u) == NULL && u == 10000);
    char zeros[80];
    memset(zeros, '0', 62);
    memcpy(zeros + 62, "1000", 5);
    CHECK(tally_parse_weight(zeros, 66, &u) == NULL && u == 1000 * 10000LL);
    CHECK(tally_parse_weight("1000000000", 10, &u) == NULL && u == 10000000000000LL);
    CHECK((why = tally_parse_weight("1000000000.0001", 15, &u)) != NULL &&
          strstr(why, "above") != NULL);
    CHECK((why = tally_parse_weight("10000000000", 11, &u)) != NULL && strstr(why, "above") != NULL);
    CHECK((why = tally_parse_weight("99999999999999999999x", 21, &u)) != NULL &&
          strstr(why, "not a") != NULL);
    CHECK((why = tally_parse_weight("1.00001", 7, &u)) != NULL && strstr(why, "decimals") != NULL);
    CHECK(tally_parse_weight("1\0", 3, &u) != NULL);
    CHECK(tally_parse_weight(".5", 2, &u) != NULL);
    CHECK(tally_parse_weight("5.", 2, &u) != NULL);
    int v = 0;
    CHECK(tally_parse_score("5", 1, &v) == NULL && v == 5);
    CHECK(tally_parse_score("10", 2, &v) == NULL && v == 10);
    CHECK(tally_parse_score("-1", 2, &v) == NULL && v == -1);
    CHECK(tally_parse_score("4.5", 3, &v) != NULL);
    CHECK(tally_parse_score(" 4", 2, &v) != NULL);
    CHECK(tally_parse_score("да", strlen("да"), &v) != NULL);
}

static const char *derive(enum tally_derived kind, const char *s)
{
    static char out[32];
    int n = tally_derive(kind, s, strlen(s), out);
    if (n < 0)
        return "invalid";
    out[n] = '\0';
    return out;
}

static void test_periods(void)
{
    CHECK_STR(derive(TALLY_KEY_YEAR, "2024-03-01T10:32:00+09:00"), "2024");
    CHECK_STR(derive(TALLY_KEY_QUARTER, "2024-03-01T10:32:00+09:00"), "2024-Q1");
    CHECK_STR(derive(TALLY_KEY_QUARTER, "2024-10-01"), "2024-Q4");
    CHECK_STR(derive(TALLY_KEY_MONTH, "2024-03-01T10:32:00+09:00"), "2024-03");
    CHECK_STR(derive(TALLY_KEY_DAY, "2024-03-01T23:59:00-05:00"), "2024-03-01");
    CHECK_STR(derive(TALLY_KEY_WEEK, "2024-03-01T10:32:00+09:00"), "2024-W09");
    CHECK_STR(derive(TALLY_KEY_WEEK, "2024-12-30"), "2025-W01");   /* a Monday */
    CHECK_STR(derive(TALLY_KEY_WEEK, "2021-01-03"), "2020-W53");   /* a Sunday */
    CHECK_STR(derive(TALLY_KEY_WEEK, "2026-01-01"), "2026-W01");
    CHECK_STR(derive(TALLY_KEY_WEEK, "2024-02-29"), "2024-W09");
    CHECK_STR(derive(TALLY_KEY_MONTH, "2023-02-29"), "invalid");
    CHECK_STR(derive(TALLY_KEY_MONTH, "01.03.2024"), "invalid");
    CHECK_STR(derive(TALLY_KEY_MONTH, "2024-03-01X"), "invalid");
    CHECK(tally_derived_kind("week") == TALLY_KEY_WEEK);
    CHECK(tally_derived_kind("authority") == TALLY_KEY_PLAIN);
}

/* "from..to" of a period, or "invalid". */
static const char *range(const char *period)
{
    static char out[32];
    char from[11], to[11];
    if (tally_period_range(period, from, to) != 0)
        return "invalid";
    snprintf(out, sizeof out, "%s..%s", from, to);
    return out;
}

static void test_period_ranges(void)
{
    CHECK_STR(range("2024"), "2024-01-01..2024-12-31");
    CHECK_STR(range("2024-Q1"), "2024-01-01..2024-03-31");
    CHECK_STR(range("2024-Q2"), "2024-04-01..2024-06-30");
    CHECK_STR(range("2024-Q3"), "2024-07-01..2024-09-30");
    CHECK_STR(range("2024-Q4"), "2024-10-01..2024-12-31");
    CHECK_STR(range("2024-02"), "2024-02-01..2024-02-29");
    CHECK_STR(range("2023-02"), "2023-02-01..2023-02-28");
    CHECK_STR(range("1900-02"), "1900-02-01..1900-02-28");
    CHECK_STR(range("2000-02"), "2000-02-01..2000-02-29");
    CHECK_STR(range("2024-W09"), "2024-02-26..2024-03-03");
    CHECK_STR(range("2025-W01"), "2024-12-30..2025-01-05");
    CHECK_STR(range("2020-W53"), "2020-12-28..2021-01-03");
    CHECK_STR(range("2026-W01"), "2025-12-29..2026-01-04");
    CHECK_STR(range("2024-03-05"), "2024-03-05..2024-03-05");
    CHECK_STR(range("2024-W53"), "invalid");    /* 2024 has 52 ISO weeks */
    CHECK_STR(range("2024-W00"), "invalid");
    CHECK_STR(range("2024-13"), "invalid");
    CHECK_STR(range("2024-Q5"), "invalid");
    CHECK_STR(range("2024-02-30"), "invalid");
    CHECK_STR(range("24-03"), "invalid");
    CHECK_STR(range("2024-3"), "invalid");
    CHECK_STR(range(""), "invalid");
    /* every week of a few years against the derived week key of its days */
    for (int y = 2019; y <= 2027; y++)
        for (int w = 1; w <= 53; w++) {
            char p[16], from[11], to[11], key[16];
            snprintf(p, sizeof p, "%04d-W%02d", y, w);
            if (tally_period_range(p, from, to) != 0)
                continue;
            int n = tally_derive(TALLY_KEY_WEEK, from, 10, key);
            CHECK(n == 8 && memcmp(key, p, 8) == 0);
            n = tally_derive(TALLY_KEY_WEEK, to, 10, key);
            CHECK(n == 8 && memcmp(key, p, 8) == 0);
        }
}

static void test_yesno(void)
{
    static const char *const yes[] = {"да", "Да", "ДА", " да ", "yes", "YES", "Yes", "1", "+"};
    static const char *const no[] = {"нет", "Нет", "НЕТ", "no", "No", "0", "-", "\xC2\xA0нет"};
    static const char *const neither[] = {"", "д", "yes!", "2", "да нет", "true", "++", "10"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        CHECK(tally_parse_yesno(yes[i], strlen(yes[i])) == 1);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        CHECK(tally_parse_yesno(no[i], strlen(no[i])) == 0);
    for (size_t i = 0; i < sizeof neither / sizeof *neither; i++)
        CHECK(tally_parse_yesno(neither[i], strlen(neither[i])) == -1);
}

static void test_figures(void)
{
    /* 100 answers, 50 in the top two: Wilson (0.4038, 0.5962) */
    int64_t c[5] = {10 * TALLY_UNIT, 20 * TALLY_UNIT, 20 * TALLY_UNIT, 25 * TALLY_UNIT,
                    25 * TALLY_UNIT};
    struct tally_figures f;
    CHECK(tally_figures(c, 1, 5, &f) == 1);
    CHECK(fabs(f.mean - 3.35) < 1e-12);
    CHECK(fabs(f.csat - 0.5) < 1e-12);
    CHECK(fabs(f.low - 0.4038) < 5e-5 && fabs(f.high - 0.5962) < 5e-5);
    CHECK(fabs(f.mean_pct - 67.0) < 1e-9);
    CHECK(!f.has_nps);
    /* NPS on 0-10: 2 promoters, 1 passive, 1 detractor of 4 -> 25 */
    int64_t n[11] = {0};
    n[9] = n[10] = n[7] = n[3] = TALLY_UNIT;
    CHECK(tally_figures(n, 0, 10, &f) == 1 && f.has_nps && fabs(f.nps - 25.0) < 1e-12);
    CHECK(fabs(f.csat - 0.5) < 1e-12);
    /* yes/no: csat is the share of 1 */
    int64_t y[2] = {TALLY_UNIT, 3 * TALLY_UNIT};
    CHECK(tally_figures(y, 0, 1, &f) == 1 && fabs(f.csat - 0.75) < 1e-12);
    int64_t none[5] = {0};
    CHECK(tally_figures(none, 1, 5, &f) == 0);
    char buf[32];
    tally_format_units(15000, buf, sizeof buf);
    CHECK_STR(buf, "1.5000");
    tally_format_units(30000, buf, sizeof buf);
    CHECK_STR(buf, "3");
    tally_format_fixed(-0.00001, buf, sizeof buf);
    CHECK_STR(buf, "0.0000");
}

/* Runs a tally over csv and returns its output (caller frees). */
static char *run(const char *csv, const char *const *keys, size_t nk, const char *const *qs,
                 size_t nq, long min_n, int totals, int partial)
{
    struct anketa_tally_config cfg = {.keys = keys, .key_count = nk, .questions = qs,
                                      .question_count = nq, .min_n = min_n, .totals = totals,
                                      .threads = 1};
    struct anketa_error err;
    struct anketa_tally *t = anketa_tally_new(&cfg, &err);
    char *out = NULL;
    size_t len = 0;
    if (t == NULL)
        return NULL;
    FILE *fp = open_memstream(&out, &len);
    int rc = tally_add_buffer(t, csv, strlen(csv), "t.csv", &err);
    if (rc == 0)
        rc = partial ? anketa_tally_write_partial(t, fp, &err) : anketa_tally_write(t, fp, &err);
    if (rc != 0)
        fprintf(fp, "error: %s", err.message);
    fclose(fp);
    anketa_tally_free(t);
    return out;
}

static void test_small(void)
{
    static const char *const qs[] = {"q.a", "q.r:0-1"};
    static const char *const k1[] = {"city"};
    const char *csv = "id,city,weight,q.a,q.r,comment\n"
                      "1,Тында,1,5,1,\"да, \"\"очень\"\"\nхорошо\"\n"
                      "2,Тында,0.5,4,0,\r\n"
                      "3,Зея,2,1,,\n"
                      "4,Тында,1,,1,\n";
    char *out = run(csv, k1, 1, qs, 2, 1, 0, 0);
    CHECK_STR(out,
              "city,question,responses,answered,mean,csat,csat_low,csat_high,"
              "n0,n1,n2,n3,n4,n5,suppressed,mean_pct,nps\n"
              "Зея,q.a,2,2,1,0,0,0.6576197724933469,,2,0,0,0,0,0,20,\n"
              "Зея,q.r,2,0,,,,,0,0,,,,,0,,\n"
              "Тында,q.a,2.5000,1.5000,4.666666666666667,1,0.28082215933007504,1,,0,0,0,0.5000,1,0,"
              "93.33333333333333,\n"
              "Тында,q.r,2.5000,2.5000,0.8,0.8,0.2577848194530487,0.9787538134408587,0.5000,2,,,,,0,"
              "80,\n");
    free(out);
    /* bad value: file, line and column named */
    out = run("id,q.a\n1,5\n2,7\n", NULL, 0, qs, 1, 5, 0, 0);
    CHECK_STR(out, "error: t.csv:3:2: q.a: '7' is not a whole number on the scale 1-5");
    free(out);
    out = run("id,q.a\n1,\"5\n", NULL, 0, qs, 1, 5, 0, 0);
    CHECK_STR(out, "error: t.csv:2: malformed CSV: unclosed quote at end of file");
    free(out);
}

static const char *row_of(const char *out, const char *prefix)
{
    static char line[512];
    for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        if (strncmp(p, prefix, strlen(prefix)) == 0) {
            size_t n = strcspn(p, "\n");
            memcpy(line, p, n);
            line[n] = '\0';
            return line;
        }
    return "";
}

/* Whether the row starting with prefix is suppressed (column 14 of 1 key). */
static int hidden(const char *out, const char *prefix)
{
    const char *r = row_of(out, prefix);
    return strstr(r, ",1,,") != NULL || (strlen(r) > 3 && strcmp(r + strlen(r) - 3, ",1,") == 0);
}

static void test_suppression(void)
{
    static const char *const qs[] = {"q.a"};
    static const char *const k1[] = {"g"};
    static const char *const k2[] = {"g", "h"};
    char csv[4096] = "g,h,q.a\n";
    /* x: 2 answers, y: 10, z: 20 */
    for (int i = 0; i < 32; i++)
        strcat(csv, i < 2 ? "x,p,4\n" : i < 12 ? "y,p,5\n" : "z,q,3\n");
    char *out = run(csv, k1, 1, qs, 1, 5, 0, 0);
    CHECK(hidden(out, "x,q.a,2,2,"));
    CHECK(!hidden(out, "y,q.a,10,"));
    CHECK_STR(row_of(out, "x,"), "x,q.a,2,2,,,,,,,,,,1,,");
    free(out);
    /* with totals the next-smallest sibling goes too, the total stays */
    out = run(csv, k1, 1, qs, 1, 5, 1, 0);
    CHECK(hidden(out, "x,q.a"));
    CHECK(hidden(out, "y,q.a"));
    CHECK(!hidden(out, "z,q.a"));
    CHECK(!hidden(out, "*,q.a,32,"));
    free(out);
    /* two levels: h=q has one part only (z) of 20 shown; x,y under p */
    out = run(csv, k2, 2, qs, 1, 5, 1, 0);
    CHECK(hidden(out, "x,p,"));
    CHECK(hidden(out, "y,p,"));   /* complementary within x,* */
    CHECK(!hidden(out, "z,q,"));
    free(out);
    /* a lone small part hides its total, which hides a sibling total */
    char csv2[4096] = "g,h,q.a\n";
    for (int i = 0; i < 23; i++)
        strcat(csv2, i < 3 ? "a,u,4\n" : i < 13 ? "b,v,5\n" : "b,w,2\n");
    out = run(csv2, k2, 2, qs, 1, 5, 1, 0);
    CHECK(hidden(out, "a,u,"));
    CHECK(hidden(out, "a,*,"));
    CHECK(hidden(out, "b,*,"));
    CHECK(hidden(out, "b,v,") + hidden(out, "b,w,") == 1);  /* u, a, b, v: 4 unknowns, 3 sums */
    CHECK(!hidden(out, "*,*,"));
    free(out);
}

static void test_merge(void)
{
    static const char *const qs[] = {"q.a:0-10"};
    static const char *const k[] = {"g", "month"};
    const char *csv = "submitted_at,g,weight,q.a\n"
                      "2024-01-31T23:00:00+09:00,x,1.5,10\n"
                      "2024-02-01T00:10:00+09:00,x,0.25,0\n"
                      "2024-02-01T00:10:00+03:00,y,1,\n";
    char *one = run(csv, k, 2, qs, 1, 0, 1, 0);
    char *part = run(csv, k, 2, qs, 1, 0, 0, 1);
    CHECK_STR(row_of(one, "x,2024-01,"),
              "x,2024-01,q.a,1.5000,1.5000,10,1,0.28082215933007504,1,0,0,0,0,0,0,0,0,0,0,"
              "1.5000,0,100,100");
    struct anketa_tally_config cfg = {.min_n = 0, .totals = 1, .threads = 1};
    struct anketa_error err;
    struct anketa_tally *t = anketa_tally_new(&cfg, &err);
    FILE *in = fmemopen(part, strlen(part), "rb");
    CHECK(tally_add_partial_stream(t, in, "p", &err) == 0);
    fclose(in);
    char *two = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&two, &len);
    CHECK(anketa_tally_write(t, fp, &err) == 0);
    fclose(fp);
    CHECK_STR(two, one);
    anketa_tally_free(t);
    free(one);
    free(two);
    free(part);
}

int main(void)
{
    test_weights();
    test_periods();
    test_period_ranges();
    test_yesno();
    test_figures();
    test_small();
    test_suppression();
    test_merge();
    return check_summary();
}
