/* Streaming reader of the first worksheet of an XLSX workbook, for ingest
 * (inside libanketa, not installed). Shared strings are held in memory; the
 * sheet itself is parsed a chunk at a time, so its size does not matter.
 *
 * Cell values come as UTF-8 text: shared and inline strings (rich text runs
 * joined, phonetic runs left out), formula string results, booleans as "0" or
 * "1", errors as their text ("#N/A"), numbers and dates as the stored text
 * verbatim (a date is an Excel serial such as "45292.5"; see xlsx_is_number).
 * A cell with no value (only a style) counts as missing, so a row of such
 * cells is skipped like a row with no cells.
 *
 * Limits against hostile files (ANKETA_ERR_LIMIT past them): 16384 columns
 * (XFD), row numbers up to 1048576, 1 MiB of text per cell, 64 MiB per row,
 * 256 MiB of shared-strings XML and 16M strings, 1 MiB for one XML tag or
 * comment, elements nested 64 deep. A DOCTYPE is refused, so no entity is
 * ever expanded. Time and memory are linear in the parts' size. */
#ifndef ANKETA_XLSX_H
#define ANKETA_XLSX_H

#include <stddef.h>

#include <anketa/error.h>

struct xlsx_reader;

/* Opens the first worksheet of the workbook at path (the first <sheet> of
 * xl/workbook.xml, resolved through xl/_rels/workbook.xml.rels, not assumed to
 * be sheet1.xml). Loads shared strings into memory; the sheet is streamed.
 * NULL with err set: ANKETA_ERR_IO when the file cannot be opened,
 * ANKETA_ERR_PARSE when it is not an xlsx or its XML is broken,
 * ANKETA_ERR_LIMIT past a limit above, ANKETA_ERR_NOMEM. */
struct xlsx_reader *xlsx_open(const char *path, struct anketa_error *err);

/* One row: fields[0..count-1] are NUL-terminated (fields[count] is NULL),
 * lengths[i] their byte lengths; cells missing before the last one (gaps in
 * r="C5" references) are empty strings. line is the worksheet's 1-based row
 * number (the r attribute), which skips rows with no cells. */
struct xlsx_row {
    size_t count;
    char **fields;
    size_t *lengths;
    long line;
};

/* Next row with at least one cell: 1 and *row filled (valid until the next
 * call), 0 at the end, negative with err set ("file:row: what") on a broken
 * file; after an error every call returns it again. */
int xlsx_next(struct xlsx_reader *x, const struct xlsx_row **row, struct anketa_error *err);

/* Closes the workbook. NULL is allowed. */
void xlsx_close(struct xlsx_reader *x);

/* Whether cell `column` of the last row was a number (t absent or t="n"), so
 * a caller can read an Excel date serial in a date column. 0 for a missing
 * cell or a column past the row's end. */
int xlsx_is_number(const struct xlsx_reader *x, size_t column);

/* Whether the workbook is in the 1904 date system (<workbookPr
 * date1904="1"/>, as Excel for Mac once saved): its serials count days from
 * 1904-01-01, not 1899-12-30, 1462 days later. */
int xlsx_date1904(const struct xlsx_reader *x);

#endif
