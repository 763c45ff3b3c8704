/* Streaming CSV reader over libcsv: libcsv pushes fields through callbacks, so
 * each read block's complete records are queued and handed out one by one. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include <anketa/csv.h>

#include "util.h"

#define READ_BLOCK 65536

struct queued_row {
    char *data;          /* all fields, each NUL-terminated */
    size_t used, cap;
    size_t *offsets, *lengths;
    char **fields;
    size_t count, fcap;
    long line;
};

struct anketa_csv_reader {
    FILE *fp;
    int owns_fp;
    char *name;
    struct csv_parser parser;
    int eof, failed, first_block;
    struct anketa_error pending;  /* an error met after rows still queued */
    long cur_line;       /* line of the byte being parsed (LFs seen + 1) */
    int row_open;        /* the row being built has a field already */
    struct queued_row *queue; /* rows completed by the last block */
    size_t qcount, qcap, qhead;
    struct anketa_csv_row out;
    struct anketa_csv_row header;
    struct queued_row header_store;
    int has_header;
    int oom;
    char *block;
};

static int keep_spaces(unsigned char c)
{
    (void)c;
    return 0;
}

static struct queued_row *building_row(struct anketa_csv_reader *r)
{
    if (r->qcount == r->qcap) {
        size_t ncap = r->qcap ? r->qcap * 2 : 64;
        struct queued_row *q = realloc(r->queue, ncap * sizeof *q);
        if (q == NULL) {
            r->oom = 1;
            return NULL;
        }
        memset(q + r->qcap, 0, (ncap - r->qcap) * sizeof *q);
        r->queue = q;
        r->qcap = ncap;
    }
    return &r->queue[r->qcount];
}

static void on_field(void *data, size_t len, void *ctx)
{
    struct anketa_csv_reader *r = ctx;
    struct queued_row *row = building_row(r);
    if (row == NULL)
        return;
    if (!r->row_open) {
        row->used = 0;
        row->count = 0;
        row->line = r->cur_line;
        r->row_open = 1;
    }
    if (row->count == row->fcap) {
        size_t ncap = row->fcap ? row->fcap * 2 : 16;
        size_t *o = realloc(row->offsets, ncap * sizeof *o);
        size_t *l = o ? realloc(row->lengths, ncap * sizeof *l) : NULL;
        if (o) row->offsets = o;
        if (l) row->lengths = l;
        if (!o || !l) {
            r->oom = 1;
            return;
        }
        row->fcap = ncap;
    }
    if (anketa_reserve((void **)&row->data, &row->cap, row->used + len + 1, 1) != 0) {
        r->oom = 1;
        return;
    }
    if (len)
        memcpy(row->data + row->used, data, len);
    row->data[row->used + len] = '\0';
    row->offsets[row->count] = row->used;
    row->lengths[row->count] = len;
    row->count++;
    row->used += len + 1;
    for (const char *p = data, *end = p + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        r->cur_line++;
}

static void on_record(int c, void *ctx)
{
    struct anketa_csv_reader *r = ctx;
    if (r->row_open) {
        r->qcount++;
        r->row_open = 0;
    }
    if (c == '\n')
        r->cur_line++;
}

static int fill(struct anketa_csv_reader *r, struct anketa_error *err)
{
    /* A record cut by the end of the last block continues in slot 0. */
    if (r->row_open && r->qcount > 0) {
        struct queued_row open = r->queue[r->qcount];
        r->queue[r->qcount] = r->queue[0];
        r->queue[0] = open;
    }
    r->qcount = r->qhead = 0;
    while (r->qcount == 0 && !r->eof && !r->failed) {
        size_t n = fread(r->block, 1, READ_BLOCK, r->fp);
        const char *p = r->block;
        if (n < READ_BLOCK && ferror(r->fp))
            return anketa_error_at(err, ANKETA_ERR_IO, r->name, 0, 0, "read error: %s",
                                   strerror(errno));
        if (r->first_block) {
            r->first_block = 0;
            if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
                p += 3;
                n -= 3;
            }
        }
        if (n > 0 && csv_parse(&r->parser, p, n, on_field, on_record, r) != n) {
            r->failed = 1;
            anketa_error_at(&r->pending, ANKETA_ERR_PARSE, r->name, r->cur_line, 0,
                            "malformed CSV: a quote inside an unquoted field, or text after "
                            "a closing quote");
            break;
        }
        if (feof(r->fp) || n == 0) {
            r->eof = 1;
            if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
                r->failed = 1;
                anketa_error_at(&r->pending, ANKETA_ERR_PARSE, r->name, r->cur_line, 0,
                                "unclosed quote at end of file");
            }
        }
        if (r->oom)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", r->name);
    }
    return 0;
}

