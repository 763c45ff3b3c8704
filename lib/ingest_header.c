/* ingest: a file's header to canonical fields and questions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "ingest_int.h"

static int header_matches(const struct ingest_patterns *p, const char *folded)
{
    for (size_t i = 0; i < p->n; i++)
        if (ingest_glob(p->v[i], folded))
            return 1;
    return 0;
}

static void write_header(struct anketa_ingest *in)
{
    FILE *fp = in->cfg.out;
    fputs("response_id,submitted_at,source,channel,authority,direction,item,point,"
          "municipality,weight", fp);
    for (size_t i = 0; i < in->question_count; i++) {
        putc(',', fp);
        anketa_csv_write_field(fp, in->questions[i].name, strlen(in->questions[i].name), ',');
    }
    fputs(",comment\n", fp);
    in->header_written = 1;
}

/* Which column answers question q: "q.<id>", the campaign's text (as a
 * key: numbering, a required star, case and spacing aside), or a header
 * pattern of the profile. */
static int question_matches(const struct anketa_ingest *in, const struct question_column *q,
                            const char *raw, const char *folded, const char *key)
{
    if (strcmp(raw, q->name) == 0 || (q->text && strcmp(key, q->text) == 0))
        return 1;
    const char *id = q->name + 2;
    for (size_t i = 0; i < in->profile->question_count; i++)
        if (strcmp(in->profile->questions[i].id, id) == 0 &&
            header_matches(&in->profile->questions[i].headers, folded))
            return 1;
    return 0;
}

