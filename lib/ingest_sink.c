/* ingest, the sink: a finished line is written or counted against the ids
 * seen; on the second thread (ingest_split.c) lines and rejects are deferred
 * instead, to a stream the first thread reads back in order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "ingest_int.h"

enum { ENTRY_LINE = 1, ENTRY_REJECT = 2 };

/* One deferred record; the line (or the reason and the reject row) follows. */
struct entry {
    uint8_t kind, outside;
    uint32_t sum, a_len, b_len;
    uint64_t id;
    int64_t offset, line;
    uint64_t span;
};

int ingest_commit_line(struct anketa_ingest *in, uint64_t id, uint32_t sum, int outside,
                       const char *line, size_t len, char *why)
{
    int seen = ingest_seen_check(&in->seen, id, sum);
    if (seen == SEEN_NEW) {
        fwrite(line, 1, len, in->cfg.out);
        in->counts.accepted++;
        in->counts.outside_period += outside;
    } else if (seen == SEEN_DUPLICATE) {
        in->counts.duplicates++;
    } else if (seen == SEEN_CONFLICT) {
        const char *comma = memchr(line, ',', len);   /* the id is the line's first field */
        snprintf(why, INGEST_WHY, "id %.*s was seen before with different answers",
                 (int)(comma ? comma - line : 0), line);
    }
    return seen;
}

void ingest_commit_reject(struct anketa_ingest *in, const char *file, long line,
                          const char *reason, const char *row, size_t row_len)
{
    if (in->cfg.on_reject)
        in->cfg.on_reject(in->cfg.ctx, file, line, reason);
    if (in->cfg.rejects)
        fwrite(row, 1, row_len, in->cfg.rejects);
}

int ingest_defer_line(struct anketa_ingest *in, const struct ingest_record *rec, uint64_t id,
                      uint32_t sum, int outside, const char *line, size_t len)
{
    struct entry e;
    memset(&e, 0, sizeof e);   /* the padding too: it is written to the file */
    e.kind = ENTRY_LINE;
    e.outside = (uint8_t)outside;
    e.sum = sum;
    e.a_len = (uint32_t)len;
    e.id = id;
    e.offset = rec->offset;
    e.line = rec->line;
    e.span = rec->span;
    return fwrite(&e, sizeof e, 1, in->deferred) == 1 &&
           fwrite(line, 1, len, in->deferred) == len ? 0 : -1;
}

int ingest_defer_reject(struct anketa_ingest *in, long line, const char *reason,
                        const char *row, size_t row_len)
{
    size_t rlen = strlen(reason);
    struct entry e;
    memset(&e, 0, sizeof e);
    e.kind = ENTRY_REJECT;
    e.a_len = (uint32_t)rlen;
    e.b_len = (uint32_t)row_len;
    e.line = line;
    FILE *s = in->deferred;
    return fwrite(&e, sizeof e, 1, s) == 1 && fwrite(reason, 1, rlen, s) == rlen &&
           fwrite(row, 1, row_len, s) == row_len ? 0 : -1;
}

int ingest_deferred_next(FILE *s, struct ingest_deferred *d, struct anketa_error *err)
{
    struct entry e;
    if (fread(&e, sizeof e, 1, s) != 1)
        return 0;
    size_t need = (size_t)e.a_len + e.b_len + 1;
    if (need > d->cap) {
        char *nb = realloc(d->buf, need);
        if (nb == NULL)
            return ingest_nomem(err);
        d->buf = nb;
        d->cap = need;
    }
    if (fread(d->buf, 1, need - 1, s) != need - 1)
        return anketa_error_set(err, ANKETA_ERR_IO, "the second thread's temporary file "
                                                    "could not be read back");
    d->buf[need - 1] = '\0';
    d->reject = e.kind == ENTRY_REJECT;
    d->outside = e.outside;
    d->sum = e.sum;
    d->id = e.id;
    d->offset = e.offset;
    d->line = (long)e.line;
    d->span = (size_t)e.span;
    d->text = d->buf;
    d->text_len = e.a_len;
    d->row = d->buf + e.a_len;
    d->row_len = e.b_len;
    if (d->reject) {   /* the reason as a string, the row after it */
        snprintf(d->reason, sizeof d->reason, "%.*s", (int)e.a_len, d->buf);
        d->text = d->reason;
    }
    return 1;
}
