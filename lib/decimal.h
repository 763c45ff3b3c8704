/* Decimal text of binary doubles: the shortest digits that read back as the
 * same double, so that nothing downstream rounds an already rounded number. */
#ifndef ANKETA_DECIMAL_H
#define ANKETA_DECIMAL_H

#include "internal.h"

#include <stddef.h>

#define DECIMAL_MAX 32 /* room for any finite double */

/* v as the shortest "%.Ng" (N at most 17) that strtod reads back exactly;
 * "0" for zero. `exp_form` asks for "%.Ne" instead (d.ddde±XX), whose
 * digits and exponent are easy to pick apart. Returns the length. */
ANKETA_INTERNAL size_t anketa_decimal_shortest(double v, int exp_form, char buf[DECIMAL_MAX]);

#endif
