/* Weights (how many responses a row stands for), parsed by one rule for
 * ingest and tally (internal). */
#ifndef ANKETA_WEIGHT_H
#define ANKETA_WEIGHT_H

#include <stddef.h>
#include <stdint.h>

#define WEIGHT_UNIT 10000               /* weights are exact to 1/10000 */
#define WEIGHT_MAX 1000000000LL         /* the largest weight, in responses */

/* As exports write numbers: thousands in groups of three after a space,
 * NBSP or narrow NBSP ("1 250"), and a decimal comma or point. */
#define WEIGHT_GROUPED 1

/* The reason for text that is no number at all. */
#define WEIGHT_NOT_NUMBER "not a non-negative decimal number"

/* Parses the whole of s[0..len) as a non-negative decimal of at most 4
 * decimals and at most WEIGHT_MAX into *units (1/WEIGHT_UNIT each).
 * Returns NULL, or why the text is not a weight. Canonical (flags 0):
 * digits with an optional '.' and decimals, nothing else. */
const char *weight_parse(const char *s, size_t len, int flags, int64_t *units);

#endif
