/* ingest, the file layer: a CSV file opened, its encoding scanned (for a
 * regular file, ingest_scan.c), and its records read (ingest_csv.c) by one
 * thread or, when it is large, by two.
 *
 * A large CSV file on two threads. The second thread finds a record
 * boundary past the middle from the parity of the quotes before it (quotes
 * come in pairs in a well-formed file) and maps the records from there to
 * the end into a stream of its own: each output line with its id and content
 * hashes, each reject as it will be written. The first thread maps the
 * records up to the boundary as usual, which checks the boundary too: one
 * inside a quoted field shows there as a quote left open, and the second
 * thread's work is then dropped and the rest read again. Then the first
 * thread replays the stream in order, so the ids seen, the duplicates and
 * the conflicts come out exactly as if one thread had read the file. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anketa/output.h>

#include "csv_scan.h"
#include "ingest_int.h"

#define SPLIT_MIN (16u << 20)   /* below this a second thread does not pay */
#define BLOCK INGEST_BLOCK

/* The first byte after the first LF outside quotes (by parity) at or after
 * mid, and in *lines the line number there; -1 when there is none. */
static long long find_cut(FILE *fp, long long mid, long *lines)
{
    char *buf = malloc(BLOCK);
    struct csv_cut c;
    size_t n;
    csv_cut_init(&c, mid);
    while (buf && (n = fread(buf, 1, BLOCK, fp)) > 0 && !csv_cut_feed(&c, buf, n))
        ;
    free(buf);
    *lines = c.lines + 1;
    return c.cut;
}

struct worker {
    struct anketa_ingest clone;
    FILE *fp;
    struct ingest_source src;
    struct ingest_range range;
    struct anketa_error err;
    int rc, started;
    pthread_t thread;
    /* what the first thread knows when its header is read */
    struct anketa_ingest *in;
    struct ingest_source *main_src;
    const char *path;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    w->rc = ingest_read_range(&w->clone, w->fp, &w->src, &w->range, &w->err);
    return NULL;
}

/* A second ingest over the first's mapping, with scratch, memos and counts
 * of its own. */
static int make_clone(struct anketa_ingest *c, const struct anketa_ingest *in, FILE *deferred)
{
    *c = *in;
    c->clone = 1;
    c->deferred = deferred;
    c->cfg.on_reject = NULL;
    memset(&c->counts, 0, sizeof c->counts);
    memset(&c->seen, 0, sizeof c->seen);
    memset(&c->text, 0, sizeof c->text);
    memset(&c->row, 0, sizeof c->row);
    memset(&c->raw, 0, sizeof c->raw);
    c->text_off = c->text_len = c->row_off = c->row_len = NULL;
    c->text_cap = c->row_cap = 0;
    c->row_ptr = NULL;
    c->questions = malloc((in->question_count + 1) * sizeof *c->questions);
    if (c->questions == NULL)
        return -1;
    if (in->question_count)
        memcpy(c->questions, in->questions, in->question_count * sizeof *c->questions);
    for (size_t q = 0; q < in->question_count; q++) {
        memset(c->questions[q].memo_text, 0, sizeof c->questions[q].memo_text);
        c->questions[q].memo_next = 0;
    }
    return 0;
}

/* Called by the first thread once the header is mapped: starts the second,
 * or says (0) that the file is read alone after all. */
static int start_worker(void *arg)
{
    struct worker *w = arg;
    FILE *deferred = anketa_temp_file(NULL);   /* unnamed, in $TMPDIR */
    if (deferred == NULL || (w->fp = fopen(w->path, "rb")) == NULL ||
        make_clone(&w->clone, w->in, deferred) != 0) {
        if (deferred)
            fclose(deferred);
        if (w->fp)
            fclose(w->fp);
        w->fp = NULL;
        return 0;
    }
    w->src = *w->main_src;
    w->clone.src = &w->src;
    if (pthread_create(&w->thread, NULL, work, w) != 0) {
        ingest_free_own(&w->clone);
        fclose(deferred);
        fclose(w->fp);
        w->fp = NULL;
        return 0;
    }
    w->started = 1;
    return 1;
}

