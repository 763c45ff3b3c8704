/* Values of an export: dates into ISO 8601 with offset, option texts and
 * numbers into scale points, counts into weights. Never a guess: a dotted
 * date is always day first, and what does not parse is a reject. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_int.h"
#include "weight.h"

#define WHY(...) snprintf(why, INGEST_WHY, __VA_ARGS__)

static int digits(const char **p, int min, int max, int *value)
{
    int n = 0, v = 0;
    while (n < max && **p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *value = v;
    return n >= min && !(**p >= '0' && **p <= '9');
}

static int days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    int yoe = (int)(y - era * 400);
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = (int)(z - era * 146097);
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + (int)(era * 400) + (*m <= 2);
}

struct stamp {
    int y, mo, d, h, mi, s;
    int has_offset, offset; /* minutes east of UTC */
};

static int parse_time(const char **p, struct stamp *t)
{
    if (!digits(p, 1, 2, &t->h) || *(*p)++ != ':' || !digits(p, 2, 2, &t->mi))
        return 0;
    if (**p == ':') {
        (*p)++;
        if (!digits(p, 2, 2, &t->s))
            return 0;
        if (**p == '.' || **p == ',') {   /* fractions of a second are dropped */
            (*p)++;
            int f;
            if (!digits(p, 1, 9, &f))
                return 0;
        }
    }
    return 1;
}

static int parse_offset(const char **p, struct stamp *t)
{
    if (**p == 'Z') {
        (*p)++;
        t->has_offset = 1;
        return 1;
    }
    if (**p != '+' && **p != '-')
        return 1;
    int sign = *(*p)++ == '-' ? -1 : 1, h, m;
    if (!digits(p, 2, 2, &h))
        return 0;
    if (**p == ':')
        (*p)++;
    if (!digits(p, 2, 2, &m) || h > 14 || m > 59)
        return 0;
    t->has_offset = 1;
    t->offset = sign * (h * 60 + m);
    return 1;
}

static int parse_iso(const char *p, struct stamp *t)
{
    if (!digits(&p, 4, 4, &t->y) || *p++ != '-' || !digits(&p, 2, 2, &t->mo) || *p++ != '-' ||
        !digits(&p, 2, 2, &t->d))
        return 0;
    if (*p == 'T' || *p == ' ') {
        p++;
        if (!parse_time(&p, t) || !parse_offset(&p, t))
            return 0;
    }
    return *p == '\0';
}

static int parse_dmy(const char *p, struct stamp *t)
{
    if (!digits(&p, 1, 2, &t->d) || *p++ != '.' || !digits(&p, 1, 2, &t->mo) || *p++ != '.' ||
        !digits(&p, 4, 4, &t->y))
        return 0;
    if (*p == ' ') {
        while (*p == ' ')
            p++;
        if (!parse_time(&p, t))
            return 0;
    }
    return *p == '\0';
}

/* An Excel serial: days since 1899-12-30 (1904-01-01 in the 1904 date
 * system), the fraction the time of day. */
static int parse_serial(const char *s, int system, struct stamp *t)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || !(v >= 1 && v < 2958466)) /* up to 9999-12-31 */
        return 0;
    long long secs = (long long)(v * 86400.0 + 0.5);
    long long epoch = system == SERIAL_1904 ? days_from_civil(1904, 1, 1)
                                            : days_from_civil(1899, 12, 30);
    civil_from_days(secs / 86400 + epoch, &t->y, &t->mo, &t->d);
    secs %= 86400;
    t->h = (int)(secs / 3600);
    t->mi = (int)(secs / 60 % 60);
    t->s = (int)(secs % 60);
    return 1;
}

int ingest_parse_date(const char *s, unsigned formats, int serial_ok, struct ingest_zone zone,
                      char *out, char *why)
{
    while (*s == ' ')
        s++;
    struct stamp t;
    int ok = 0;
    if (!ok && (formats & DATES_ISO)) {
        memset(&t, 0, sizeof t);
        ok = parse_iso(s, &t);
    }
    if (!ok && (formats & DATES_DMY)) {
        memset(&t, 0, sizeof t);
        ok = parse_dmy(s, &t);
    }
    if (!ok && serial_ok && (formats & DATES_EXCEL)) {
        memset(&t, 0, sizeof t);
        ok = parse_serial(s, serial_ok, &t);
    }
    if (!ok) {
        WHY("date '%.60s' is in no format the profile accepts", s);
        return -1;
    }
    if (t.y < 1900 || t.mo < 1 || t.mo > 12 || t.d < 1 || t.d > days_in_month(t.y, t.mo) ||
        t.h > 23 || t.mi > 59 || t.s > 59) {
        WHY("impossible date '%.60s'", s);
        return -1;
    }
    int offset;
    long long secs = (days_from_civil(t.y, t.mo, t.d) * 24 + t.h) * 3600LL + t.mi * 60 + t.s;
    if (t.has_offset) {
        secs -= t.offset * 60LL;   /* to UTC, then into the campaign's zone */
        offset = zone.set ? zone.minutes : t.offset;
    } else {
        if (!zone.set) {
            WHY("local time '%.60s' and no time zone: give --tz or a campaign", s);
            return -2;
        }
        offset = zone.minutes;
        secs -= offset * 60LL;
    }
    secs += offset * 60LL;
    long long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    long long rem = secs - days * 86400;
    civil_from_days(days, &t.y, &t.mo, &t.d);
    if (t.y > 9999) {
        WHY("impossible date '%.60s'", s);
        return -1;
    }
    /* Written by hand: this runs for every record, and snprintf showed. */
    int a = offset < 0 ? -offset : offset;
    int parts[] = { t.y / 100, t.y % 100, t.mo, t.d, (int)(rem / 3600), (int)(rem / 60 % 60),
                    (int)(rem % 60), a / 60, a % 60 };
    const char after[9] = { 0, '-', '-', 'T', ':', ':', offset < 0 ? '-' : '+', ':', 0 };
    char *o = out;
    for (int i = 0; i < 9; i++) {
        *o++ = (char)('0' + parts[i] / 10);
        *o++ = (char)('0' + parts[i] % 10);
        if (after[i])
            *o++ = after[i];
    }
    *o = '\0';
    return 0;
}

