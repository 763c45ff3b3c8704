/* The shortest round-trip decimal of a double (see decimal.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

size_t anketa_decimal_shortest(double v, int exp_form, char buf[DECIMAL_MAX])
{
    if (v == 0 || !isfinite(v)) {
        int n = snprintf(buf, DECIMAL_MAX, "%s", v == 0 ? (exp_form ? "0e+00" : "0")
                                              : isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
        return (size_t)n;
    }
    /* 15 digits read back for most values, 17 always do. */
    int n = 0;
    for (int digits = 15; digits <= 17; digits++) {
        n = exp_form ? snprintf(buf, DECIMAL_MAX, "%.*e", digits - 1, v)
                     : snprintf(buf, DECIMAL_MAX, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    if (!exp_form)
        return (size_t)n;
    /* Trailing zeros of the mantissa say nothing: 7.305000e-01 is 7.305e-01. */
    char *e = strchr(buf, 'e'), *z = e;
    while (z[-1] == '0')
        z--;
    if (z[-1] == '.')
        z--;
    memmove(z, e, strlen(e) + 1);
    return strlen(buf);
}