struct anketa_csv_reader *anketa_csv_reader_new(FILE *fp, const char *name, int delimiter,
                                                struct anketa_error *err)
{
    struct anketa_csv_reader *r = calloc(1, sizeof *r);
    if (r == NULL || (r->block = malloc(READ_BLOCK)) == NULL ||
        (r->name = strdup(name ? name : "(stdin)")) == NULL ||
        csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0) {
        if (r) {
            free(r->block);
            free(r->name);
        }
        free(r);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    csv_set_delim(&r->parser, (unsigned char)(delimiter ? delimiter : ','));
    csv_set_space_func(&r->parser, keep_spaces);
    r->fp = fp;
    r->cur_line = 1;
    r->first_block = 1;
    return r;
}

struct anketa_csv_reader *anketa_csv_reader_open(const char *path, int delimiter,
                                                 struct anketa_error *err)
{
    if (path == NULL || strcmp(path, "-") == 0)
        return anketa_csv_reader_new(stdin, "(stdin)", delimiter, err);
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
        return NULL;
    }
    struct anketa_csv_reader *r = anketa_csv_reader_new(fp, path, delimiter, err);
    if (r == NULL)
        fclose(fp);
    else
        r->owns_fp = 1;
    return r;
}

static void free_row(struct queued_row *q)
{
    free(q->data);
    free(q->offsets);
    free(q->lengths);
    free(q->fields);
}

void anketa_csv_reader_free(struct anketa_csv_reader *r)
{
    if (r == NULL)
        return;
    if (r->owns_fp)
        fclose(r->fp);
    csv_free(&r->parser);
    for (size_t i = 0; i < r->qcap; i++)
        free_row(&r->queue[i]);
    free_row(&r->header_store);
    free(r->queue);
    free(r->block);
    free(r->name);
    free(r);
}

const char *anketa_csv_reader_name(const struct anketa_csv_reader *r)
{
    return r->name;
}

static int expose(struct queued_row *q, struct anketa_csv_row *out)
{
    char **f = realloc(q->fields, (q->count + 1) * sizeof *f);
    if (f == NULL)
        return ANKETA_ERR_NOMEM;
    q->fields = f;
    for (size_t i = 0; i < q->count; i++)
        f[i] = q->data + q->offsets[i];
    f[q->count] = NULL;
    out->count = q->count;
    out->fields = f;
    out->lengths = q->lengths;
    out->line = q->line;
    return 0;
}

int anketa_csv_reader_next(struct anketa_csv_reader *r, const struct anketa_csv_row **row,
                           struct anketa_error *err)
{
    if (r->qhead == r->qcount && r->failed) {
        if (err)
            *err = r->pending;
        return r->pending.code;
    }
    if (r->qhead == r->qcount) {
        int rc = fill(r, err);
        if (rc < 0)
            return rc;
        if (r->qcount == 0) {
            if (r->failed) {
                if (err)
                    *err = r->pending;
                return r->pending.code;
            }
            return 0;
        }
    }
    if (expose(&r->queue[r->qhead++], &r->out) != 0)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", r->name);
    *row = &r->out;
    return 1;
}

int anketa_csv_reader_read_header(struct anketa_csv_reader *r, struct anketa_error *err)
{
    const struct anketa_csv_row *row;
    int rc = anketa_csv_reader_next(r, &row, err);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return anketa_error_at(err, ANKETA_ERR_INVALID, r->name, 0, 0,
                               "empty input: no header row");
    /* Keep the header apart from the queue, whose slots are reused. */
    struct queued_row *src = &r->queue[r->qhead - 1];
    struct queued_row *h = &r->header_store;
    h->data = malloc(src->used ? src->used : 1);
    h->offsets = malloc((src->count + 1) * sizeof *h->offsets);
    h->lengths = malloc((src->count + 1) * sizeof *h->lengths);
    if (!h->data || !h->offsets || !h->lengths)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", r->name);
    memcpy(h->data, src->data, src->used);
    memcpy(h->offsets, src->offsets, src->count * sizeof *h->offsets);
    memcpy(h->lengths, src->lengths, src->count * sizeof *h->lengths);
    h->count = h->fcap = src->count;
    h->used = h->cap = src->used;
    h->line = src->line;
    if (expose(h, &r->header) != 0)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", r->name);
    r->has_header = 1;
    for (size_t i = 0; i < h->count; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->header.fields[i], r->header.fields[j]) == 0)
                return anketa_error_at(err, ANKETA_ERR_INVALID, r->name, h->line, 0,
                                       "duplicate column '%s'", r->header.fields[i]);
    return 0;
}

const struct anketa_csv_row *anketa_csv_reader_header(const struct anketa_csv_reader *r)
{
    return r->has_header ? &r->header : NULL;
}

int anketa_csv_reader_column(const struct anketa_csv_reader *r, const char *name)
{
    if (!r->has_header)
        return -1;
    for (size_t i = 0; i < r->header.count; i++)
        if (strcmp(r->header.fields[i], name) == 0)
            return (int)i;
    return -1;
}