/* A whole number at the start of folded text: its end, or NULL. A decimal
 * part of zeros ("4,0") is allowed; another one sets *fraction. */
static const char *whole_number(const char *s, long *value, int *fraction)
{
    const char *p = s;
    int neg = *p == '-';
    if (neg)
        p++;
    if (*p < '0' || *p > '9')
        return NULL;
    long v = 0;
    while (*p >= '0' && *p <= '9') {
        if (v > 100000000L)
            return NULL;
        v = v * 10 + (*p++ - '0');
    }
    *fraction = 0;
    if ((*p == ',' || *p == '.') && p[1] >= '0' && p[1] <= '9') {
        const char *q = p + 1;
        while (*q >= '0' && *q <= '9')
            *fraction |= *q++ != '0';
        p = q;
    }
    *value = neg ? -v : v;
    return p;
}

/* Texts such as "5 - отлично", "5. отлично", "5) отлично": the number leads. */
static int number_lead_separator(const char *p)
{
    return *p == ' ' || *p == '-' || *p == '.' || *p == ')' ||
           strncmp(p, "\xE2\x80\x93", 3) == 0 || strncmp(p, "\xE2\x80\x94", 3) == 0;
}

#define NO_LABEL ((size_t)-1)

/* The label of a folded text on scale lo-hi, else on any scale; with lo > hi
 * (a question whose scale is not known) on any scale the profile names. */
static size_t find_label(const struct anketa_profile *pr, const char *folded, int lo, int hi)
{
    char stack[320], *key = stack;
    size_t len = strlen(folded) + 32, index = NO_LABEL;
    if (len > sizeof stack && (key = malloc(len)) == NULL)
        return NO_LABEL;
    if (lo <= hi)
        snprintf(key, len, "%d-%d" LABEL_SCALE_SEP "%s", lo, hi, folded);
    if (lo > hi || !anketa_strmap_get(&pr->labels, key, &index)) {
        snprintf(key, len, LABEL_ANY_SCALE LABEL_SCALE_SEP "%s", folded);
        if (!anketa_strmap_get(&pr->labels, key, &index))
            index = NO_LABEL;
    }
    for (size_t i = 0; lo > hi && index == NO_LABEL && i < pr->label_count; i++) {
        const char *sep = strstr(pr->label_keys[i], LABEL_SCALE_SEP);
        if (sep && strcmp(sep + 1, folded) == 0)
            index = i;
    }
    if (key != stack)
        free(key);
    return index;
}

int ingest_parse_score(const struct anketa_profile *pr, const char *s, int lo, int hi,
                       long *value, char *why)
{
    size_t len = strlen(s);
    char stack[256], *folded = len < sizeof stack ? stack : malloc(len + 1);
    if (folded == NULL) {
        WHY("out of memory");
        return -1;
    }
    int rc = -1, fraction;
    long v = 0;
    size_t index;
    ingest_fold(s, len, folded);
    const char *end = whole_number(folded, &v, &fraction);
    if (folded[0] == '\0') {
        rc = 0;
    } else if (end && (*end == '\0' || (pr->number_prefix && number_lead_separator(end)))) {
        if (fraction)
            WHY("'%.60s' is not a whole number", s);
        else
            rc = 1;
    } else if ((index = find_label(pr, folded, lo, hi)) != NO_LABEL) {
        v = pr->label_values[index];
        rc = v == LABEL_UNANSWERED ? 0 : 1;
    } else if (lo <= hi && find_label(pr, folded, 1, 0) != NO_LABEL) {
        WHY("'%.60s' is not a value of this question's scale %d-%d", s, lo, hi);
    } else {
        WHY("'%.60s' is neither a number nor an option text of the profile", s);
    }
    if (folded != stack)
        free(folded);
    if (rc == 1 && lo <= hi && (v < lo || v > hi)) {
        WHY("%ld is not on the scale %d-%d", v, lo, hi);
        rc = -1;
    }
    *value = v;
    return rc;
}

int ingest_parse_weight(const char *s, long *value, char *why)
{
    int64_t units;
    const char *bad = weight_parse(s, strlen(s), WEIGHT_GROUPED, &units);
    if (bad != NULL && strcmp(bad, WEIGHT_NOT_NUMBER) != 0) {
        WHY("weight '%.60s': %s", s, bad);
        return -1;
    }
    if (bad != NULL || units < WEIGHT_UNIT || units % WEIGHT_UNIT != 0) {
        WHY("weight '%.60s' is not a whole number of at least 1", s);
        return -1;
    }
    *value = (long)(units / WEIGHT_UNIT);
    return 0;
}
