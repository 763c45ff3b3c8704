/* Feeding a file to tally in blocks (memory stays a few blocks, whatever the
 * file's size) and, for a large regular file, on two threads: the second
 * thread finds a record boundary past the middle from the parity of the
 * quotes before it (RFC 4180 keeps quotes paired, so an odd count means
 * "inside a quoted field"), then counts from there to the end into a tally
 * of its own; the first counts up to that boundary; the two are merged. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <anketa/tally.h>

#include "ingest_int.h"
#include "tally_int.h"

#define BLOCK (1u << 20)
#define SPLIT_MIN (16u << 20)   /* below this a second thread does not pay */

struct feed {
    int fd;
    int seekable;       /* read with pread from `next` */
    int fresh;          /* at the start of the file: a BOM may come */
    off_t next;
    char *buf;
    size_t cap, used;
    /* The encoding as ingest decides it: AUTO while all is ASCII, then from
     * the first non-ASCII block; a regular file that looks Windows-1251 is
     * looked at whole (ingest_scan_file), and one with lines in both
     * encodings refused. Windows-1251 text is turned into UTF-8 as it is
     * read (its quotes, delimiters and line ends are ASCII: record
     * boundaries and the split stay where they are). */
    int encoding;
    const char *path;   /* a regular file read from its start; NULL: a stream */
    const char *name;   /* for messages */
    char *raw;
    char why[ANKETA_ERROR_MAX + 200]; /* with errno EILSEQ: what is wrong with the text */
};

/* Decides the encoding at the first non-ASCII block and converts what was
 * just read at f->buf + f->used (n bytes): their length now, or -1 with
 * errno EILSEQ. */
static long decode(struct feed *f, size_t n)
{
    char *p = f->buf + f->used;
    if (f->fresh && f->used == 0 && n >= 2 &&
        (memcmp(p, "\xFF\xFE", 2) == 0 || memcmp(p, "\xFE\xFF", 2) == 0)) {
        snprintf(f->why, sizeof f->why, "%s: UTF-16 text: save it as UTF-8 or Windows-1251 CSV",
                 f->name);
        errno = EILSEQ;
        return -1;
    }
    if (f->fresh && f->used == 0 && n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0) {
        snprintf(f->why, sizeof f->why, "%s: an XLSX workbook: give it as a file, not on "
                 "standard input", f->name);
        errno = EILSEQ;
        return -1;
    }
    if (f->encoding == ANKETA_ENCODING_AUTO) {
        f->encoding = ingest_decide_encoding(p, n);
        if (f->encoding == ANKETA_ENCODING_CP1251 && f->path) {
            struct ingest_source src = { .name = f->path, .encoding = ANKETA_ENCODING_AUTO,
                                         .size = -1 };
            struct anketa_error err;
            char warning[512];
            FILE *fp = fopen(f->path, "rb");
            if (fp == NULL || ingest_scan_file(fp, &src, warning, sizeof warning, &err) != 0) {
                snprintf(f->why, sizeof f->why, "%s", fp ? err.message : strerror(errno));
                if (fp)
                    fclose(fp);
                errno = EILSEQ;
                return -1;
            }
            fclose(fp);
            if (src.mixed) {
                char *tail = strstr(warning, "; read as");
                if (tail)
                    *tail = '\0';   /* what ingest would do with it */
                snprintf(f->why, sizeof f->why, "%s: %s; tally reads a file in one encoding: "
                         "run it through ingest, which rejects the records in the other",
                         f->path, warning);
                errno = EILSEQ;
                return -1;
            }
            f->encoding = src.encoding;
        }
    }
    if (f->encoding != ANKETA_ENCODING_CP1251)
        return (long)n;
    size_t i = 0;
    while (i < n && (unsigned char)p[i] < 0x80)
        i++;
    if (i == n)
        return (long)n;
    memcpy(f->raw, p + i, n - i);
    long m = ingest_cp1251_to_utf8(f->raw, n - i, p + i);
    if (m < 0) {
        snprintf(f->why, sizeof f->why, "%s: byte 0x98 is no character of Windows-1251 (the "
                 "encoding of its first non-ASCII block)", f->name);
        errno = EILSEQ;
        return -1;
    }
    return (long)i + m;     /* the text grew: 2 or 3 bytes a letter */
}

