#ifndef ANKETA_CSV_H
#define ANKETA_CSV_H

#include <stddef.h>
#include <stdio.h>

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A streaming CSV reader on libcsv (RFC 4180, also with a UTF-8 BOM, CRLF line
 * ends and quoted newlines). Blank lines are skipped. Memory holds one read
 * block's rows at a time, not the file. */
struct anketa_csv_reader;

/* One record. Valid until the next call to anketa_csv_reader_next(). */
struct anketa_csv_row {
    size_t count;        /* number of fields */
    char **fields;       /* each NUL-terminated (a field may also contain NUL) */
    size_t *lengths;     /* byte length of each field */
    long line;           /* 1-based line where the record starts */
};

/* Opens path ("-" or NULL: standard input) for reading with the given field
 * delimiter (',' if 0). `name` is used in messages (NULL: path, or "(stdin)").
 * Returns NULL with err set when the file cannot be opened. */
ANKETA_API struct anketa_csv_reader *anketa_csv_reader_open(const char *path, int delimiter,
                                                            struct anketa_error *err);

/* Reads from an open stream that stays the caller's to close. */
ANKETA_API struct anketa_csv_reader *anketa_csv_reader_new(FILE *fp, const char *name,
                                                           int delimiter,
                                                           struct anketa_error *err);

/* Closes the file if the reader opened it. NULL is allowed. */
ANKETA_API void anketa_csv_reader_free(struct anketa_csv_reader *r);

/* The name used in messages. */
ANKETA_API const char *anketa_csv_reader_name(const struct anketa_csv_reader *r);

/* Next record: 1 and *row set, 0 at end of input, or a negative status with
 * err naming file and line (a stray or unclosed quote, a read error). */
ANKETA_API int anketa_csv_reader_next(struct anketa_csv_reader *r,
                                      const struct anketa_csv_row **row,
                                      struct anketa_error *err);

/* Reads the first record as the header. An empty input or duplicate column
 * names are errors. */
ANKETA_API int anketa_csv_reader_read_header(struct anketa_csv_reader *r,
                                             struct anketa_error *err);

/* The header read by anketa_csv_reader_read_header (NULL before). */
ANKETA_API const struct anketa_csv_row *anketa_csv_reader_header(const struct anketa_csv_reader *r);

/* Index of the header column named exactly `name`, or -1. */
ANKETA_API int anketa_csv_reader_column(const struct anketa_csv_reader *r, const char *name);

/* Writes one field, quoted only when it holds the delimiter, a quote, CR or LF
 * (or leading/trailing spaces, so readers that trim keep them). */
ANKETA_API void anketa_csv_write_field(FILE *fp, const char *s, size_t len, int delimiter);

/* Writes a record: fields separated by ',' and ended by "\n". lengths may be
 * NULL (fields are then NUL-terminated strings). NULL fields are empty. */
ANKETA_API void anketa_csv_write_row(FILE *fp, const char *const *fields, const size_t *lengths,
                                     size_t count);

#ifdef __cplusplus
}
#endif

#endif
