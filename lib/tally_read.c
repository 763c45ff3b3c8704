/* Counting records: the header is resolved once per file (the first file
 * also fixes the questions), then every record is checked and counted. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/tally.h>

#include "tally_int.h"


static void note(struct tally_where *w, int code, long line, long column, const char *fmt, ...)
    ANKETA_PRINTF(5, 6);

static void note(struct tally_where *w, int code, long line, long column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    w->code = code;
    w->line = line;
    w->column = column;
    vsnprintf(w->msg, sizeof w->msg, fmt, ap);
    va_end(ap);
}

const char *tally_field_text(struct tally_job *j, const struct csv_field *f, size_t *len)
{
    if (!f->escaped) {
        *len = f->len;
        return f->p;
    }
    if (f->len > j->scratch_cap) {
        char *s = realloc(j->scratch, f->len);
        if (s == NULL)
            return NULL;
        j->scratch = s;
        j->scratch_cap = f->len;
    }
    *len = csv_field_copy(f, j->scratch);
    return j->scratch;
}

#define BAD_DATE (UINT32_MAX - 1)

/* The id of a derived key (year, month...): each distinct date prefix is
 * derived once; -2 when it is not a date. */
static int64_t derived_id(struct tally_key *k, const char *s, size_t len)
{
    uint32_t before = k->dates.count;
    int64_t di = tally_dict_intern(&k->dates, s, len < 11 ? len : 11);
    if (di < 0)
        return -1;
    if ((uint32_t)di < before)
        return k->date_value[di] == BAD_DATE ? -2 : (int64_t)k->date_value[di];
    if ((size_t)di >= k->date_value_cap) {
        size_t ncap = k->date_value_cap ? k->date_value_cap * 2 : 256;
        uint32_t *dv = realloc(k->date_value, ncap * sizeof *dv);
        if (dv == NULL)
            return -1;
        k->date_value = dv;
        k->date_value_cap = ncap;
    }
    char out[16];
    int n = tally_derive(k->kind, s, len < 11 ? len : 11, out);
    k->date_value[di] = BAD_DATE;
    if (n < 0)
        return -2;
    int64_t id = tally_key_id(k, out, (size_t)n);
    if (id >= 0)
        k->date_value[di] = (uint32_t)id;
    return id;
}

