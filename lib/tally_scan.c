/* tally's own record scanner for the canonical dialect (RFC 4180, ','). It is
 * the hot path: libcsv copies every byte through a state machine (~350 MB/s
 * here) while this one finds quotes and line ends with memchr and only walks
 * the unquoted fields byte by byte. It keeps the libcsv reader's rules exactly
 * (strict quotes, blank lines skipped, CR or LF ends a record); the fuzz target
 * tests/fuzz/tally_scan.c holds the two equal on every input. */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "tally_int.h"

/* Bytes that end an unquoted field (or are an error in one). */
static const unsigned char stop[256] = {
    ['\n'] = 1, ['\r'] = 1, [','] = 1, ['"'] = 1,
};

/* The first byte at or after p that ends an unquoted field, or end. */
static inline const char *field_end(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return p + __builtin_ctz(bits);
        p += 16;
    }
#endif
    while (p < end && !stop[(unsigned char)*p])
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

static int grow(struct tally_record *rec)
{
    {
        size_t ncap = rec->cap ? rec->cap * 2 : 32;
        struct tally_field *f = realloc(rec->f, ncap * sizeof *f);
        if (f == NULL)
            return -1;
        rec->f = f;
        rec->cap = ncap;
    }
    return 0;
}

static inline int push(struct tally_record *rec, const char *p, size_t len, int escaped)
{
    if (rec->count == rec->cap && grow(rec) != 0)
        return -1;
    rec->f[rec->count].p = p;
    rec->f[rec->count].len = len;
    rec->f[rec->count].escaped = escaped;
    rec->count++;
    return 0;
}

int tally_scan_record(const char *buf, size_t len, size_t *pos, long *line, int at_eof,
                      struct tally_record *rec, const char **errmsg, long *errline)
{
    const char *p = buf + *pos, *end = buf + len;
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
        return TALLY_SCAN_MORE;
    }
    rec->count = 0;
    rec->line = ln;
    for (;;) {
        if (p == end) {
            /* after a delimiter: an empty last field */
            if (!at_eof)
                return TALLY_SCAN_MORE;
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
                        return TALLY_SCAN_MORE;
                    *errmsg = "unclosed quote at end of file";
                    *errline = ln;      /* where the quoted field begins */
                    return TALLY_SCAN_ERROR;
                }
                if (r + 1 < end && r[1] == '"') {
                    escaped = 1;
                    q = r + 2;
                    continue;
                }
                break;
            }
            if (r + 1 == end && !at_eof)
                return TALLY_SCAN_MORE;
            ln += count_lf(p + 1, r);
            if (push(rec, p + 1, (size_t)(r - p - 1), escaped) != 0)
                goto nomem;
            p = r + 1;
            if (p == end)
                break;
            if (*p != ',' && *p != '\n' && *p != '\r') {
                *errmsg = "text after a closing quote";
                *errline = ln;
                return TALLY_SCAN_ERROR;
            }
        } else {
            const char *s = p;
            p = field_end(p, end);
            if (p == end) {
                if (!at_eof)
                    return TALLY_SCAN_MORE;
                if (push(rec, s, (size_t)(p - s), 0) != 0)
                    goto nomem;
                break;
            }
            if (*p == '"') {
                *errmsg = "a quote inside an unquoted field";
                *errline = ln;
                return TALLY_SCAN_ERROR;
            }
            if (push(rec, s, (size_t)(p - s), 0) != 0)
                goto nomem;
        }
        if (*p != ',')
            break;      /* CR or LF: left for the next call to skip */
        p++;
    }
    *pos = (size_t)(p - buf);
    *line = ln;
    return TALLY_SCAN_RECORD;
nomem:
    *errmsg = "out of memory";
    *errline = ln;
    return TALLY_SCAN_ERROR;
}

size_t tally_field_copy(const struct tally_field *f, char *dst)
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

void tally_record_free(struct tally_record *rec)
{
    free(rec->f);
    rec->f = NULL;
    rec->count = rec->cap = 0;
}
