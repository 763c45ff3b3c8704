/* Fuzz target: the partial reader of tally --merge over arbitrary bytes,
 * then writing what it took in (figures and partial). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/tally.h>

#include "tally_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)(uintptr_t)data, size, "rb");
    if (fp == NULL)
        return 0;
    struct anketa_tally_config cfg = {.min_n = 2, .totals = 1, .threads = 1};
    struct anketa_error err;
    struct anketa_tally *t = anketa_tally_new(&cfg, &err);
    if (t == NULL)
        abort();
    if (tally_add_partial_stream(t, fp, "fuzz.partial", &err) == 0) {
        FILE *out = fopen("/dev/null", "w");
        if (out == NULL || anketa_tally_write(t, out, &err) != 0)
            abort();
        fclose(out);
    }
    anketa_tally_free(t);
    fclose(fp);
    return 0;
}
