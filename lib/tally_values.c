/* The values tally reads: weights as exact fixed point, answers as small
 * integers, and the period keys derived from submitted_at. */
#include <string.h>

#include "ingest_int.h"
#include "tally_int.h"
#include "weight.h"

const char *tally_parse_weight(const char *s, size_t len, int64_t *units)
{
    if (len == 0) {
        *units = TALLY_UNIT;
        return NULL;
    }
    return weight_parse(s, len, 0, units);
}

const char *tally_parse_score(const char *s, size_t len, int *value)
{
    if (len == 1 && s[0] >= '0' && s[0] <= '9') {
        *value = s[0] - '0';
        return NULL;
    }
    size_t i = 0;
    int neg = 0;
    if (len > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == len || len - i > 6)
        return "answer is not a whole number";
    int v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return "answer is not a whole number";
        v = v * 10 + (s[i] - '0');
    }
    *value = neg ? -v : v;
    return NULL;
}

int tally_parse_yesno(const char *s, size_t len)
{
    static const char *const yes[] = {"да", "yes", "1", "+"}, *const no[] = {"нет", "no", "0", "-"};
    char folded[32];
    if (len >= sizeof folded)
        return -1;
    ingest_fold(s, len, folded);    /* the same case folding as ingest's */
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (strcmp(folded, yes[i]) == 0)
            return 1;
        if (strcmp(folded, no[i]) == 0)
            return 0;
    }
    return -1;
}

enum tally_derived tally_derived_kind(const char *name)
{
    static const char *const names[] = {"year", "quarter", "month", "week", "day"};
    for (int i = 0; i < 5; i++)
        if (strcmp(name, names[i]) == 0)
            return (enum tally_derived)(TALLY_KEY_YEAR + i);
    return TALLY_KEY_PLAIN;
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int iso_weekday(long days)  /* 1 = Monday .. 7 = Sunday */
{
    long w = (days + 3) % 7;   /* 1970-01-01 was a Thursday */
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

static int weeks_in_year(int y)
{
    int jan1 = iso_weekday(days_from_civil(y, 1, 1));
    return (jan1 == 4 || (leap(y) && jan1 == 3)) ? 53 : 52;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static void put2(char *o, int v)
{
    o[0] = (char)('0' + v / 10);
    o[1] = (char)('0' + v % 10);
}

int tally_derive(enum tally_derived kind, const char *s, size_t len, char *out)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (len < 10 || s[4] != '-' || s[7] != '-' || (len > 10 && s[10] != 'T' && s[10] != ' '))
        return -1;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
        return -1;
    switch (kind) {
    case TALLY_KEY_YEAR:
        memcpy(out, s, 4);
        return 4;
    case TALLY_KEY_QUARTER:
        memcpy(out, s, 4);
        memcpy(out + 4, "-Q", 2);
        out[6] = (char)('1' + (m - 1) / 3);
        return 7;
    case TALLY_KEY_MONTH:
        memcpy(out, s, 7);
        return 7;
    case TALLY_KEY_DAY:
        memcpy(out, s, 10);
        return 10;
    case TALLY_KEY_WEEK: {
        long days = days_from_civil(y, m, d);
        int doy = (int)(days - days_from_civil(y, 1, 1)) + 1;
        int week = (doy - iso_weekday(days) + 10) / 7, wy = y;
        if (week < 1) {
            wy = y - 1;
            week = weeks_in_year(wy);
        } else if (week > weeks_in_year(y)) {
            wy = y + 1;
            week = 1;
        }
        put2(out, wy / 100);
        put2(out + 2, wy % 100);
        memcpy(out + 4, "-W", 2);
        put2(out + 6, week);
        return 8;
    }
    case TALLY_KEY_PLAIN:
        break;
    }
    return -1;
}

int tally_valid_day(const char *s, size_t len)
{
    char out[16];
    return len == 10 && tally_derive(TALLY_KEY_DAY, s, len, out) == 10;
}

static void put_date(char out[11], int y, int m, int d)
{
    put2(out, y / 100 % 100);
    put2(out + 2, y % 100);
    out[4] = out[7] = '-';
    put2(out + 5, m);
    put2(out + 8, d);
    out[10] = '\0';
}

/* The date of a day number (the inverse of days_from_civil). */
static void civil_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    put_date(out, y, m, d);
}

int tally_period_range(const char *p, char from[11], char to[11])
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    size_t len = strlen(p);
    int y = len >= 4 ? digits(p, 4) : -1;
    if (y < 0 || (len > 4 && p[4] != '-'))
        return -1;
    if (len == 4) {
        put_date(from, y, 1, 1);
        put_date(to, y, 12, 31);
    } else if (len == 7 && p[5] == 'Q' && p[6] >= '1' && p[6] <= '4') {
        int q = p[6] - '1';
        put_date(from, y, 3 * q + 1, 1);
        put_date(to, y, 3 * q + 3, q == 0 || q == 3 ? 31 : 30);
    } else if (len == 7) {
        int m = digits(p + 5, 2);
        if (m < 1 || m > 12)
            return -1;
        put_date(from, y, m, 1);
        put_date(to, y, m, mdays[m - 1] + (m == 2 && leap(y)));
    } else if (len == 8 && p[5] == 'W') {
        int w = digits(p + 6, 2);
        if (w < 1 || w > weeks_in_year(y))
            return -1;
        long jan4 = days_from_civil(y, 1, 4);
        long monday = jan4 - (iso_weekday(jan4) - 1) + 7L * (w - 1);
        civil_from_days(monday, from);
        civil_from_days(monday + 6, to);
    } else if (tally_valid_day(p, len)) {
        memcpy(from, p, 11);
        memcpy(to, p, 11);
    } else {
        return -1;
    }
    return 0;
}
