/* ingest: a file's header to canonical fields and questions. */
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

/* Which column answers question q: "q.<id>", the campaign's text, or a
 * header pattern of the profile. */
static int question_matches(const struct anketa_ingest *in, const struct question_column *q,
                            const char *raw, const char *folded)
{
    if (strcmp(raw, q->name) == 0 || (q->text && strcmp(folded, q->text) == 0))
        return 1;
    const char *id = q->name + 2;
    for (size_t i = 0; i < in->profile->question_count; i++)
        if (strcmp(in->profile->questions[i].id, id) == 0 &&
            header_matches(&in->profile->questions[i].headers, folded))
            return 1;
    return 0;
}

/* A file where no question has a column gives responses without answers:
 * legal (a form may ask only some questions, though not none), but a wrong
 * profile looks just like it, so say so. */
static void warn_no_questions(struct anketa_ingest *in, const char *file)
{
    for (size_t q = 0; q < in->question_count; q++)
        if (in->questions[q].column >= 0)
            return;
    in->cfg.on_warning(in->cfg.ctx, file,
                       in->campaign ? "no column answers any question of the campaign (q.<id>, "
                                      "its text, or a pattern of the profile): no answers are read"
                                    : "no q.* columns: without a campaign only q.<id> headers are "
                                      "questions, so no answers are read");
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
    int rc = raw && folded ? 0 : ingest_nomem(err);
    for (size_t i = 0; rc == 0 && i < h->count; i++) {
        size_t len = h->lengths[i];
        raw[i] = malloc(3 * len + 1);
        folded[i] = malloc(3 * len + 1);
        if (raw[i] == NULL || folded[i] == NULL) {
            rc = ingest_nomem(err);
            break;
        }
        /* A header is read whatever its bytes: what does not decode shows as U+FFFD. */
        if (src->encoding != ANKETA_ENCODING_CP1251 ||
            ingest_cp1251_to_utf8(h->fields[i], len, raw[i]) < 0)
            ingest_utf8_repair(h->fields[i], len, raw[i]);
        ingest_fold(raw[i], strlen(raw[i]), folded[i]);
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
            if (question_matches(in, &in->questions[q], raw[i], folded[i]))
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
    if (rc == 0 && in->cfg.on_warning)
        warn_no_questions(in, src->name);
    /* Identifying columns never reach the output; say how many were left out. */
    for (size_t i = 0; rc == 0 && i < h->count; i++)
        if (header_matches(&p->identifying, folded[i]))
            in->counts.columns_dropped++;
    for (size_t i = 0; i < h->count; i++) {
        if (raw)
            free(raw[i]);
        if (folded)
            free(folded[i]);
    }
    free(raw);
    free(folded);
    if (rc == 0 && !in->header_written)
        write_header(in);
    return rc;
}