/* Reads more, up to offset `limit` (-1: to the end). Returns bytes read,
 * 0 at the limit or end, -1 on error (errno set). */
static ssize_t feed_more(struct feed *f, off_t limit)
{
    if (f->cap - f->used < BLOCK) {
        size_t ncap = f->cap ? f->cap * 2 : 2 * BLOCK;
        char *nb = realloc(f->buf, ncap);
        if (nb == NULL) {
            errno = ENOMEM;
            return -1;
        }
        f->buf = nb;
        f->cap = ncap;
    }
    size_t want = f->cap - f->used;
    if (f->encoding != ANKETA_ENCODING_UTF8) {
        /* room for the text to triple when it is Windows-1251 */
        if (f->raw == NULL && (f->raw = malloc(BLOCK)) == NULL) {
            errno = ENOMEM;
            return -1;
        }
        want = (want - 1) / 3 < BLOCK ? (want - 1) / 3 : BLOCK;
    }
    if (limit >= 0 && limit <= f->next)
        return 0;
    if (limit >= 0 && (off_t)want > limit - f->next)
        want = (size_t)(limit - f->next);
    if (want == 0)
        return 0;
    for (;;) {
        ssize_t n = f->seekable ? pread(f->fd, f->buf + f->used, want, f->next)
                                : read(f->fd, f->buf + f->used, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n > 0) {
            f->next += n;
            long m = f->encoding == ANKETA_ENCODING_UTF8 ? n : decode(f, (size_t)n);
            if (m < 0)
                return -1;
            f->used += (size_t)m;
        }
        return n;
    }
}

/* Counts the records up to `limit`; `final` when the job's part ends there. */
static int consume(struct tally_job *j, struct feed *f, off_t limit, int final,
                   struct anketa_error *err)
{
    for (;;) {
        ssize_t n = feed_more(f, limit);
        if (n < 0 && errno == EILSEQ)
            return anketa_error_set(err, ANKETA_ERR_INVALID, "%s", f->why);
        if (n < 0)
            return anketa_error_at(err, errno == ENOMEM ? ANKETA_ERR_NOMEM : ANKETA_ERR_IO,
                                   j->name, 0, 0, "read error: %s", strerror(errno));
        if (f->fresh) {
            /* the header line whole, for its delimiter */
            if (n > 0 && memchr(f->buf, '\n', f->used) == NULL)
                continue;
            f->fresh = 0;
            if (ingest_has_bom(f->buf, f->used))
                j->pos = 3;
            j->dialect.delimiter = (char)ingest_sniff_delimiter(f->buf + j->pos,
                                                                 f->used - j->pos);
        }
        if (n == 0 && !final)
            return 0;
        if (tally_job_run(j, f->buf, f->used, n == 0) != 0)
            return -1;
        if (n == 0)
            return 0;
        memmove(f->buf, f->buf + j->pos, f->used - j->pos);
        f->used -= j->pos;
        j->pos = 0;
    }
}

struct second {
    struct tally_job job;
    struct feed feed;
    off_t mid, size, cut;   /* cut: -1 until known, size when there is none */
    pthread_mutex_t lock;
    pthread_cond_t known;
    int io_errno;
};

/* The first byte after the first LF outside quotes at or after s->mid
 * (csv_scan.h), or the size when there is none. */
static off_t find_cut(struct second *s)
{
    struct feed *f = &s->feed;
    struct csv_cut c;
    ssize_t n;
    csv_cut_init(&c, (long long)s->mid);
    while ((n = feed_more(f, -1)) > 0) {
        int found = csv_cut_feed(&c, f->buf, f->used);
        f->used = 0;
        if (found)
            return (off_t)c.cut;
    }
    if (n < 0)
        s->io_errno = errno;
    return s->size;
}

