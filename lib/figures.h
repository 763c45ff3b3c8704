/* What tally and report share about figures: the unit counts are kept in and
 * the interval of a share, so that report recomputes exactly what tally did. */
#ifndef ANKETA_FIGURES_H
#define ANKETA_FIGURES_H

#include "internal.h"

/* Weights are kept as whole multiples of 1/10000 so that sums are exact in any
 * order: a merge of partials gives the same integers as one pass. */
#define TALLY_UNIT 10000       /* = WEIGHT_UNIT (weight.h) */

/* The 95% Wilson score interval of a share p of n (weighted) answers. */
ANKETA_INTERNAL void anketa_wilson(double p, double n, double *low, double *high);

#endif