static void warn(struct anketa_ingest *in, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warn(struct anketa_ingest *in, const char *file, const char *fmt, ...)
{
    char message[640];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    ingest_warn(in, file, message);
}

/* s for a message: at most cap - 4 bytes, cut at a character, "..." if cut. */
static const char *shortened(const char *s, char *buf, size_t cap)
{
    size_t n = strlen(s);
    if (n < cap)
        return s;
    n = cap - 4;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(buf, s, n);
    memcpy(buf + n, "...", 4);
    return buf;
}

/* What the header leaves unmatched: the questions no column answers (their
 * answers would be empty without a word) and each column that answers
 * nothing (no field, question or identifying pattern: often a question
 * spelt otherwise). Returns how many. */
static size_t warn_unmatched(struct anketa_ingest *in, const struct ingest_record *h,
                             char **raw, char **folded)
{
    const char *file = in->src->name;
    size_t missing = 0, unused = 0;
    char list[600];
    int at = 0;
    for (size_t q = 0; q < in->question_count; q++)
        if (in->questions[q].column < 0 && ++missing && at < (int)sizeof list - 100)
            at += snprintf(list + at, sizeof list - (size_t)at, "%s%s", missing > 1 ? ", " : "",
                           in->questions[q].name);
    int none = missing == in->question_count;
    if (none)
        /* A wrong profile looks just like this: one line says it all. */
        warn(in, file, "%s", in->campaign
                 ? "no column answers any question of the campaign (q.<id>, its text, or a "
                   "pattern of the profile): no answers are read"
                 : "no q.* columns: without a campaign only q.<id> headers are questions, so "
                   "no answers are read");
    else if (missing > 0)
        warn(in, file, "no column answers %s%s%s: %s answers are empty",
             missing == 1 ? "question " : "questions ", list,
             at >= (int)sizeof list - 100 ? " and more" : "", missing == 1 ? "its" : "their");
    for (size_t i = 0; i < h->count; i++) {
        int used = folded[i][0] == '\0' || header_matches(&in->profile->identifying, folded[i]);
        for (int f = 0; !used && f < FIELD_COUNT; f++)
            for (size_t k = 0; k < in->column_count[f]; k++)
                used |= in->columns[f][k] == (int)i;
        for (size_t q = 0; !used && q < in->question_count; q++)
            used = in->questions[q].column == (int)i;
        char buf[200];
        if (!used && ++unused && !none)
            warn(in, file, "column %zu '%s' answers nothing: no field, question or "
                           "identifying pattern matches it", i + 1,
                 shortened(raw[i], buf, sizeof buf));
    }
    return missing + unused;
}

int ingest_begin_file(struct anketa_ingest *in, struct ingest_source *src,
                      const struct ingest_record *h, struct anketa_error *err)
{
    const struct anketa_profile *p = in->profile;
    in->src = src;
    in->width = h->count;
    for (int f = 0; f < FIELD_COUNT; f++) {
        free(in->columns[f]);
        in->column_count[f] = 0;
        if ((in->columns[f] = malloc((h->count + 1) * sizeof(int))) == NULL)
            return ingest_nomem(err);
    }
    for (size_t i = 0; i < in->question_count; i++)
        in->questions[i].column = -1;
    /* The header as UTF-8, raw and folded. */
    char **raw = calloc(h->count, sizeof *raw), **folded = calloc(h->count, sizeof *folded);
    char **key = calloc(h->count, sizeof *key);
    int rc = raw && folded && key ? 0 : ingest_nomem(err);
    for (size_t i = 0; rc == 0 && i < h->count; i++) {
        size_t len = h->lengths[i];
        raw[i] = malloc(3 * len + 1);
        folded[i] = malloc(3 * len + 1);
        key[i] = malloc(3 * len + 1);
        if (raw[i] == NULL || folded[i] == NULL || key[i] == NULL) {
            rc = ingest_nomem(err);
            break;
        }
        /* A header is read whatever its bytes: what does not decode shows as U+FFFD. */
        if (src->encoding != ANKETA_ENCODING_CP1251 ||
            ingest_cp1251_to_utf8(h->fields[i], len, raw[i]) < 0)
            ingest_utf8_repair(h->fields[i], len, raw[i]);
        ingest_fold(raw[i], strlen(raw[i]), folded[i]);
        ingest_question_key(folded[i], key[i]);
    }
    /* Fields: in the order of the profile's patterns, so the first pattern wins. */
    for (int f = 0; rc == 0 && f < FIELD_COUNT; f++)
        for (size_t k = 0; k < p->fields[f].n; k++)
            for (size_t i = 0; i < h->count; i++)
                if (ingest_glob(p->fields[f].v[k], folded[i])) {
                    size_t j = 0;
                    while (j < in->column_count[f] && in->columns[f][j] != (int)i)
                        j++;
                    if (j == in->column_count[f])
                        in->columns[f][in->column_count[f]++] = (int)i;
                }
    /* Without a campaign, the first file's q.* columns are the questions. */
    if (rc == 0 && in->campaign == NULL && !in->header_written)
        for (size_t i = 0; rc == 0 && i < h->count; i++)
            if (strncmp(raw[i], "q.", 2) == 0 && raw[i][2] &&
                ingest_add_question(in, raw[i], NULL, 1, 0) != 0)
                rc = ingest_nomem(err);
    for (size_t q = 0; rc == 0 && q < in->question_count; q++)
        for (size_t i = 0; i < h->count && in->questions[q].column < 0; i++)
            if (question_matches(in, &in->questions[q], raw[i], folded[i], key[i]))
                in->questions[q].column = (int)i;
    if (rc == 0 && in->campaign == NULL)
        for (size_t i = 0; i < h->count; i++) {
            int known = 0;
            for (size_t q = 0; q < in->question_count; q++)
                known |= in->questions[q].column == (int)i;
            if (strncmp(raw[i], "q.", 2) == 0 && !known) {
                rc = anketa_error_at(err, ANKETA_ERR_INVALID, src->name, h->line, (long)i + 1,
                                     "question column '%s' is not in the first file", raw[i]);
                break;
            }
        }
    for (int f = 0; rc == 0 && f < FIELD_COUNT; f++) {
        if (in->column_count[f] > 0 || (f != FIELD_ID && f != FIELD_DATE))
            continue;
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, src->name, h->line, 0,
                             "no column for %s: the profile '%s' looks for '%s'%s",
                             ingest_field_names[f], p->name, p->fields[f].v[0],
                             p->fields[f].n > 1 ? " and others" : "");
    }
    size_t unmatched = rc == 0 ? warn_unmatched(in, h, raw, folded) : 0;
    if (rc == 0 && unmatched > 0 && in->cfg.strict)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, src->name, h->line, 0,
                             "--strict: %zu unmatched (questions without a column, columns "
                             "answering nothing: named above)", unmatched);
    /* Identifying columns never reach the output; say how many were left out.
     * A reject under --anonymous leaves them out too and hashes its id. */
    free(in->column_role);
    in->column_role = NULL;
    if (rc == 0 && (in->column_role = calloc(h->count + 1, 1)) == NULL)
        rc = ingest_nomem(err);
    for (size_t i = 0; rc == 0 && i < h->count; i++)
        if (header_matches(&p->identifying, folded[i])) {
            in->counts.columns_dropped++;
            in->column_role[i] = COLUMN_IDENTIFYING;
        }
    for (size_t k = 0; rc == 0 && k < in->column_count[FIELD_DATE]; k++)
        in->column_role[in->columns[FIELD_DATE][k]] = COLUMN_DATE;
    for (size_t k = 0; rc == 0 && k < in->column_count[FIELD_ID]; k++)
        in->column_role[in->columns[FIELD_ID][k]] = COLUMN_ID;
    for (size_t i = 0; i < h->count; i++) {
        if (raw)
            free(raw[i]);
        if (folded)
            free(folded[i]);
        if (key)
            free(key[i]);
    }
    free(raw);
    free(folded);
    free(key);
    if (rc == 0 && !in->header_written)
        write_header(in);
    return rc;
}

