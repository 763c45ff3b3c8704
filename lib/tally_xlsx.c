/* XLSX input for tally (registries kept in Excel): the first worksheet's
 * rows through ingest's reader (lib/xlsx.c), the first row the header, each
 * row counted as a CSV record would be. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"
#include "xlsx.h"

int tally_add_xlsx(struct anketa_tally *t, const char *path, struct anketa_error *err)
{
    struct xlsx_reader *x = xlsx_open(path, err);
    if (x == NULL)
        return err->code;
    struct tally_job j;
    memset(&j, 0, sizeof j);
    j.t = t;
    j.name = path;
    j.weight_col = -1;
    struct csv_record rec = { 0 };
    const struct xlsx_row *row;
    int rc;
    while ((rc = xlsx_next(x, &row, err)) == 1) {
        /* A sheet leaves out empty cells at the end of a row: they are
         * empty fields up to the header's width. */
        size_t n = row->count > j.ncols ? row->count : j.ncols;
        if (n > rec.cap) {
            struct csv_field *f = realloc(rec.f, n * sizeof *f);
            if (f == NULL) {
                rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
                break;
            }
            rec.f = f;
            rec.cap = n;
        }
        for (size_t i = 0; i < n; i++)
            rec.f[i] = (struct csv_field){ i < row->count ? row->fields[i] : "",
                                           i < row->count ? row->lengths[i] : 0, 0 };
        rec.count = n;
        rec.line = row->line;
        if (tally_job_take(&j, &rec) != 0)
            break;
    }
    if (rc >= 0) {
        rc = tally_job_report(t, &j, 0, err);
        if (rc == 0 && j.ncols == 0)
            rc = anketa_error_at(err, ANKETA_ERR_INVALID, path, 0, 0,
                                 "empty workbook: no header row");
    }
    csv_record_free(&rec);
    tally_job_free(&j);
    xlsx_close(x);
    return rc < 0 ? rc : 0;
}
