#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/adhoc.h>
#include <anketa/codes.h>
#include "nameset.h"
#include <anketa/url.h>

#define BATCH 1024

static const char *const NAME_COLUMNS[] = { "code_id", "name", "id", "slug", "title", NULL };

struct pending_row {
    long line;
    char **fields;       /* the input row, with the url in its URI form */
    size_t count;
    char *base;          /* file name without extension; code_id when added */
};

struct anketa_adhoc {
    struct anketa_adhoc_options o;
    char *file;              /* the current input's name */
    int started;             /* header written */
    unsigned long rows;
    char **header;           /* the first input's header */
    size_t header_count;
    struct anketa_nameset *seen;
    int url_col, name_col, file_col, add_id;
    struct pending_row pending[BATCH];
    struct anketa_qr_job jobs[BATCH];
    size_t npending;
};

struct anketa_adhoc *anketa_adhoc_new(const struct anketa_adhoc_options *o)
{
    struct anketa_adhoc *a = calloc(1, sizeof *a);
    if (a == NULL || (a->seen = anketa_nameset_new()) == NULL) {
        free(a);
        return NULL;
    }
    a->o = *o;
    return a;
}

void anketa_adhoc_free(struct anketa_adhoc *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; i < a->header_count; i++)
        free(a->header[i]);
    free(a->header);
    free(a->file);
    anketa_nameset_free(a->seen);
    free(a);
}

unsigned long anketa_adhoc_rows(const struct anketa_adhoc *a)
{
    return a->rows;
}

static void write_field(FILE *out, const char *s)
{
    anketa_csv_write_field(out, s, s ? strlen(s) : 0, ',');
}

int anketa_adhoc_begin(struct anketa_adhoc *a, const struct anketa_csv_reader *r, FILE *out,
                       struct anketa_error *err)
{
    const struct anketa_csv_row *h = anketa_csv_reader_header(r);
    const char *file = anketa_csv_reader_name(r);
    free(a->file);
    if ((a->file = strdup(file)) == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    a->url_col = anketa_csv_reader_column(r, "url");
    a->name_col = -1;
    for (const char *const *n = NAME_COLUMNS; *n && a->name_col < 0; n++)
        a->name_col = anketa_csv_reader_column(r, *n);
    a->add_id = anketa_csv_reader_column(r, "code_id") < 0;
    a->file_col = anketa_csv_reader_column(r, "file");
    if (a->url_col < 0)
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, h->line, 0,
                               "no 'url' column in the header");
    if (a->started) {
        int same = h->count == a->header_count;
        for (size_t i = 0; same && i < h->count; i++)
            same = strcmp(h->fields[i], a->header[i]) == 0;
        return same ? 0 : anketa_error_at(err, ANKETA_ERR_INVALID, file, h->line, 0,
                                           "the header differs from the first input's");
    }
    a->started = 1;
    a->header_count = h->count;
    if ((a->header = calloc(h->count, sizeof *a->header)) == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < h->count; i++) {
        if ((a->header[i] = strdup(h->fields[i])) == NULL)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        if (i)
            putc(',', out);
        write_field(out, h->fields[i]);
    }
    fprintf(out, "%s%s\n", a->add_id ? ",code_id" : "", a->file_col < 0 ? ",file" : "");
    return 0;
}

static int report(struct anketa_adhoc *a, long line, int code, const char *msg)
{
    struct anketa_error err;
    anketa_error_at(&err, code, a->file, line, 0, "%s", msg);
    if (a->o.report)
        a->o.report(a->o.ctx, &err);
    return code;
}

static void write_row(struct anketa_adhoc *a, FILE *out, const struct pending_row *p,
                      const char *path)
{
    for (size_t i = 0; i < p->count; i++) {
        if (i)
            putc(',', out);
        write_field(out, (int)i == a->file_col ? path : p->fields[i]);
    }
    if (a->add_id) {
        putc(',', out);
        write_field(out, p->base);
    }
    if (a->file_col < 0) {
        putc(',', out);
        write_field(out, path);
    }
    putc('\n', out);
}

