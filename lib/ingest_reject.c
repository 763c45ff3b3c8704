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

/* A rejected id under --anonymous: hashed as an accepted one is, its source
 * prefix ("yf:") kept. out holds len + 34. */
static size_t anon_id(const struct anketa_ingest *in, const char *id, size_t len, char *out)
{
    size_t prefix = 0;
    const char *colon = memchr(id, ':', len < 33 ? len : 33);
    if (colon && colon > id && memchr(id, ' ', (size_t)(colon - id)) == NULL)
        prefix = (size_t)(colon - id) + 1;
    memcpy(out, id, prefix);
    if (ingest_anon_id(in->key, sizeof in->key, id + prefix, len - prefix, out + prefix) != 0)
        return 0;
    return prefix + 32;
}

/* Field i of a rejected record as it is written: under --anonymous as
 * anonymous as an accepted row (the id hashed, identifying columns left
 * empty, the time coarsened, every other field masked: a reject's columns
 * may be off by one), else as it is. *p and *n in, then what to write;
 * scratch may grow. */
static int reject_field(struct anketa_ingest *in, size_t i, const char **p, size_t *n,
                        char **scratch, size_t *cap)
{
    if (!in->cfg.key)
        return 0;
    int role = i < in->width && in->column_role ? in->column_role[i] : COLUMN_TEXT;
    if (role == COLUMN_IDENTIFYING) {
        *n = 0;
        return 0;
    }
    if (anketa_reserve((void **)scratch, cap, 4 * *n + 64, 1) != 0)
        return -1;
    char *out = *scratch, text[INGEST_DATE_MAX], date[INGEST_DATE_MAX], why[INGEST_WHY];
    if (role == COLUMN_DATE && *n < sizeof text) {
        /* A time no more precise than an accepted one, written as one is. */
        memcpy(text, *p, *n);
        text[*n] = '\0';
        if (ingest_parse_date(text, in->profile->dates, 0, in->zone, date, why) == 0) {
            ingest_coarsen_time(date, in->cfg.time_precision);
            *n = strlen(date);
            memcpy(out, date, *n + 1);
            *p = out;
            return 0;
        }
    }
    *n = role == COLUMN_ID ? anon_id(in, *p, *n, out) : ingest_mask(*p, *n, out, &in->counts);
    *p = out;
    return 0;
}

/* The record re-joined with its file's delimiter, as UTF-8 text, into in->raw. */
static int join_record(struct anketa_ingest *in, const struct ingest_record *rec)
{
    int delim = in->src->delimiter ? in->src->delimiter : ',';
    char *utf8 = NULL, *scratch = NULL;
    size_t cap = 0, scratch_cap = 0;
    int rc = 0;
    in->raw.len = 0;
    for (size_t i = 0; rc == 0 && i < rec->count; i++) {
        size_t len = rec->lengths[i];
        long n = -1;
        if (anketa_reserve((void **)&utf8, &cap, 3 * len + 1, 1) != 0) {
            rc = -1;
            break;
        }
        if (in->src->encoding == ANKETA_ENCODING_CP1251)
            n = ingest_cp1251_to_utf8(rec->fields[i], len, utf8);
        if (n < 0)
            n = (long)ingest_utf8_repair(rec->fields[i], len, utf8);
        const char *p = utf8;
        size_t plen = (size_t)n;
        rc = reject_field(in, i, &p, &plen, &scratch, &scratch_cap);
        if (rc == 0)
            rc = ingest_join_field(&in->raw, p, plen, delim, i > 0);
    }
    free(utf8);
    free(scratch);
    return rc;
}

int ingest_reject(struct anketa_ingest *in, const struct ingest_record *rec, const char *reason,
                  struct anketa_error *err)
{
    in->counts.rejected++;
    /* A reason may quote a value: masked too under --anonymous (not counted:
     * the record's own field is). */
    char *masked = NULL;
    if (in->cfg.key) {
        struct anketa_ingest_counts uncounted;
        size_t len = strlen(reason);
        if ((masked = malloc(4 * len + 64)) == NULL)
            return ingest_nomem(err);
        ingest_mask(reason, len, masked, &uncounted);
        reason = masked;
    }
    if (in->cfg.on_reject && !in->deferred)
        in->cfg.on_reject(in->cfg.ctx, in->src->name, rec->line, reason);
    FILE *fp = in->cfg.rejects;
    char *held = NULL;
    size_t held_len = 0;
    int rc = 0, mem = fp && in->deferred;   /* the row waits in the deferred stream */
    if (mem && (fp = open_memstream(&held, &held_len)) == NULL)
        rc = -1;
    if (rc == 0 && fp && (rc = join_record(in, rec)) == 0) {
        anketa_csv_write_field(fp, in->src->name, strlen(in->src->name), ',');
        fprintf(fp, ",%ld,", rec->line);
        anketa_csv_write_field(fp, reason, strlen(reason), ',');
        putc(',', fp);
        anketa_csv_write_field(fp, in->raw.p ? in->raw.p : "", in->raw.len, ',');
        putc('\n', fp);
    }
    if (mem && fp)
        fclose(fp);
    if (rc == 0 && in->deferred)
        rc = ingest_defer_reject(in, rec->line, reason, held, held_len);
    free(held);
    free(masked);
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
