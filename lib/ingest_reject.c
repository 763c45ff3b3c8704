/* ingest: rejected records, with file, line, reason and the record as text. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "ingest_int.h"
#include "util.h"

/* Appends one field (after the delimiter when `separator`) to the joined
 * record, quoted for its delimiter; NUL
 * bytes, which a CSV cell cannot carry, as U+2400. */
int ingest_join_field(struct arena *a, const char *p, size_t len, int delim, int separator)
{
    if (anketa_reserve((void **)&a->p, &a->cap, a->len + 3 * len + 5, 1) != 0)
        return -1;
    if (separator)
        a->p[a->len++] = (char)delim;
    /* Characters a field cannot carry bare: quote, CR, LF, NUL, and ',' (the
     * output's delimiter; another one is looked for apart). */
    static const unsigned char special[256] = { [0] = 2, ['"'] = 1, ['\n'] = 1, ['\r'] = 1,
                                                [','] = 4 };
    unsigned seen = 0;
    for (size_t k = 0; k < len; k++)
        seen |= special[(unsigned char)p[k]];
    int nul = (seen & 2) != 0;
    int quote = (seen & 1) || (delim == ',' ? (seen & 4) : memchr(p, delim, len) != NULL);
    char *d = a->p + a->len;
    if (!quote && !nul) {
        if (len)
            memcpy(d, p, len);
        a->len += len;
        return 0;
    }
    if (quote)
        *d++ = '"';
    for (size_t k = 0; k < len; k++) {
        if (p[k] == '\0') {
            memcpy(d, "\xE2\x90\x80", 3);
            d += 3;
            continue;
        }
        if (p[k] == '"')
            *d++ = '"';
        *d++ = p[k];
    }
    if (quote)
        *d++ = '"';
    a->len = (size_t)(d - a->p);
    return 0;
}

int ingest_reject(struct anketa_ingest *in, const struct ingest_record *rec, const char *reason,
                  struct anketa_error *err)
{
    in->counts.rejected++;
    if (in->cfg.on_reject && !in->deferred)
        in->cfg.on_reject(in->cfg.ctx, in->src->name, rec->line, reason);
    FILE *fp = in->cfg.rejects;
    char *held = NULL;
    size_t held_len = 0;
    int mem = fp && in->deferred;   /* the row waits in the deferred stream */
    if (mem && (fp = open_memstream(&held, &held_len)) == NULL)
        return ingest_nomem(err);
    if (fp) {
        /* The record re-joined with its file's delimiter, as UTF-8 text. */
        int delim = in->src->delimiter ? in->src->delimiter : ',';
        char *utf8 = NULL;
        size_t cap = 0;
        in->raw.len = 0;
        for (size_t i = 0; i < rec->count; i++) {
            size_t len = rec->lengths[i];
            long n = -1;
            if (anketa_reserve((void **)&utf8, &cap, 3 * len + 1, 1) == 0 &&
                in->src->encoding == ANKETA_ENCODING_CP1251)
                n = ingest_cp1251_to_utf8(rec->fields[i], len, utf8);
            if (utf8 && n < 0)
                n = (long)ingest_utf8_repair(rec->fields[i], len, utf8);
            if (utf8 == NULL || ingest_join_field(&in->raw, utf8, (size_t)n, delim, i > 0) != 0) {
                free(utf8);
                if (mem)
                    fclose(fp);
                free(held);
                return ingest_nomem(err);
            }
        }
        free(utf8);
        anketa_csv_write_field(fp, in->src->name, strlen(in->src->name), ',');
        fprintf(fp, ",%ld,", rec->line);
        anketa_csv_write_field(fp, reason, strlen(reason), ',');
        putc(',', fp);
        anketa_csv_write_field(fp, in->raw.p ? in->raw.p : "", in->raw.len, ',');
        putc('\n', fp);
    }
    if (!in->deferred)
        return 0;
    if (mem)
        fclose(fp);
    int rc = ingest_defer_reject(in, rec->line, reason, held, held_len);
    free(held);
    return rc == 0 ? 0 : ingest_nomem(err);
}

int ingest_reject_raw(struct anketa_ingest *in, const struct ingest_record *rec,
                      const char *reason, struct anketa_error *err)
{
    in->counts.read++;
    return ingest_reject(in, rec, reason, err);
}


int anketa_reject_limit_parse(const char *s, struct anketa_reject_limit *limit)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    int percent = *end == '%';
    memset(limit, 0, sizeof *limit);
    if (errno != 0 || end == s || !(*s >= '0' && *s <= '9') || end[percent] != '\0' ||
        !isfinite(v) || v < 0 || (percent ? v > 100 : v > 2e9 || v != floor(v)))
        return -1;
    limit->set = 1;
    limit->percent = percent;
    limit->value = v;
    return 0;
}

int anketa_reject_verdict(const struct anketa_reject_limit *limit,
                          const struct anketa_ingest_counts *n)
{
    if (n->rejected > 0 && n->accepted == 0)
        return ANKETA_REJECTS_ALL;
    if (limit == NULL || !limit->set)
        return ANKETA_REJECTS_OK;
    double allowed = limit->percent ? limit->value / 100.0 * (double)n->read : limit->value;
    return (double)n->rejected > allowed ? ANKETA_REJECTS_TOO_MANY : ANKETA_REJECTS_OK;
}
