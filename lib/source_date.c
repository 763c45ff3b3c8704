/* SOURCE_DATE_EPOCH (reproducible-builds.org): the date every document
 * carries, read and checked in one place. */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include <anketa/anketa.h>

#include "util.h"

int anketa_source_date(time_t *when, struct anketa_error *err)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s == NULL || *s == '\0') {
        *when = time(NULL);
        return 0;
    }
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    /* Whole seconds since 1970, no sign, no spaces; up to the year 9999,
     * which the four-digit years of PDF and XLSX dates can hold. */
    if (errno != 0 || *end != '\0' || *s < '0' || *s > '9' || v > 253402300799LL) {
        *when = time(NULL);
        return anketa_error_set(err, ANKETA_ERR_USAGE,
                                "SOURCE_DATE_EPOCH: '%.40s' is not a number of seconds since "
                                "1970-01-01 up to the year 9999", s);
    }
    *when = (time_t)v;
    return 0;
}

time_t anketa_now(void)
{
    time_t t;
    struct anketa_error err;
    anketa_source_date(&t, &err);
    return t;
}
