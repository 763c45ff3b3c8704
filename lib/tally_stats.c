/* The figures of one group and question, computed from exact counts only, so
 * that the same counts always print the same bytes however they were summed. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tally_int.h"

#define Z95 1.959963984540054   /* the 97.5% point of the normal distribution */

void anketa_wilson(double p, double n, double *low, double *high)
{
    double z2 = Z95 * Z95;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denom;
    double half = Z95 * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    /* At p = 0 (p = 1) the bound is 0 (1) exactly; the difference of the two
     * terms would leave a stray 1e-17. */
    *low = p <= 0 || centre - half < 0 ? 0 : centre - half;
    *high = p >= 1 || centre + half > 1 ? 1 : centre + half;
}

int tally_figures(const int64_t *counts, int lo, int hi, struct tally_figures *out)
{
    int64_t answered = 0, sum = 0;
    for (int k = lo; k <= hi; k++) {
        answered += counts[k - lo];
        sum += (int64_t)k * counts[k - lo];
    }
    memset(out, 0, sizeof *out);
    if (answered == 0)
        return 0;
    /* "Satisfied + rather satisfied": the top two points; on a yes/no or
     * two-point scale only the top one. */
    int64_t top = counts[hi - lo];
    if (hi - lo >= 2)
        top += counts[hi - 1 - lo];
    double a = (double)answered, n = a / TALLY_UNIT;
    out->mean = (double)sum / a;
    out->csat = (double)top / a;
    anketa_wilson(out->csat, n, &out->low, &out->high);
    out->mean_pct = hi > 0 ? out->mean / hi * 100 : 0;
    if (lo == 0 && hi == 10) {
        int64_t promoters = counts[9] + counts[10], detractors = 0;
        for (int k = 0; k <= 6; k++)
            detractors += counts[k];
        out->nps = (double)(promoters - detractors) / a * 100;
        out->has_nps = 1;
    }
    return 1;
}

void tally_format_units(int64_t units, char *buf, size_t size)
{
    if (units % TALLY_UNIT == 0)
        snprintf(buf, size, "%" PRId64, units / TALLY_UNIT);
    else
        snprintf(buf, size, "%" PRId64 ".%04" PRId64, units / TALLY_UNIT, units % TALLY_UNIT);
}

void tally_format_fixed(double v, char *buf, size_t size)
{
    snprintf(buf, size, "%.4f", v);
    if (strcmp(buf, "-0.0000") == 0)
        snprintf(buf, size, "0.0000");
}