/* The second half's stream, in order, as if the first thread read it. */
static int replay(struct anketa_ingest *in, struct worker *w, FILE *fp, struct ingest_source *src,
                  struct anketa_error *err)
{
    struct ingest_deferred d = { 0 };
    int rc = 0, got;
    rewind(w->clone.deferred);
    while (rc == 0 && (got = ingest_deferred_next(w->clone.deferred, &d, err)) > 0) {
        if (d.reject) {
            ingest_commit_reject(in, src->name, d.line, d.text, d.row, d.row_len);
            continue;
        }
        char why[INGEST_WHY];
        switch (ingest_commit_line(in, d.id, d.sum, d.outside, d.text, d.text_len, why)) {
        case SEEN_CONFLICT:
            rc = ingest_reject_again(in, fp, src, d.offset, d.span, d.line, why, err);
            break;
        case SEEN_NOMEM:
            rc = ingest_nomem(err);
            break;
        default:
            break;
        }
    }
    if (got < 0)
        rc = got;
    free(d.buf);
    return rc;
}

static int split_file(struct anketa_ingest *in, const char *path, struct ingest_source *src,
                      struct anketa_error *err)
{
    const char *min_env = getenv("ANKETA_INGEST_SPLIT_MIN");   /* tests split small files */
    long long split_min = min_env ? atoll(min_env) : SPLIT_MIN;
    /* A regular file (size known), its encoding decided from all of it. */
    if (in->cfg.threads == 1 || src->size < 0 || src->size < split_min || in->deferred ||
        src->encoding == ANKETA_ENCODING_AUTO)
        return 1;
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return 1;   /* the caller says why */
    struct worker w = { .in = in, .main_src = src, .path = path };
    /* Tests look for the cut from elsewhere than the middle, too. */
    const char *at_env = getenv("ANKETA_INGEST_SPLIT_AT");
    long long mid = at_env ? atoll(at_env) : src->size / 2;
    long long cut = find_cut(fp, mid, &w.range.line);
    if (cut <= 0 || cut >= src->size) {
        fclose(fp);
        return 1;
    }
    w.range.start = cut;
    w.range.limit = -1;
    rewind(fp);
    struct ingest_range range = { .limit = cut, .line = 1, .first = 1, .need_header = 1,
                                  .after_header = start_worker, .arg = &w };
    int rc = ingest_read_range(in, fp, src, &range, err);
    if (w.started) {
        pthread_join(w.thread, NULL);
        if (rc == 0 && range.verified && range.limit >= 0 && w.rc != 0) {
            *err = w.err;   /* before any of its half is written */
            rc = w.rc;
        } else if (rc == 0 && range.verified && range.limit >= 0) {
            rc = replay(in, &w, fp, src, err);
            in->counts.read += w.clone.counts.read;
            in->counts.rejected += w.clone.counts.rejected;
            in->counts.items_shared += w.clone.counts.items_shared;
            ingest_add_masked(&in->counts, &w.clone.counts);
        }
        ingest_free_own(&w.clone);
        fclose(w.clone.deferred);
        fclose(w.fp);
    }
    if (rc == 0 && !range.verified) {
        /* The cut fell inside a quoted field: the rest is read here. */
        struct ingest_range rest = { .start = range.stop_at, .limit = -1, .line = range.line,
                                     .need_header = range.need_header };
        rc = ingest_read_range(in, fp, src, &rest, err);
    }
    fclose(fp);
    return rc;
}

int ingest_read_csv(struct anketa_ingest *in, const char *path, int encoding, int delimiter,
                    struct anketa_error *err)
{
    int is_stdin = path == NULL || strcmp(path, "-") == 0;
    struct ingest_source src = { is_stdin ? "(stdin)" : path, encoding, delimiter, -1, MIXED_NO };
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (fp == NULL)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
    char warning[512] = "";
    int rc = is_stdin ? 0 : ingest_scan_file(fp, &src, warning, sizeof warning, err);
    if (rc == 0 && warning[0])
        ingest_warn(in, src.name, warning);
    if (rc == 0)
        rc = src.size >= 0 ? split_file(in, path, &src, err) : 1;
    if (rc == 1) {   /* not split: read here, by one thread */
        struct ingest_range range = { .limit = -1, .line = 1, .first = 1, .need_header = 1 };
        rc = ingest_read_range(in, fp, &src, &range, err);
    }
    if (!is_stdin)
        fclose(fp);
    return rc;
}
