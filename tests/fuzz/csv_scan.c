/* Differential fuzz target: the record scanner (lib/csv_scan.c) against the
 * libcsv reader (include/anketa/csv.h) on the same bytes, with the delimiter
 * the first byte picks. Strict, both must find the same records (fields,
 * lengths, lines) and fail on the same inputs; lenient, the scanner must find
 * the same records wherever strict found no fault. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "csv_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Scans buf whole; the records' fields joined, each ended by \x1F, each
 * record by \x1E and its line. Returns the last status. */
static int scan_all(const char *buf, size_t size, const struct csv_dialect *d, char **out,
                    size_t *out_len)
{
    struct csv_record rec = {0};
    size_t pos = size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    long line = 1, eline;
    const char *msg;
    char *copy = malloc(size + 1);
    FILE *fp = open_memstream(out, out_len);
    int rc;
    while ((rc = csv_scan_record(buf, size, &pos, &line, 1, d, &rec, &msg, &eline)) ==
           CSV_SCAN_RECORD) {
        for (size_t i = 0; i < rec.count; i++) {
            fwrite(copy, 1, csv_field_copy(&rec.f[i], copy), fp);
            fputc(0x1F, fp);
        }
        fprintf(fp, "\x1E%ld", rec.line);
    }
    fclose(fp);
    free(copy);
    csv_record_free(&rec);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delims[] = { ',', ';', '\t' };
    if (size == 0)
        return 0;
    const struct csv_dialect strict = { delims[data[0] % 3], 0 }, lenient = { strict.delimiter, 1 };
    const char *buf = (const char *)data + 1;
    size--;
    FILE *fp = fmemopen((void *)(uintptr_t)buf, size ? size : 1, "rb");
    if (fp == NULL)
        return 0;
    struct anketa_error err;
    struct anketa_csv_reader *r = anketa_csv_reader_new(fp, "fuzz.csv", strict.delimiter, &err);
    char *want = NULL, *got = NULL, *loose = NULL;
    size_t want_len = 0, got_len = 0, loose_len = 0;
    FILE *w = open_memstream(&want, &want_len);
    const struct anketa_csv_row *row;
    int a = 0;
    while (size > 0 && (a = anketa_csv_reader_next(r, &row, &err)) == 1) {
        for (size_t i = 0; i < row->count; i++) {
            fwrite(row->fields[i], 1, row->lengths[i], w);
            fputc(0x1F, w);
        }
        fprintf(w, "\x1E%ld", row->line);
    }
    fclose(w);
    int b = scan_all(buf, size, &strict, &got, &got_len);
    int c = scan_all(buf, size, &lenient, &loose, &loose_len);
    /* Both read the same records, and end or fail at the same place. */
    if ((a < 0) != (b == CSV_SCAN_ERROR))
        abort();
    if (a >= 0 && (want_len != got_len || memcmp(want, got, got_len) != 0))
        abort();
    /* Where strict finds no fault, lenient reads the very same. */
    if (b != CSV_SCAN_ERROR && (c == CSV_SCAN_ERROR || loose_len != got_len ||
                                memcmp(loose, got, got_len) != 0))
        abort();
    free(want);
    free(got);
    free(loose);
    anketa_csv_reader_free(r);
    fclose(fp);
    return 0;
}