static void *second_half(void *arg)
{
    struct second *s = arg;
    struct anketa_error err;
    /* the cut is a file offset: found in the bytes as they are */
    int encoding = s->feed.encoding;
    s->feed.encoding = ANKETA_ENCODING_UTF8;
    off_t cut = find_cut(s);
    s->feed.encoding = encoding;
    pthread_mutex_lock(&s->lock);
    s->cut = cut;
    pthread_cond_signal(&s->known);
    pthread_mutex_unlock(&s->lock);
    if (cut < s->size && s->io_errno == 0) {
        s->feed.next = cut;
        s->feed.used = 0;
        if (consume(&s->job, &s->feed, -1, 1, &err) != 0 && s->job.fail.code == 0)
            s->io_errno = errno ? errno : EIO;
    }
    return NULL;
}

/* A tally for the second thread: same settings, dictionaries of its own. */
static struct anketa_tally *twin(const struct anketa_tally *t)
{
    struct anketa_tally *tb = calloc(1, sizeof *tb);
    if (tb == NULL || (tb->keys = calloc(t->key_count + 1, sizeof *tb->keys)) == NULL) {
        free(tb);
        return NULL;
    }
    tb->cfg = t->cfg;
    tb->key_count = t->key_count;
    for (size_t k = 0; k < t->key_count; k++)
        tb->keys[k].kind = t->keys[k].kind;
    tb->questions = t->questions;       /* shared, read only */
    tb->question_count = t->question_count;
    tb->filters = t->filters;
    tb->filter_count = t->filter_count;
    memcpy(tb->from, t->from, sizeof tb->from);
    memcpy(tb->to, t->to, sizeof tb->to);
    tally_table_init(&tb->table, t->table.keys, t->table.nstats);
    tb->settled = 1;
    return tb;
}

static void twin_free(struct anketa_tally *tb)
{
    if (tb == NULL)
        return;
    tb->questions = NULL;
    tb->question_count = 0;
    tb->filters = NULL;
    tb->filter_count = 0;
    anketa_tally_free(tb);
}

static int split_file(struct anketa_tally *t, struct tally_job *a, struct feed *fa, off_t size,
                      struct anketa_error *err)
{
    struct second s;
    memset(&s, 0, sizeof s);
    s.mid = size / 2;
    s.size = size;
    s.cut = -1;
    s.job = *a;
    memset(&s.job.rec, 0, sizeof s.job.rec);
    s.job.scratch = NULL;
    s.job.scratch_cap = 0;
    s.job.pos = 0;
    s.job.line = 1;
    s.job.skipped = 0;
    s.job.left_date = s.job.left_where = 0;
    s.job.fail.code = 0;
    s.job.t = twin(t);
    s.job.q_col = malloc(t->question_count * sizeof *s.job.q_col);
    s.job.vals = malloc(t->question_count * sizeof *s.job.vals);
    s.feed.fd = fa->fd;
    s.feed.seekable = 1;
    s.feed.encoding = fa->encoding;
    s.feed.path = fa->path;
    s.feed.name = fa->name;
    int rc = 0;
    pthread_t th;
    if (s.job.t == NULL || s.job.q_col == NULL || s.job.vals == NULL) {
        rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        goto out;
    }
    memcpy(s.job.q_col, a->q_col, t->question_count * sizeof *s.job.q_col);
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.known, NULL);
    if (pthread_create(&th, NULL, second_half, &s) != 0) {
        if (consume(a, fa, -1, 1, err) != 0 && a->fail.code == 0)
            rc = err->code;
        else
            rc = tally_job_report(t, a, 0, err);
        goto destroy;
    }
    /* records that start before the middle are ours for sure */
    if (consume(a, fa, s.mid, 0, err) == 0) {
        pthread_mutex_lock(&s.lock);
        while (s.cut < 0)
            pthread_cond_wait(&s.known, &s.lock);
        pthread_mutex_unlock(&s.lock);
        if (consume(a, fa, s.cut, 1, err) != 0 && a->fail.code == 0)
            rc = err->code;
    } else if (a->fail.code == 0) {
        rc = err->code;
    }
    pthread_join(th, NULL);
    if (rc == 0)
        rc = tally_job_report(t, a, 0, err);
    if (rc == 0 && s.io_errno)
        rc = anketa_error_at(err, ANKETA_ERR_IO, a->name, 0, 0, "read error: %s",
                             strerror(s.io_errno));
    if (rc == 0)
        rc = tally_job_report(t, &s.job, a->line - 1, err);
    if (rc == 0)
        rc = tally_absorb(t, s.job.t, 1, a->name, err);
