/* CSV exports for ingest: read in blocks, the encoding decided from the
 * whole of a regular file (ingest_scan.c) and for a stream at its first
 * non-ASCII block (BOM, else strict UTF-8, else Windows-1251), the delimiter
 * sniffed from the header line, records split by the lenient scanner of
 * csv_scan.h (a stray quote stays text, a quote left open at the end makes
 * the rest one record to reject) and handed to the mapping one by one. A
 * large file is read on two threads (ingest_split.c), each over a range. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "csv_scan.h"
#include "ingest_int.h"
#include "util.h"

#define BLOCK INGEST_BLOCK

struct reader {
    struct anketa_ingest *in;
    struct ingest_source *src;
    struct ingest_range *range;
    int have_header;
    /* The record handed on: slices of the block, or of `unescaped`. */
    char **fields;
    size_t *lengths, cap;
    char *unescaped;
    size_t unescaped_cap;
};

/* A scanned record as the mapping takes it. */
static int to_record(struct reader *r, const struct csv_record *rec, struct ingest_record *ir,
                     struct anketa_error *err)
{
    if (rec->count > r->cap) {
        char **f = realloc(r->fields, rec->count * sizeof *f);
        if (f)
            r->fields = f;
        size_t *l = f ? realloc(r->lengths, rec->count * sizeof *l) : NULL;
        if (l == NULL)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        r->lengths = l;
        r->cap = rec->count;
    }
    /* Fields with "" pairs are unescaped into one buffer, placed once it is
     * big enough (growing it would move what was placed). */
    size_t need = 0;
    for (size_t i = 0; i < rec->count; i++)
        need += rec->f[i].escaped ? rec->f[i].len : 0;
    if (need && anketa_reserve((void **)&r->unescaped, &r->unescaped_cap, need, 1) != 0)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    size_t used = 0;
    for (size_t i = 0; i < rec->count; i++) {
        const struct csv_field *f = &rec->f[i];
        if (f->escaped) {
            r->fields[i] = r->unescaped + used;
            r->lengths[i] = csv_field_copy(f, r->unescaped + used);
            used += r->lengths[i];
        } else {
            r->fields[i] = (char *)(uintptr_t)f->p;
            r->lengths[i] = f->len;
        }
    }
    *ir = (struct ingest_record){ r->fields, r->lengths, rec->count, rec->line, 0, -1, 0 };
    return 0;
}

static int hand_on(struct reader *r, const struct ingest_record *ir, int unclosed,
                   struct anketa_error *err)
{
    if (!r->have_header) {
        r->have_header = 1;
        int rc = ingest_begin_file(r->in, r->src, ir, err);
        if (rc == 0 && r->range->after_header && !r->range->after_header(r->range->arg))
            r->range->limit = -1;
        return rc;
    }
    if (unclosed)
        return ingest_reject_raw(r->in, ir, "unclosed quote: the record runs to the end of "
                                            "the file", err);
    return ingest_take(r->in, ir, err);
}

static void reader_free(struct reader *r)
{
    free(r->fields);
    free(r->lengths);
    free(r->unescaped);
}

/* The first block: refuses what is not CSV text, skips a UTF-8 BOM, sniffs
 * the delimiter. Returns where the text starts, or -1 with err set. */
static long first_block(struct ingest_source *src, const char *p, size_t n, int delimiter,
                        struct anketa_error *err)
{
    long start = 0;
    if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0) {
        anketa_error_at(err, ANKETA_ERR_USAGE, src->name, 0, 0,
                        "an XLSX workbook: give it as a file, not on standard input");
        return -1;
    }
    if (n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 || memcmp(p, "\xFE\xFF", 2) == 0)) {
        anketa_error_at(err, ANKETA_ERR_INVALID, src->name, 0, 0,
                        "UTF-16 text: save it as UTF-8 or Windows-1251 CSV");
        return -1;
    }
    if (ingest_has_bom(p, n) && src->encoding != ANKETA_ENCODING_CP1251) {
        start = 3;
        src->encoding = ANKETA_ENCODING_UTF8;
    }
    src->delimiter = delimiter ? delimiter : ingest_sniff_delimiter(p + start, n - (size_t)start);
    return start;
}

/* Test hook: the file cut to ANKETA_INGEST_TEST_TRUNCATE bytes once its
 * first block is read, as a process writing it might. */
static void test_truncate(const struct ingest_source *src)
{
    const char *to = getenv("ANKETA_INGEST_TEST_TRUNCATE");
    if (to && src->size >= 0 && truncate(src->name, (off_t)atoll(to)) != 0)
        return;   /* the test then fails on the output it finds */
}