/* Counts one record; 0, 1 when skipped, or -1 with j->fail set. */
static int count_record(struct tally_job *j, const struct csv_record *r)
{
    struct anketa_tally *t = j->t;
    struct tally_where bad;
    uint32_t ids[64];
    int64_t w;
    size_t len;
    const char *s, *why;

    if (r->count != j->ncols) {
        note(&bad, ANKETA_ERR_INVALID, r->line, 0, "%zu fields where the header has %zu",
             r->count, j->ncols);
        goto invalid;
    }
    if (t->filter_count || j->stamp_col >= 0) {
        int keep = tally_filter_record(j, r, &bad);
        if (keep == 0)
            return 0;
        if (keep == -1)
            goto invalid;
        if (keep < 0)
            goto nomem;
    }
    w = TALLY_UNIT;
    if (j->weight_col >= 0) {
        const struct csv_field *f = &r->f[j->weight_col];
        if ((why = tally_parse_weight(f->p, f->len, &w)) != NULL) {
            note(&bad, ANKETA_ERR_INVALID, r->line, j->weight_col + 1, "weight: %s: '%.*s'",
                 why, (int)(f->len > 40 ? 40 : f->len), f->p);
            goto invalid;
        }
    }
    for (size_t k = 0; k < t->key_count; k++) {
        const struct csv_field *f = &r->f[j->key_col[k]];
        if ((s = tally_field_text(j, f, &len)) == NULL)
            goto nomem;
        int64_t id = j->key_derived[k] ? derived_id(&t->keys[k], s, len)
                                       : tally_key_id(&t->keys[k], s, len);
        if (id == -2) {
            note(&bad, ANKETA_ERR_INVALID, r->line, j->key_col[k] + 1,
                 "submitted_at: '%.*s' does not start with a date YYYY-MM-DD",
                 (int)(len > 40 ? 40 : len), s);
            goto invalid;
        }
        if (id < 0)
            goto nomem;
        ids[k] = (uint32_t)id;
    }
    uint64_t h = tally_table_hash(&t->table, ids);   /* its slot loads while we parse */
    for (size_t i = 0; i < t->question_count; i++) {
        const struct tally_question *q = &t->questions[i];
        if (j->q_col[i] < 0) {      /* the file lacks it: not answered */
            j->vals[i] = -1;
            continue;
        }
        const struct csv_field *f = &r->f[j->q_col[i]];
        int v;
        if (f->len == 0) {
            j->vals[i] = -1;
            continue;
        }
        if (q->yesno) {
            if ((s = tally_field_text(j, f, &len)) == NULL)
                goto nomem;
            if ((v = tally_parse_yesno(s, len)) < 0) {
                note(&bad, ANKETA_ERR_INVALID, r->line, j->q_col[i] + 1,
                     "%s: '%.*s' is not a yes/no answer (да/нет, yes/no, 1/0, +/-)", q->column,
                     (int)(len > 40 ? 40 : len), s);
                goto invalid;
            }
        } else if ((why = tally_parse_score(f->p, f->len, &v)) != NULL || v < q->lo ||
                   v > q->hi) {
            note(&bad, ANKETA_ERR_INVALID, r->line, j->q_col[i] + 1,
                 "%s: '%.*s' is not a whole number on the scale %d-%d", q->column,
                 (int)(f->len > 40 ? 40 : f->len), f->p, q->lo, q->hi);
            goto invalid;
        }
        j->vals[i] = v - q->lo;
    }
    if (tally_add_units(t, w) != 0) {
        note(&j->fail, ANKETA_ERR_LIMIT, r->line, j->weight_col + 1, TALLY_UNITS_MSG);
        return -1;
    }
    int64_t g = tally_table_find_hashed(&t->table, ids, h);
    if (g < 0)
        goto nomem;
    if (tally_table_add(&t->table, (size_t)g, 0, w) != 0)
        goto nomem;
    for (size_t i = 0; i < t->question_count; i++)
        if (j->vals[i] >= 0 &&
            tally_table_add(&t->table, (size_t)g, t->questions[i].offset + (size_t)j->vals[i],
                            w) != 0)
            goto nomem;
    t->rows++;
    return 0;
invalid:
    if (!t->cfg.skip_invalid) {
        j->fail = bad;
        return -1;
    }
    if (j->skipped++ == 0)
        j->skip = bad;
    return 1;
nomem:
    note(&j->fail, ANKETA_ERR_NOMEM, 0, 0, "out of memory");
    return -1;
}

