/* The values tally reads: weights as exact fixed point, answers as small
 * integers, and the period keys derived from submitted_at. */
#include <string.h>

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