destroy:
    pthread_mutex_destroy(&s.lock);
    pthread_cond_destroy(&s.known);
out:
    tally_job_free(&s.job);
    twin_free(s.job.t);
    free(s.feed.buf);
    free(s.feed.raw);
    return rc;
}

int anketa_tally_add_file(struct anketa_tally *t, const char *path, struct anketa_error *err)
{
    struct tally_job j;
    struct feed f;
    memset(&j, 0, sizeof j);
    memset(&f, 0, sizeof f);
    j.t = t;
    j.line = 1;
    j.weight_col = -1;
    int use_stdin = path == NULL || strcmp(path, "-") == 0;
    j.name = use_stdin ? "(stdin)" : path;
    if (t->key_count > 64)
        return anketa_error_set(err, ANKETA_ERR_USAGE, "more than 64 group keys");
    f.fd = use_stdin ? 0 : open(path, O_RDONLY);
    if (f.fd < 0)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
    struct stat st;
    off_t size = -1;
    if (fstat(f.fd, &st) == 0 && S_ISREG(st.st_mode)) {
        size = st.st_size;
        f.seekable = 1;
        f.next = lseek(f.fd, 0, SEEK_CUR);
        if (f.next < 0)
            f.next = 0;
        char magic[4];
        if (!use_stdin && pread(f.fd, magic, 4, 0) == 4 && memcmp(magic, "PK\x03\x04", 4) == 0) {
            close(f.fd);
            return tally_add_xlsx(t, path, err);
        }
        if (!use_stdin && f.next == 0)
            f.path = path;
    }
    int rc, reported = 0;
    f.fresh = f.next == 0;
    f.name = j.name;
    /* Tests lower the threshold to split small files. */
    off_t split_min = SPLIT_MIN;
    const char *env = getenv("ANKETA_TALLY_SPLIT_MIN");
    if (env && *env)
        split_min = (off_t)strtoll(env, NULL, 10);
    if (f.seekable && f.next == 0 && t->cfg.threads != 1 && size >= split_min) {
        /* the header and a first block, then the split */
        rc = consume(&j, &f, size / 2 < (off_t)BLOCK ? size / 2 : (off_t)BLOCK, 0, err);
        if (rc == 0 && j.ncols > 0) {
            rc = split_file(t, &j, &f, size, err);
            reported = 1;
        } else if (rc == 0) {
            rc = consume(&j, &f, -1, 1, err);
        }
    } else {
        rc = consume(&j, &f, -1, 1, err);
    }
    if (!reported && (rc == 0 || j.fail.code != 0))
        rc = tally_job_report(t, &j, 0, err);
    if (rc == 0 && j.ncols == 0)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, j.name, 0, 0, "empty input: no header row");
    if (f.seekable && use_stdin)
        lseek(f.fd, f.next, SEEK_SET);  /* leave stdin where we stopped */
    tally_job_free(&j);
    free(f.buf);
    free(f.raw);
    if (!use_stdin)
        close(f.fd);
    return rc;
}

int tally_add_buffer(struct anketa_tally *t, const char *buf, size_t len, const char *name,
                     struct anketa_error *err)
{
    struct tally_job j;
    memset(&j, 0, sizeof j);
    j.t = t;
    j.line = 1;
    j.weight_col = -1;
    j.name = name;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        j.pos = 3;
    tally_job_run(&j, buf, len, 1);
    int rc = tally_job_report(t, &j, 0, err);
    if (rc == 0 && j.ncols == 0)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, 0, 0, "empty input: no header row");
    tally_job_free(&j);
    return rc;
}