/* Finds the header's columns; the first file also fixes the questions. */
static int resolve_header(struct tally_job *j, const struct csv_record *h)
{
    struct anketa_tally *t = j->t;
    char **names = calloc(h->count + 1, sizeof *names);
    int rc = -1;
    if (names == NULL)
        goto nomem;
    for (size_t i = 0; i < h->count; i++) {
        names[i] = malloc(h->f[i].len + 1);
        if (names[i] == NULL)
            goto nomem;
        names[i][csv_field_copy(&h->f[i], names[i])] = '\0';
        for (size_t k = 0; k < i; k++)
            if (strcmp(names[k], names[i]) == 0) {
                note(&j->fail, ANKETA_ERR_INVALID, h->line, (long)i + 1,
                     "duplicate column '%s'", names[i]);
                goto out;
            }
    }
    j->ncols = h->count;
    if (t->settled && t->cfg.question_count == 0) {
        /* Without --questions every q.* column counts: one new in this file
         * joins the questions (the files before lack it). */
        for (size_t i = 0; i < h->count; i++) {
            if (strncmp(names[i], "q.", 2) != 0)
                continue;
            size_t k = 0;
            while (k < t->question_count && strcmp(t->questions[k].column, names[i]) != 0)
                k++;
            if (k == t->question_count && tally_add_question(t, names[i], 1, 0) < 0)
                goto nomem;
        }
    }
    if (t->question_count == 0 && !t->settled) {
        for (size_t i = 0; i < h->count; i++) {
            if (strncmp(names[i], "q.", 2) != 0)
                continue;
            struct tally_question *q = &t->questions[t->question_count];
            if (t->question_count > 0) {
                q = realloc(t->questions, (t->question_count + 1) * sizeof *q);
                if (q == NULL)
                    goto nomem;
                t->questions = q;
                q += t->question_count;
            }
            memset(q, 0, sizeof *q);
            q->lo = 1;
            q->hi = 5;
            if ((q->column = strdup(names[i])) == NULL)
                goto nomem;
            t->question_count++;
        }
    }
    struct anketa_error e;
    if (tally_settle(t, &e) != 0) {
        note(&j->fail, e.code, h->line, 0, "%s", e.message);
        goto out;
    }
    free(j->q_col);
    free(j->vals);
    j->q_col = calloc(t->question_count, sizeof *j->q_col);
    j->vals = calloc(t->question_count, sizeof *j->vals);
    if (j->q_col == NULL || j->vals == NULL)
        goto nomem;
    j->weight_col = -1;
    int stamp = -1;
    for (size_t i = 0; i < h->count; i++) {
        if (strcmp(names[i], "weight") == 0)
            j->weight_col = (int)i;
        if (strcmp(names[i], "submitted_at") == 0)
            stamp = (int)i;
    }
    for (size_t k = 0; k < t->key_count; k++) {
        j->key_col[k] = -1;
        j->key_derived[k] = 0;
        for (size_t i = 0; i < h->count; i++)
            if (strcmp(names[i], t->keys[k].column) == 0)
                j->key_col[k] = (int)i;
        if (j->key_col[k] < 0 && t->keys[k].kind != TALLY_KEY_PLAIN && stamp >= 0) {
            j->key_col[k] = stamp;
            j->key_derived[k] = 1;
        }
        if (j->key_col[k] < 0) {
            note(&j->fail, ANKETA_ERR_INVALID, h->line, 0, "no column '%s'%s", t->keys[k].column,
                 t->keys[k].kind != TALLY_KEY_PLAIN ? " (nor submitted_at to derive it from)" : "");
            goto out;
        }
    }
    for (size_t i = 0; i < t->question_count; i++) {
        j->q_col[i] = -1;
        for (size_t c = 0; c < h->count; c++)
            if (strcmp(names[c], t->questions[i].column) == 0)
                j->q_col[i] = (int)c;
    }
    if (tally_note_file(t, j->name, j->q_col, t->question_count) != 0)
        goto nomem;
    if (tally_filter_columns(j, names, h->count, h->line) != 0)
        goto out;
    rc = 0;
    goto out;
nomem:
    note(&j->fail, ANKETA_ERR_NOMEM, 0, 0, "out of memory");
out:
    for (size_t i = 0; names && i < h->count; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* Counts the records of buf[j->pos..len); at_eof says whether more follows.
 * Returns 0 (pos left at the first unfinished record) or -1. */
int tally_job_run(struct tally_job *j, const char *buf, size_t len, int at_eof)
{
    static const struct csv_dialect canonical = { ',', 0 };
    const struct csv_dialect *d = j->dialect.delimiter ? &j->dialect : &canonical;
    const char *msg;
    long eline;
    for (;;) {
        int rc = csv_scan_record(buf, len, &j->pos, &j->line, at_eof, d, &j->rec, &msg, &eline);
        if (rc == CSV_SCAN_MORE)
            return 0;
        if (rc == CSV_SCAN_ERROR) {
            note(&j->fail, strcmp(msg, "out of memory") ? ANKETA_ERR_PARSE : ANKETA_ERR_NOMEM,
                 eline, 0, "malformed CSV: %s", msg);
            return -1;
        }
        if (tally_job_take(j, &j->rec) != 0)
            return -1;
    }
}

int tally_job_take(struct tally_job *j, const struct csv_record *r)
{
    if (j->ncols == 0)
        return resolve_header(j, r);
    return count_record(j, r) < 0 ? -1 : 0;
}

void tally_job_free(struct tally_job *j)
{
    csv_record_free(&j->rec);
    free(j->scratch);
    free(j->q_col);
    free(j->vals);
}

int tally_job_report(struct anketa_tally *t, struct tally_job *j, long line_base,
                     struct anketa_error *err)
{
    t->left_date += j->left_date;
    t->left_where += j->left_where;
    j->left_date = j->left_where = 0;
    t->skipped += j->skipped;
    if (j->skipped && t->skipped == j->skipped)
        snprintf(t->first_skip, sizeof t->first_skip, "%s:%ld:%ld: %s", j->name,
                 j->skip.line + line_base, j->skip.column, j->skip.msg);
    if (j->fail.code == 0)
        return 0;
    if (j->fail.line == 0)
        return anketa_error_set(err, j->fail.code, "%s: %s", j->name, j->fail.msg);
    return anketa_error_at(err, j->fail.code, j->name, j->fail.line + line_base, j->fail.column,
                           "%s", j->fail.msg);
}