int ingest_read_range(struct anketa_ingest *in, FILE *fp, struct ingest_source *src,
                      struct ingest_range *range, struct anketa_error *err)
{
    struct reader r = { .in = in, .src = src, .range = range, .have_header = !range->need_header };
    struct csv_record rec = { 0 };
    struct csv_dialect dialect = { (char)(src->delimiter ? src->delimiter : ','), 1 };
    size_t cap = BLOCK, len = 0, pos = 0;
    long long base = range->start;     /* the file offset of buf[0] */
    long line = range->line, eline;
    const char *msg;
    char *buf = malloc(cap);
    int rc = buf ? 0 : anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    int eof = 0, first = range->first;
    range->verified = 1;
    /* Standard input is only ever read from its start, without a seek. */
    if (rc == 0 && (range->start > 0 || !range->first) &&
        fseeko(fp, (off_t)range->start, SEEK_SET) != 0)
        rc = anketa_error_at(err, ANKETA_ERR_IO, src->name, 0, 0, "seek: %s", strerror(errno));
    while (rc == 0) {
        int got = csv_scan_record(buf, len, &pos, &line, eof, &dialect, &rec, &msg, &eline);
        if (got == CSV_SCAN_RECORD) {
            struct ingest_record ir;
            if (rec.unclosed && range->limit >= 0) {
                /* Open at the cut: the cut was inside a quoted field. */
                range->verified = 0;
                range->stop_at = base + (long long)rec.start;
                range->line = rec.line;
                break;
            }
            rc = to_record(&r, &rec, &ir, err);
            ir.offset = base + (long long)rec.start;
            ir.span = pos - rec.start;
            if (rc == 0)
                rc = hand_on(&r, &ir, rec.unclosed, err);
            continue;
        }
        if (got == CSV_SCAN_ERROR) {
            rc = anketa_error_at(err, ANKETA_ERR_NOMEM, src->name, eline, 0, "%s", msg);
            break;
        }
        if (eof)
            break;
        /* The unfinished record to the front, then more input after it; a
         * record longer than the buffer doubles it. */
        memmove(buf, buf + pos, len - pos);
        base += (long long)pos;
        len -= pos;
        pos = 0;
        if (len == cap) {
            char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (nb == NULL) {
                rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", src->name);
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t want = cap - len;
        if (range->limit >= 0 && base + (long long)(len + want) > range->limit)
            want = (size_t)(range->limit - base - (long long)len);
        if (want == 0 && range->limit >= 0 && !r.have_header) {
            /* No header before the cut (blank lines up to it, or a header
             * that runs past it): this thread reads the file on alone. */
            range->limit = -1;
            want = cap - len;
        }
        size_t n = want ? fread(buf + len, 1, want, fp) : 0;
        if (n == 0) {
            long long end = base + (long long)len;
            if (ferror(fp))
                rc = anketa_error_at(err, ANKETA_ERR_IO, src->name, 0, 0, "read error: %s",
                                     strerror(errno));
            else if (src->size >= 0 && end != (range->limit >= 0 ? range->limit : src->size))
                rc = anketa_error_at(err, ANKETA_ERR_IO, src->name, 0, 0,
                                     "the file changed while it was read (%lld bytes when "
                                     "opened, %s at %lld)", src->size,
                                     end < src->size ? "it ended" : "it went on", end);
            eof = 1;
        }
        if (first && n > 0) {
            first = 0;
            long start = first_block(src, buf, n, src->delimiter, err);
            if (start < 0) {
                rc = err->code;
                break;
            }
            pos = (size_t)start;
            dialect.delimiter = (char)src->delimiter;
            test_truncate(src);
        }
        if (src->encoding == ANKETA_ENCODING_AUTO) {
            /* A stream: decided at its first non-ASCII block. */
            src->encoding = ingest_decide_encoding(buf + len, n);
            if (src->encoding == ANKETA_ENCODING_CP1251)
                src->mixed = MIXED_STREAM;
        }
        len += n;
    }
    range->need_header = !r.have_header;
    if (rc == 0 && range->verified && !r.have_header)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, src->name, 0, 0,
                             "empty input: no header row");
    csv_record_free(&rec);
    free(buf);
    reader_free(&r);
    return rc;
}

int ingest_reject_again(struct anketa_ingest *in, FILE *fp, struct ingest_source *src,
                        long long offset, size_t span, long line, const char *reason,
                        struct anketa_error *err)
{
    struct ingest_range none = { .limit = -1, .line = line };
    struct reader r = { .in = in, .src = src, .range = &none, .have_header = 1 };
    struct csv_record rec = { 0 };
    const struct csv_dialect dialect = { (char)src->delimiter, 1 };
    char *buf = malloc(span + 1);
    size_t pos = 0;
    long ln = line, eline;
    const char *msg;
    int rc;
    if (buf == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    if (fseeko(fp, (off_t)offset, SEEK_SET) != 0 || fread(buf, 1, span, fp) != span)
        rc = anketa_error_at(err, ANKETA_ERR_IO, src->name, line, 0, "read again: %s",
                             strerror(errno ? errno : EIO));
    else if (csv_scan_record(buf, span, &pos, &ln, 1, &dialect, &rec, &msg, &eline) !=
             CSV_SCAN_RECORD)
        rc = anketa_error_at(err, ANKETA_ERR_IO, src->name, line, 0,
                             "the file changed while it was read");
    else {
        struct ingest_record ir;
        rc = to_record(&r, &rec, &ir, err);
        if (rc == 0)
            rc = ingest_reject(in, &ir, reason, err);
    }
    csv_record_free(&rec);
    reader_free(&r);
    free(buf);
    return rc;
}