static char *code_path(const struct anketa_adhoc *a, const char *base)
{
    if (a->o.dir == NULL)
        return NULL;
    size_t n = strlen(a->o.dir) + strlen(base) + 8;
    char *path = malloc(n);
    if (path != NULL)
        snprintf(path, n, "%s/%s.%s", a->o.dir, base, anketa_qr_format_ext(a->o.style.format));
    return path;
}

int anketa_adhoc_flush(struct anketa_adhoc *a, FILE *out)
{
    int rc = 0;
    for (size_t i = 0; i < a->npending; i++) {
        memset(&a->jobs[i], 0, sizeof a->jobs[i]);
        a->jobs[i].text = a->pending[i].fields[a->url_col];
        a->jobs[i].path = code_path(a, a->pending[i].base);
    }
    anketa_qr_make_batch(a->jobs, a->npending, a->o.ec, &a->o.style, a->o.threads);
    for (size_t i = 0; i < a->npending; i++) {
        struct pending_row *p = &a->pending[i];
        if (a->jobs[i].status == 0)
            write_row(a, out, p, a->jobs[i].path);
        else
            rc = report(a, p->line, a->jobs[i].status, a->jobs[i].err.message);
        free((char *)(uintptr_t)a->jobs[i].path);
        for (size_t f = 0; f < p->count; f++)
            free(p->fields[f]);
        free(p->fields);
        free(p->base);
    }
    a->npending = 0;
    return rc;
}

int anketa_adhoc_add(struct anketa_adhoc *a, const struct anketa_csv_row *row, FILE *out)
{
    struct anketa_error err;
    char msg[320];
    a->rows++;
    if (row->count != a->header_count) {
        snprintf(msg, sizeof msg, "%zu fields where the header has %zu", row->count,
                 a->header_count);
        return report(a, row->line, ANKETA_ERR_INVALID, msg);
    }
    char *url = anketa_url_normalize_n(row->fields[a->url_col], row->lengths[a->url_col], &err);
    if (url == NULL)
        return report(a, row->line, err.code, err.message);
    char *base = a->name_col >= 0 ? anketa_safe_filename(row->fields[a->name_col]) : NULL;
    if (base == NULL) {
        snprintf(msg, sizeof msg, "%lu", a->rows);
        base = strdup(msg);
    }
    const char *earlier = NULL;
    int taken = base && a->o.dir ? anketa_nameset_add_file(a->seen, base, &earlier) : 0;
    struct pending_row *p = &a->pending[a->npending];
    p->fields = base && taken == 0 ? calloc(row->count, sizeof *p->fields) : NULL;
    int ok = p->fields != NULL;
    for (size_t i = 0; ok && i < row->count; i++)
        ok = (p->fields[i] = (int)i == a->url_col ? url : strdup(row->fields[i])) != NULL;
    if (!ok) {
        if (p->fields) {
            for (size_t i = 0; i < row->count; i++)
                if ((int)i != a->url_col)
                    free(p->fields[i]);
            free(p->fields);
        }
        free(url);
        int code = taken > 0 ? ANKETA_ERR_INVALID : ANKETA_ERR_NOMEM;
        if (taken <= 0)
            snprintf(msg, sizeof msg, "out of memory");
        else if (strcmp(earlier, base) == 0)
            snprintf(msg, sizeof msg, "file name '%.80s' already used by an earlier row", base);
        else
            snprintf(msg, sizeof msg, "file names '%.80s' and '%.80s' (an earlier row) differ "
                     "only in case: one file on a case-insensitive file system", base, earlier);
        free(base);
        return report(a, row->line, code, msg);
    }
    p->line = row->line;
    p->count = row->count;
    p->base = base;
    if (++a->npending == BATCH)
        return anketa_adhoc_flush(a, out);
    return 0;
}
