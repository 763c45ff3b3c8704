#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int anketa_reserve(void **buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return -1;
        ncap *= 2;
    }
    void *p = realloc(*buf, ncap * size);
    if (p == NULL)
        return -1;
    *buf = p;
    *cap = ncap;
    return 0;
}

char *anketa_strdup(const char *s)
{
    return s ? strdup(s) : NULL;
}
