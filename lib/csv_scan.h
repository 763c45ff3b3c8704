/* A record scanner for CSV in memory (internal): the hot path of tally and
 * ingest, where libcsv's byte-by-byte state machine and copies cost more than
 * the rest of the work. Fields are slices of the buffer, found with memchr
 * and SSE2; the fuzz target tests/fuzz/csv_scan.c holds it equal to the
 * libcsv reader on every input that reader accepts. */
#ifndef ANKETA_CSV_SCAN_H
#define ANKETA_CSV_SCAN_H

#include <stddef.h>

#include "internal.h"

struct csv_field {
    const char *p;      /* the bytes between the quotes, or the whole field */
    size_t len;
    int escaped;        /* quoted and holding "" pairs: unescape before use */
};

struct csv_record {
    struct csv_field *f;
    size_t count, cap;
    long line;          /* 1-based line where the record starts */
    size_t start;       /* where in the buffer it starts (after blank lines) */
    int unclosed;       /* lenient: the last field's quote never closed */
};

/* The dialect: the delimiter, and what a stray quote is. Strict (RFC 4180,
 * as tally reads canonical CSV): a quote inside an unquoted field or text
 * after a closing quote is an error. Lenient (as exports come): such a
 * field is kept as written, quotes and all, and a quote left open at the
 * end of the input makes the rest one record marked `unclosed`. */
struct csv_dialect {
    char delimiter;
    int lenient;
};

enum { CSV_SCAN_RECORD = 1, CSV_SCAN_MORE = 0, CSV_SCAN_ERROR = -1 };

/* Scans the record at buf[*pos..len): skips blank lines, then splits one
 * record (a lone CR also ends a record, as with libcsv). *line is the line
 * number at *pos and is advanced with it. Returns CSV_SCAN_RECORD,
 * CSV_SCAN_MORE when the buffer ends before the record does (at_eof 0) or
 * nothing is left (at_eof 1), or CSV_SCAN_ERROR with *errmsg and *errline
 * set; on MORE and ERROR *pos and *line stay. */
int csv_scan_record(const char *buf, size_t len, size_t *pos, long *line, int at_eof,
                    const struct csv_dialect *d, struct csv_record *rec, const char **errmsg,
                    long *errline);

/* Copies a field's value into dst (unescaping "" when needed); dst must hold
 * f->len bytes. Returns the value's length. */
size_t csv_field_copy(const struct csv_field *f, char *dst);

void csv_record_free(struct csv_record *rec);

/* The same two for the render library (report_scan.c), under exported
 * names of the anketa_ prefix. */
ANKETA_INTERNAL int anketa_csv_scan_record(const char *buf, size_t len, size_t *pos, long *line,
                                           int at_eof, const struct csv_dialect *d,
                                           struct csv_record *rec, const char **errmsg,
                                           long *errline);
ANKETA_INTERNAL void anketa_csv_record_free(struct csv_record *rec);

#endif
