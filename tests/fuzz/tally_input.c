/* Fuzz target: tally over arbitrary response CSV (weights, answers, derived
 * period keys, and with bit 4 of the first byte a date range, --where on a
 * column and on a derived key, a yes/no question), then the merge property:
 * the figures of one pass equal the figures of its partial merged back,
 * byte for byte. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/tally.h>

#include "tally_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *figures(struct anketa_tally *t, int partial, size_t *size)
{
    char *out = NULL;
    size_t len = 0;
    struct anketa_error err;
    FILE *fp = open_memstream(&out, &len);
    if (fp == NULL)
        abort();
    int rc = partial ? anketa_tally_write_partial(t, fp, &err) : anketa_tally_write(t, fp, &err);
    fclose(fp);
    if (rc != 0) {
        free(out);
        return NULL;
    }
    *size = len;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const keys[] = {"a", "month", "week"};
    static const char *const questions[] = {"q.x", "q.y:0-10", "q.z:0-1", "q.w:yes/no"};
    static const char *const where[] = {"a=x,y,", "month=2024-02,2024-03", "q.w=да"};
    if (size < 1)
        return 0;
    struct anketa_tally_config cfg = {
        .keys = keys, .key_count = (size_t)(data[0] & 3), .questions = questions,
        .question_count = 3, .min_n = data[0] >> 5, .totals = (data[0] >> 2) & 1,
        .skip_invalid = (data[0] >> 3) & 1, .threads = 1,
    };
    if (data[0] & 16) {
        cfg.question_count = 4;
        cfg.from = "2024-01-15";
        cfg.to = "2024-12-31";
        cfg.where = where;
        cfg.where_count = (size_t)(data[0] & 3);
    }
    if (cfg.key_count > 3)
        cfg.key_count = 3;
    struct anketa_error err;
    struct anketa_tally *t = anketa_tally_new(&cfg, &err);
    if (t == NULL)
        abort();
    if (tally_add_buffer(t, (const char *)data + 1, size - 1, "fuzz.csv", &err) == 0) {
        size_t plen = 0, len1 = 0, len2 = 0;
        char *part = figures(t, 1, &plen), *one = figures(t, 0, &len1);
        struct anketa_tally *m = anketa_tally_new(&cfg, &err);
        FILE *fp = part ? fmemopen(part, plen, "rb") : NULL;
        if (m == NULL || fp == NULL || tally_add_partial_stream(m, fp, "part", &err) != 0)
            abort();
        char *two = figures(m, 0, &len2);
        if (one == NULL || two == NULL || len1 != len2 || memcmp(one, two, len1) != 0)
            abort();
        fclose(fp);
        free(part);
        free(one);
        free(two);
        anketa_tally_free(m);
    }
    anketa_tally_free(t);
    return 0;
}
