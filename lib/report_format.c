/* Russian number and date typography: "1 234,5", "78,4 %", "22.11.2026". */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

char *ru_number(double v, int decimals)
{
    if (isnan(v))
        return xstrdup("");
    char digits[64], out[96];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    /* Whole numbers print without decimals (counts of weighted responses may be whole). */
    char *dot = strchr(digits, '.');
    size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
    size_t o = 0;
    if (v < 0 && strspn(digits, "0.") != strlen(digits))
        o += (size_t)snprintf(out + o, sizeof out - o, "\xE2\x88\x92"); /* minus sign */
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0 && int_len > 4)
            o += (size_t)snprintf(out + o, sizeof out - o, NBSP);
        out[o++] = digits[i];
    }
    if (dot) {
        out[o++] = ',';
        o += (size_t)snprintf(out + o, sizeof out - o, "%s", dot + 1);
    }
    out[o] = '\0';
    return xstrdup(out);
}

char *ru_percent(double share, int decimals)
{
    if (isnan(share))
        return xstrdup("");
    char *n = ru_number(share * 100, decimals);
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
