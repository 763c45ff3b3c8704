/* XLSX exports for ingest: the first worksheet's rows, already UTF-8; a
 * number in the date column is an Excel serial, in the workbook's date
 * system. */
#include <stdlib.h>

#include "ingest_int.h"
#include "xlsx.h"

static char empty[1];

int ingest_read_xlsx(struct anketa_ingest *in, const char *path, struct anketa_error *err)
{
    struct xlsx_reader *x = xlsx_open(path, err);
    if (x == NULL)
        return err->code;
    struct ingest_source src = { .name = path, .encoding = ANKETA_ENCODING_UTF8, .delimiter = ',' };
    const struct xlsx_row *row;
    int rc, have_header = 0;
    size_t width = 0;
    char **fields = NULL;
    size_t *lengths = NULL;
    while ((rc = xlsx_next(x, &row, err)) == 1) {
        struct ingest_record rec = { row->fields, row->lengths, row->count, row->line, 0, -1, 0 };
        if (!have_header) {
            have_header = 1;
            width = row->count;
            fields = calloc(width + 1, sizeof *fields);
            lengths = calloc(width + 1, sizeof *lengths);
            if (fields == NULL || lengths == NULL) {
                rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
                break;
            }
            rc = ingest_begin_file(in, &src, &rec, err);
        } else {
            /* A sheet leaves out empty cells at the end of a row. */
            if (row->count < width) {
                for (size_t i = 0; i < width; i++) {
                    fields[i] = i < row->count ? row->fields[i] : empty;
                    lengths[i] = i < row->count ? row->lengths[i] : 0;
                }
                rec.fields = fields;
                rec.lengths = lengths;
                rec.count = width;
            }
            int date = ingest_date_column(in);
            if (date >= 0 && xlsx_is_number(x, (size_t)date))
                rec.serial_date = xlsx_date1904(x) ? SERIAL_1904 : SERIAL_1900;
            rc = ingest_take(in, &rec, err);
        }
        if (rc != 0)
            break;
    }
    if (rc == 0 && !have_header)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, path, 0, 0, "empty workbook: no header row");
    free(fields);
    free(lengths);
    xlsx_close(x);
    return rc < 0 ? rc : 0;
}
