/* Russian number and date typography: "1 234,5", "78,4 %", "22.11.2026",
 * and the one rounding of every printed figure (report_int.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decimal.h"
#include "report_int.h"

#define NBSP "\xC2\xA0" /* thousands are grouped with a no-break space */

char *xstrdup(const char *s)
{
    return strdup(s ? s : "");
}

char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = malloc((size_t)n + 1);
    if (s == NULL)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

struct figure fig_double(double v)
{
    struct figure f = { v, 0, 0 };
    return f;
}

struct figure fig_ratio(i128 num, i128 den)
{
    struct figure f = { den > 0 ? (double)num / (double)den : NAN, num, den };
    return f;
}

struct figure fig_decimal(double v)
{
    char buf[DECIMAL_MAX];
    if (!isfinite(v) || fabs(v) > 1e12)
        return fig_double(v);
    anketa_decimal_shortest(v, 1, buf); /* d.ddde±XX */
    i128 num = 0;
    int digits = 0;
    for (const char *p = buf; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') {
            num = num * 10 + (*p - '0');
            digits++;
        }
    int places = digits - 1 - atoi(strchr(buf, 'e') + 1); /* decimals after the point */
    if (places > 6)
        return fig_double(v);
    i128 den = 1;
    for (; places > 0; places--)
        den *= 10;
    for (; places < 0; places++)
        num *= 10;
    return fig_ratio(v < 0 ? -num : num, den);
}

static i128 gcd128(i128 a, i128 b)
{
    a = a < 0 ? -a : a;
    while (b != 0) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

struct figure fig_sub(struct figure a, struct figure b)
{
    /* Exact: the products stay under 2^126; reduced so that ru_number()
     * can scale the result by 10^shift+decimals without overflow. */
    const i128 lim = (i128)1 << 63, small = (i128)1 << 100;
    if (a.den > 0 && b.den > 0 && a.den < lim && b.den < lim && a.num < lim && a.num > -lim &&
        b.num < lim && b.num > -lim) {
        i128 num = a.num * b.den - b.num * a.den, den = a.den * b.den;
        i128 g = num != 0 ? gcd128(num, den) : den;
        num /= g;
        den /= g;
        if (den < small && num < small && num > -small)
            return fig_ratio(num, den);
    }
    return fig_double(a.value - b.value);
}

int fig_cmp(struct figure a, struct figure b)
{
    struct figure d = fig_sub(a, b);
    if (d.den > 0)
        return (d.num > 0) - (d.num < 0);
    return (d.value > 0) - (d.value < 0);
}

/* The magnitude of v × 10^shift rounded half away from zero to `decimals`,
 * as the digits of an integer (the last `decimals` of them after the point). */
static char *rounded_digits(struct figure v, int shift, int decimals, int *negative)
{
    char *out;
    if (v.den > 0) {
        i128 n = v.num < 0 ? -v.num : v.num;
        for (int i = 0; i < shift + decimals; i++)
            n *= 10;
        i128 q = (2 * n + v.den) / (2 * v.den); /* floor(n/den + 1/2) */
        char rev[48];
        size_t len = 0;
        do
            rev[len++] = (char)('0' + (int)(q % 10));
        while ((q /= 10) > 0);
        out = malloc(len + 1);
        if (out == NULL)
            return NULL;
        for (size_t i = 0; i < len; i++)
            out[i] = rev[len - 1 - i];
        out[len] = '\0';
        *negative = v.num < 0;
        return out;
    }
    /* The shortest decimal that reads back as the double: d.ddde±XX. */
    char buf[DECIMAL_MAX], mant[DECIMAL_MAX];
    anketa_decimal_shortest(fabs(v.value), 1, buf);
    size_t m = 0;
    for (const char *p = buf; *p != 'e'; p++)
        if (*p != '.')
            mant[m++] = *p;
    long exp10 = strtol(strchr(buf, 'e') + 1, NULL, 10) + shift;
    /* keep: the digits of mant left of the rounding place */
    long keep = exp10 + 1 + decimals;
    size_t len = keep > 0 ? (size_t)keep : 0;
    out = malloc(len + 2);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < len; i++)
        out[i] = i < m ? mant[i] : '0';
    out[len] = '\0';
    int up = keep >= 0 && (size_t)keep < m && mant[keep] >= '5';
    if (len == 0) {
        strcpy(out, up ? "1" : "0");
    } else if (up) {
        size_t i = len;
        while (i > 0 && out[i - 1] == '9')
            out[--i] = '0';
        if (i > 0) {
            out[i - 1]++;
        } else {
            memmove(out + 1, out, len + 1);
            out[0] = '1';
        }
    }
    *negative = v.value < 0;
    return out;
}

char *ru_number(struct figure v, int shift, int decimals)
{
    if (v.den <= 0 && !isfinite(v.value))
        return xstrdup("");
    int negative = 0;
    char *digits = rounded_digits(v, shift, decimals, &negative);
    if (digits == NULL)
        return NULL;
    size_t len = strlen(digits);
    if (len <= (size_t)decimals) { /* 5 at 2 decimals is 0,05 */
        char *padded = malloc((size_t)decimals + 2);
        if (padded == NULL) {
            free(digits);
            return NULL;
        }
        size_t pad = (size_t)decimals + 1 - len;
        memset(padded, '0', pad);
        memcpy(padded + pad, digits, len + 1);
        free(digits);
        digits = padded;
        len = strlen(digits);
    }
    size_t int_len = len - (size_t)decimals;
    /* Sized for the worst case: a 3-byte minus, a 2-byte space per digit. */
    char *out = malloc(3 + 3 * len + 2);
    if (out == NULL) {
        free(digits);
        return NULL;
    }
    size_t o = 0;
    if (negative && strspn(digits, "0") != len) {
        memcpy(out, "\xE2\x88\x92", 3); /* minus sign */
        o = 3;
    }
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0 && int_len > 4) {
            memcpy(out + o, NBSP, 2);
            o += 2;
        }
        out[o++] = digits[i];
    }
    if (decimals > 0) {
        out[o++] = ',';
        memcpy(out + o, digits + int_len, (size_t)decimals);
        o += (size_t)decimals;
    }
    out[o] = '\0';
    free(digits);
    return out;
}

char *ru_percent(struct figure share, int decimals)
{
    if (share.den <= 0 && isnan(share.value))
        return xstrdup("");
    char *n = ru_number(share, 2, decimals);
    char *s = n ? xprintf("%s" NBSP "%%", n) : NULL;
    free(n);
    return s;
}

char *ru_date(long long epoch)
{
    time_t t = (time_t)epoch;
    struct tm tm;
    char buf[32];
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%d.%m.%Y", &tm);
    return xstrdup(buf);
}
