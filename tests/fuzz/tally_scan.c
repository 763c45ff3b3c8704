/* Differential fuzz target: tally's own scanner (lib/tally_scan.c) against
 * the libcsv reader (include/anketa/csv.h) on the same bytes. Both must find
 * the same records (fields, lengths, lines) and fail on the same inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "tally_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)(uintptr_t)data, size, "rb");
    if (fp == NULL)
        return 0;
    struct anketa_error err;
    struct anketa_csv_reader *r = anketa_csv_reader_new(fp, "fuzz.csv", ',', &err);
    if (r == NULL) {
        fclose(fp);
        return 0;
    }
    const char *buf = (const char *)data;
    size_t pos = size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    long line = 1, eline;
    const char *msg;
    struct tally_record rec = {0};
    char *copy = malloc(size + 1);
    const struct anketa_csv_row *row;
    int a, b;
    for (;;) {
        a = anketa_csv_reader_next(r, &row, &err);
        b = tally_scan_record(buf, size, &pos, &line, 1, &rec, &msg, &eline);
        if (a != 1 || b != TALLY_SCAN_RECORD)
            break;
        if (row->count != rec.count || row->line != rec.line)
            abort();
        for (size_t i = 0; i < rec.count; i++) {
            size_t n = tally_field_copy(&rec.f[i], copy);
            if (n != row->lengths[i] || memcmp(copy, row->fields[i], n) != 0)
                abort();
        }
    }
    /* both at the end, or both failing at the same record */
    if ((a == 0) != (b == TALLY_SCAN_MORE) || (a < 0) != (b == TALLY_SCAN_ERROR))
        abort();
    free(copy);
    tally_record_free(&rec);
    anketa_csv_reader_free(r);
    fclose(fp);
    return 0;
}
