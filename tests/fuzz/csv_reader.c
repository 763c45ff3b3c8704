/* Fuzz target: the CSV reader over arbitrary bytes, header and records, and
 * the writer round trip: what the writer writes, the reader reads back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

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
    const struct anketa_csv_row *row;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    size_t rows = 0, fields_total = 0;
    if (r && anketa_csv_reader_read_header(r, &err) == 0) {
        (void)anketa_csv_reader_column(r, "id");
        while (anketa_csv_reader_next(r, &row, &err) == 1) {
            /* NUL inside a field cannot round-trip through the writer's reader test */
            int has_nul = 0;
            for (size_t i = 0; i < row->count; i++)
                has_nul |= memchr(row->fields[i], '\0', row->lengths[i]) != NULL;
            if (has_nul || row->count == 1)
                continue;
            anketa_csv_write_row(out, (const char *const *)row->fields, row->lengths, row->count);
            rows++;
            fields_total += row->count;
        }
    }
    anketa_csv_reader_free(r);
    fclose(fp);
    fclose(out);
    /* Read back what was written: same number of rows and fields. */
    if (rows > 0) {
        char *with_header = malloc(len + 3);
        memcpy(with_header, "h\n", 2);
        memcpy(with_header + 2, buf, len);
        FILE *in = fmemopen(with_header, len + 2, "rb");
        r = anketa_csv_reader_new(in, "roundtrip.csv", ',', &err);
        size_t back_rows = 0, back_fields = 0;
        if (anketa_csv_reader_read_header(r, &err) == 0)
            while (anketa_csv_reader_next(r, &row, &err) == 1) {
                back_rows++;
                back_fields += row->count;
            }
        if (back_rows != rows || back_fields != fields_total)
            abort();
        anketa_csv_reader_free(r);
        fclose(in);
        free(with_header);
    }
    free(buf);
    return 0;
}
