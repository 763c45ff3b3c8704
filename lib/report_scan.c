/* Reading tally output fast: the report reads millions of rows of it, where
 * the libcsv reader (a callback per field, a copy per record) cost three
 * quarters of the time. Records are found in blocks by the core's scanner
 * (lib/csv_scan.h, strict: the same records and failures as the libcsv
 * reader, held so by tests/fuzz/csv_scan.c) and handed out as NUL-terminated
 * fields, as struct anketa_csv_row. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anketa/csv.h>

#include "csv_scan.h"
#include "report_int.h"

#define BLOCK (1u << 20)

struct report_scan {
    int fd;
    char *name;
    char *buf;
    size_t cap, used, pos;
    int eof, fresh;
    long line;
    struct csv_record rec;
    char **fields;
    size_t *lengths, fcap;
    struct anketa_csv_row row;
    struct anketa_csv_row header;
    char *header_text;
    char *saved_at, saved;      /* the byte the last field's NUL took */
};

void report_scan_free(struct report_scan *s)
{
    if (s == NULL)
        return;
    if (s->fd > 0)
        close(s->fd);
    anketa_csv_record_free(&s->rec);
    free(s->name);
    free(s->buf);
    free(s->fields);
    free(s->lengths);
    free(s->header.fields);
    free(s->header.lengths);
    free(s->header_text);
    free(s);
}

struct report_scan *report_scan_open(const char *path, struct anketa_error *err)
{
    struct report_scan *s = calloc(1, sizeof *s);
    int is_stdin = path == NULL || strcmp(path, "-") == 0;
    if (s == NULL || (s->name = xstrdup(is_stdin ? "(stdin)" : path)) == NULL) {
        report_scan_free(s);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    s->fd = is_stdin ? 0 : open(path, O_RDONLY);
    if (s->fd < 0) {
        anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
        report_scan_free(s);
        return NULL;
    }
    s->line = 1;
    s->fresh = 1;
    return s;
}

const char *report_scan_name(const struct report_scan *s)
{
    return s->name;
}

/* Reads another block behind what is left; 0, or -1 with err set. */
static int fill(struct report_scan *s, struct anketa_error *err)
{
    if (s->pos > 0) {
        memmove(s->buf, s->buf + s->pos, s->used - s->pos);
        s->used -= s->pos;
        s->pos = 0;
    }
    if (s->cap - s->used < BLOCK) {
        size_t ncap = s->cap ? s->cap * 2 : 2 * BLOCK;
        char *nb = realloc(s->buf, ncap);
        if (nb == NULL)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        s->buf = nb;
        s->cap = ncap;
    }
    ssize_t n;
    do      /* a spare byte stays for the last field's NUL */
        n = read(s->fd, s->buf + s->used, s->cap - s->used - 1);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return anketa_error_at(err, ANKETA_ERR_IO, s->name, 0, 0, "read error: %s",
                               strerror(errno));
    s->used += (size_t)n;
    s->eof = n == 0;
    if (s->fresh && (s->used >= 3 || s->eof)) {
        s->fresh = 0;
        if (s->used >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0)
            s->pos = 3;
    }
    return 0;
}

/* The record at hand as fields of s->row, NUL-terminated in place: the
 * byte after each field (a delimiter, a quote, a line end, or the spare
 * byte past the data) is no longer needed once the record is scanned. */
static int expose(struct report_scan *s)
{
    size_t n = s->rec.count;
    if (n > s->fcap) {
        char **f = realloc(s->fields, n * sizeof *f);
        if (f)
            s->fields = f;
        size_t *l = f ? realloc(s->lengths, n * sizeof *l) : NULL;
        if (l == NULL)
            return -1;
        s->lengths = l;
        s->fcap = n;
    }
    for (size_t i = 0; i < n; i++) {
        const struct csv_field *f = &s->rec.f[i];
        char *p = s->buf + (f->p - s->buf);
        size_t len = f->len;
        if (f->escaped) {   /* "" -> " */
            size_t w = 0;
            for (size_t r = 0; r < f->len; r++) {
                p[w++] = p[r];
                r += p[r] == '"';
            }
            len = w;
        }
        if (i + 1 == n) {   /* the record's end: the scanner reads it again */
            s->saved_at = p + len;
            s->saved = p[len];
        }
        p[len] = '\0';
        s->fields[i] = p;
        s->lengths[i] = len;
    }
    s->row.count = n;
    s->row.fields = s->fields;
    s->row.lengths = s->lengths;
    s->row.line = s->rec.line;
    return 0;
}

int report_scan_next(struct report_scan *s, const struct anketa_csv_row **row,
                     struct anketa_error *err)
{
    static const struct csv_dialect strict = { ',', 0 };
    if (s->saved_at) {
        *s->saved_at = s->saved;
        s->saved_at = NULL;
    }
    for (;;) {
        const char *msg;
        long eline;
        int rc = s->fresh ? CSV_SCAN_MORE
                          : anketa_csv_scan_record(s->buf, s->used, &s->pos, &s->line, s->eof,
                                                   &strict, &s->rec, &msg, &eline);
        if (rc == CSV_SCAN_RECORD) {
            if (expose(s) != 0)
                return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
            *row = &s->row;
            return 1;
        }
        if (rc == CSV_SCAN_ERROR)
            return anketa_error_at(err, strcmp(msg, "out of memory") ? ANKETA_ERR_PARSE
                                                                     : ANKETA_ERR_NOMEM,
                                   s->name, eline, 0, "malformed CSV: %s", msg);
        if (s->eof)
            return 0;
        if (fill(s, err) != 0)
            return err->code;
    }
}

int report_scan_header(struct report_scan *s, struct anketa_error *err)
{
    const struct anketa_csv_row *h;
    int rc = report_scan_next(s, &h, err);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return anketa_error_at(err, ANKETA_ERR_INVALID, s->name, 0, 0,
                               "empty input: no header row");
    size_t bytes = 0, n = h->count;
    for (size_t i = 0; i < n; i++)
        bytes += h->lengths[i] + 1;
    s->header_text = malloc(bytes + 1);
    s->header.fields = calloc(n + 1, sizeof *s->header.fields);
    s->header.lengths = calloc(n + 1, sizeof *s->header.lengths);
    if (!s->header_text || !s->header.fields || !s->header.lengths)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0, at = 0; i < n; i++) {
        s->header.fields[i] = s->header_text + at;
        s->header.lengths[i] = h->lengths[i];
        memcpy(s->header_text + at, h->fields[i], h->lengths[i] + 1);
        at += h->lengths[i] + 1;
    }
    s->header.count = n;
    s->header.line = h->line;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(s->header.fields[i], s->header.fields[j]) == 0)
                return anketa_error_at(err, ANKETA_ERR_INVALID, s->name, h->line, 0,
                                       "duplicate column '%s'", s->header.fields[i]);
    return 0;
}

const struct anketa_csv_row *report_scan_header_row(const struct report_scan *s)
{
    return &s->header;
}

int report_scan_column(const struct report_scan *s, const char *name)
{
    for (size_t i = 0; i < s->header.count; i++)
        if (strcmp(s->header.fields[i], name) == 0)
            return (int)i;
    return -1;
}
