#ifndef ANKETA_ADHOC_H
#define ANKETA_ADHOC_H

#include <stdio.h>

#include <anketa/common.h>
#include <anketa/csv.h>
#include <anketa/error.h>
#include <anketa/qrfile.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Codes for any CSV with a url column (qrgen's ad-hoc mode). The manifest
 * keeps the input's columns, the url in its URI form, and adds code_id and
 * file when absent. Files are named from the first of the columns code_id,
 * name, id, slug, title (made safe), else from the row number; two rows that
 * would write the same file are an error. Rows are queued and made in
 * batches on several threads, and their manifest rows written in input order. */
struct anketa_adhoc;

struct anketa_adhoc_options {
    const char *dir;                  /* folder for the files; NULL: no files */
    struct anketa_qr_style style;
    enum anketa_qr_ec ec;
    int threads;
    /* Called for each row that cannot be made (message names file:line). */
    anketa_diag_fn *report;
    void *ctx;
};

ANKETA_API struct anketa_adhoc *anketa_adhoc_new(const struct anketa_adhoc_options *o);
/* NULL is allowed. */
ANKETA_API void anketa_adhoc_free(struct anketa_adhoc *a);

/* Starts an input: finds its columns; the first input's header goes to out
 * (extended), later inputs must repeat it. Errors name the file. */
ANKETA_API int anketa_adhoc_begin(struct anketa_adhoc *a, const struct anketa_csv_reader *r,
                                  FILE *out, struct anketa_error *err);

/* Queues one record of the current input (making a batch when it is full).
 * Returns 0, or a negative status when a row failed (reported, not fatal). */
ANKETA_API int anketa_adhoc_add(struct anketa_adhoc *a, const struct anketa_csv_row *row,
                                FILE *out);

/* Makes what is queued and writes it; call at the end of each input.
 * Returns 0, or a negative status when a row failed (each reported). */
ANKETA_API int anketa_adhoc_flush(struct anketa_adhoc *a, FILE *out);

/* Rows read so far, over all inputs. */
ANKETA_API unsigned long anketa_adhoc_rows(const struct anketa_adhoc *a);

#ifdef __cplusplus
}
#endif

#endif
