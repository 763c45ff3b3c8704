/* The record scanner of tally and ingest (csv_scan.h). libcsv copies every
 * byte through a state machine (~350 MB/s here) while this one finds quotes
 * and line ends with memchr and SSE2 and only walks unquoted fields. It keeps
 * the libcsv reader's rules exactly (blank lines skipped, CR or LF ends a
 * record, strict quotes unless lenient); tests/fuzz/csv_scan.c holds the two
 * equal on every input. */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "csv_scan.h"

/* The first byte at or after p that ends an unquoted field (the delimiter,
 * CR, LF) or is a quote, or end. */
static inline const char *field_end(const char *p, const char *end, char delim)
{
#if defined(__SSE2__)
    const __m128i dl = _mm_set1_epi8(delim), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dl), _mm_cmpeq_epi8(v, quote)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return p + __builtin_ctz(bits);
        p += 16;
    }
#endif
    while (p < end && *p != delim && *p != '"' && *p != '\n' && *p != '\r')
        p++;
    return p;
}

/* Lenient: the end of a field whose quotes are kept as text: the next
 * delimiter, CR or LF. */
static inline const char *raw_end(const char *p, const char *end, char delim)
{
    while (p < end && *p != delim && *p != '\n' && *p != '\r')
        p++;
    return p;
}

static long count_lf(const char *p, const char *end)
{
    long n = 0;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

static int grow(struct csv_record *rec)
{
    {
        size_t ncap = rec->cap ? rec->cap * 2 : 32;
        struct csv_field *f = realloc(rec->f, ncap * sizeof *f);
        if (f == NULL)
            return -1;
        rec->f = f;
        rec->cap = ncap;
    }
    return 0;
}

static inline int push(struct csv_record *rec, const char *p, size_t len, int escaped)
{
    if (rec->count == rec->cap && grow(rec) != 0)
        return -1;
    rec->f[rec->count].p = p;
    rec->f[rec->count].len = len;
    rec->f[rec->count].escaped = escaped;
    rec->count++;
    return 0;
}

int csv_scan_record(const char *buf, size_t len, size_t *pos, long *line, int at_eof,
                    const struct csv_dialect *d, struct csv_record *rec, const char **errmsg,
                    long *errline)
{
    const char *p = buf + *pos, *end = buf + len;
    const char delim = d->delimiter;
    long ln = *line;

    /* Blank lines (and the LF of a CRLF) come before a record, not in it. */
    while (p < end && (*p == '\n' || *p == '\r')) {
        if (*p == '\n')
            ln++;
        p++;
    }
    if (p == end) {
        if (at_eof) {
            *pos = len;
            *line = ln;
        }
        return CSV_SCAN_MORE;
    }
    rec->count = 0;
    rec->line = ln;
    rec->start = (size_t)(p - buf);
    rec->unclosed = 0;
    for (;;) {
        if (p == end) {
            /* after a delimiter: an empty last field */
            if (!at_eof)
                return CSV_SCAN_MORE;
            if (push(rec, p, 0, 0) != 0)
                goto nomem;
            break;
        }
        if (*p == '"') {
            const char *q = p + 1, *r;
            int escaped = 0;
            for (;;) {
                r = memchr(q, '"', (size_t)(end - q));
                if (r == NULL) {
                    if (!at_eof)
                        return CSV_SCAN_MORE;
                    if (d->lenient) {
                        /* The rest of the input is this field: one record. */
                        ln += count_lf(p + 1, end);
                        if (push(rec, p + 1, (size_t)(end - p - 1), escaped) != 0)
                            goto nomem;
                        rec->unclosed = 1;
                        p = end;
                        goto done;
                    }
                    *errmsg = "unclosed quote at end of file";
                    *errline = ln;      /* where the quoted field begins */
                    return CSV_SCAN_ERROR;
                }
                if (r + 1 < end && r[1] == '"') {
                    escaped = 1;
                    q = r + 2;
                    continue;
                }
                break;
            }
            if (r + 1 == end && !at_eof)
                return CSV_SCAN_MORE;
            ln += count_lf(p + 1, r);
            const char *s = p;
            p = r + 1;
            if (p < end && *p != delim && *p != '\n' && *p != '\r') {
                if (!d->lenient) {
                    *errmsg = "text after a closing quote";
                    *errline = ln;
                    return CSV_SCAN_ERROR;
                }
                /* Kept as written, from the opening quote on. */
                p = raw_end(p, end, delim);
                if (p == end && !at_eof)
                    return CSV_SCAN_MORE;
                if (push(rec, s, (size_t)(p - s), 0) != 0)
                    goto nomem;
            } else if (push(rec, s + 1, (size_t)(r - s - 1), escaped) != 0) {
                goto nomem;
            }
            if (p == end)
                break;
        } else {
            const char *s = p;
            p = field_end(p, end, delim);
            if (p < end && *p == '"') {
                if (!d->lenient) {
                    *errmsg = "a quote inside an unquoted field";
                    *errline = ln;
                    return CSV_SCAN_ERROR;
                }
                p = raw_end(p, end, delim);   /* the quote is text */
            }
            if (p == end) {
                if (!at_eof)
                    return CSV_SCAN_MORE;
                if (push(rec, s, (size_t)(p - s), 0) != 0)
                    goto nomem;
                break;
            }
            if (push(rec, s, (size_t)(p - s), 0) != 0)
                goto nomem;
        }
        if (*p != delim)
            break;      /* CR or LF: left for the next call to skip */
        p++;
    }
done:
    *pos = (size_t)(p - buf);
    *line = ln;
    return CSV_SCAN_RECORD;
nomem:
    *errmsg = "out of memory";
    *errline = ln;
    return CSV_SCAN_ERROR;
}

size_t csv_field_copy(const struct csv_field *f, char *dst)
{
    if (!f->escaped) {
        memcpy(dst, f->p, f->len);
        return f->len;
    }
    size_t n = 0;
    for (size_t i = 0; i < f->len; i++) {
        dst[n++] = f->p[i];
        if (f->p[i] == '"')
            i++;        /* the second quote of a pair */
    }
    return n;
}

void csv_record_free(struct csv_record *rec)
{
    free(rec->f);
    rec->f = NULL;
    rec->count = rec->cap = 0;
}

int anketa_csv_scan_record(const char *buf, size_t len, size_t *pos, long *line, int at_eof,
                           const struct csv_dialect *d, struct csv_record *rec,
                           const char **errmsg, long *errline)
{
    return csv_scan_record(buf, len, pos, line, at_eof, d, rec, errmsg, errline);
}

void anketa_csv_record_free(struct csv_record *rec)
{
    csv_record_free(rec);
}
