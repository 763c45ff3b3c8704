/* Partials: a tally's sufficient statistics as CSV, so that map steps count
 * shards and a reduce step merges them exactly (integer sums in any order).
 *   H,anketa-tally-partial/1,<K>,<key>...,<Q>,<question>,<lo>,<hi>...
 *   G,<responses>,<key value>...,<count per scale point of each question>...
 * Counts are in 1/10000 of a response (weights are exact to 4 decimals).
 * A stream may hold several partials one after the other (cat of shards). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>
#include <anketa/tally.h>

#include "tally_int.h"

#define MAGIC "anketa-tally-partial/1"

int anketa_tally_write_partial(struct anketa_tally *t, FILE *fp, struct anketa_error *err)
{
    if (tally_settle(t, err) != 0)
        return err->code;
    int64_t *st = malloc(t->table.nstats * sizeof *st);
    if (st == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    fputs("H," MAGIC ",", fp);
    fprintf(fp, "%zu", t->key_count);
    for (size_t k = 0; k < t->key_count; k++) {
        putc(',', fp);
        anketa_csv_write_field(fp, t->keys[k].column, strlen(t->keys[k].column), ',');
    }
    fprintf(fp, ",%zu", t->question_count);
    for (size_t q = 0; q < t->question_count; q++) {
        putc(',', fp);
        anketa_csv_write_field(fp, t->questions[q].column, strlen(t->questions[q].column), ',');
        fprintf(fp, ",%d,%d", t->questions[q].lo, t->questions[q].hi);
    }
    putc('\n', fp);
    for (size_t g = 0; g < t->table.count; g++) {
        const uint32_t *ids = tally_table_ids(&t->table, g);
        tally_table_load(&t->table, g, 0, t->table.nstats, st);
        fprintf(fp, "G,%" PRId64, st[0]);
        for (size_t k = 0; k < t->key_count; k++) {
            size_t len;
            const char *s = tally_dict_str(&t->keys[k].values, ids[k], &len);
            putc(',', fp);
            anketa_csv_write_field(fp, s, len, ',');
        }
        for (size_t i = 1; i < t->table.nstats; i++)
            fprintf(fp, ",%" PRId64, st[i]);
        putc('\n', fp);
    }
    free(st);
    return 0;
}

static int number(const char *s, int64_t max, int64_t *v)
{
    int64_t n = 0;
    if (*s == '\0')
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || n > (max - (*s - '0')) / 10)
            return -1;
        n = n * 10 + (*s - '0');
    }
    *v = n;
    return 0;
}

/* The questions of the partial being read, as they map onto the tally's:
 * a partial may lack questions others have, or have new ones. */
struct layout {
    size_t count;       /* the partial's questions */
    size_t *index;      /* into t->questions */
    size_t nstats;      /* its counters per group, responses included */
};

static int nomem(struct anketa_error *err)
{
    return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
}

/* Takes the settings of the first header; later ones must have the same
 * keys, and questions they share the same scales (one new to the tally
 * joins it, as a question new in a later file does). */
static int header(struct anketa_tally *t, const struct anketa_csv_row *r, const char *name,
                  struct layout *lay, struct anketa_error *err)
{
    int64_t nk, nq, lo, hi;
    size_t i = 2;
    if (r->count < 4 || strcmp(r->fields[1], MAGIC) != 0 || number(r->fields[2], 64, &nk) != 0)
        goto bad;
    i = 3 + (size_t)nk;
    if (r->count < i + 1 || number(r->fields[i], 10000, &nq) != 0 || nq == 0 ||
        r->count != i + 1 + 3 * (size_t)nq)
        goto bad;
    for (size_t q = 0; q < (size_t)nq; q++)
        if (number(r->fields[i + 2 + 3 * q], 100, &lo) != 0 ||
            number(r->fields[i + 3 + 3 * q], 100, &hi) != 0 || lo >= hi)
            goto bad;
    free(lay->index);
    lay->count = 0;
    lay->nstats = 1;
    if ((lay->index = calloc((size_t)nq, sizeof *lay->index)) == NULL)
        return nomem(err);
    if (t->settled) {
        int same = t->key_count == (size_t)nk;
        for (size_t k = 0; same && k < (size_t)nk; k++)
            same = strcmp(t->keys[k].column, r->fields[3 + k]) == 0;
        if (!same)
            return anketa_error_at(err, ANKETA_ERR_INVALID, name, r->line, 0,
                                   "partial made with other settings (group keys) than the "
                                   "first one");
    } else {
        /* the first partial: its keys become the tally's */
        for (size_t k = 0; k < t->key_count; k++)
            free(t->keys[k].column);
        for (size_t q = 0; q < t->question_count; q++)
            free(t->questions[q].column);
        t->key_count = t->question_count = 0;
        free(t->keys);
        free(t->questions);
        t->keys = calloc((size_t)nk + 1, sizeof *t->keys);
        t->questions = calloc((size_t)nq, sizeof *t->questions);
        if (t->keys == NULL || t->questions == NULL)
            return nomem(err);
        for (size_t k = 0; k < (size_t)nk; k++) {
            if ((t->keys[k].column = strdup(r->fields[3 + k])) == NULL)
                return nomem(err);
            t->keys[k].kind = tally_derived_kind(t->keys[k].column);
            t->key_count++;
        }
        for (size_t q = 0; q < (size_t)nq; q++) {
            struct tally_question *qu = &t->questions[q];
            number(r->fields[i + 2 + 3 * q], 100, &lo);
            number(r->fields[i + 3 + 3 * q], 100, &hi);
            if ((qu->column = strdup(r->fields[i + 1 + 3 * q])) == NULL)
                return nomem(err);
            qu->lo = (int)lo;
            qu->hi = (int)hi;
            qu->explicit_scale = 1;
            t->question_count++;
        }
        if (tally_settle(t, err) != 0)
            return err->code;
    }
    for (size_t q = 0; q < (size_t)nq; q++) {
        const char *column = r->fields[i + 1 + 3 * q];
        number(r->fields[i + 2 + 3 * q], 100, &lo);
        number(r->fields[i + 3 + 3 * q], 100, &hi);
        size_t k = 0;
        while (k < t->question_count && strcmp(t->questions[k].column, column) != 0)
            k++;
        for (size_t seen = 0; seen < q; seen++)
            if (lay->index[seen] == k && k < t->question_count)
                goto bad;
        if (k == t->question_count && tally_add_question(t, column, (int)lo, (int)hi) < 0)
            return nomem(err);
        if (t->questions[k].lo != lo || t->questions[k].hi != hi)
            return anketa_error_at(err, ANKETA_ERR_INVALID, name, r->line, 0,
                                   "partial with %s on the scale %d-%d, not %d-%d as before",
                                   column, (int)lo, (int)hi, t->questions[k].lo,
                                   t->questions[k].hi);
        lay->index[q] = k;
        lay->nstats += (size_t)(hi - lo + 1);
        lay->count++;
    }
    return 0;
bad:
    return anketa_error_at(err, ANKETA_ERR_INVALID, name, r->line, 0,
                           "not a tally partial header (want H," MAGIC ",...)");
}

static int group(struct anketa_tally *t, const struct anketa_csv_row *r, const char *name,
                 const struct layout *lay, struct anketa_error *err)
{
    uint32_t ids[64];
    int64_t v[1024];
    size_t ns = lay->nstats, nk = t->key_count;
    if (ns > 1024)
        return anketa_error_set(err, ANKETA_ERR_LIMIT, "%s: too many scale points", name);
    if (r->count != 1 + ns + nk)
        return anketa_error_at(err, ANKETA_ERR_INVALID, name, r->line, 0,
                               "%zu fields where the partial's header asks for %zu",
                               r->count, 1 + ns + nk);
    /* counts first, keys after: nothing is added from a bad row */
    for (size_t i = 0; i < ns; i++) {
        const char *f = r->fields[i == 0 ? 1 : 1 + nk + i];
        if (number(f, TALLY_UNITS_MAX, &v[i]) != 0)
            return anketa_error_at(err, ANKETA_ERR_INVALID, name, r->line,
                                   (long)(i == 0 ? 2 : 1 + nk + i + 1),
                                   "'%.40s' is not a count", f);
    }
    /* no question answered more often than the group has responses: then
     * every sum stays within the tally's bound */
    for (size_t q = 0, at = 1; q < lay->count; q++) {
        const struct tally_question *qu = &t->questions[lay->index[q]];
        int64_t answered = 0;
        for (int p = 0; p <= qu->hi - qu->lo; p++)
            answered += v[at++];
        if (answered > v[0])
            return anketa_error_at(err, ANKETA_ERR_INVALID, name, r->line, 0,
                                   "%s answered %" PRId64 " times in a group of %" PRId64
                                   " responses (in 1/10000)", qu->column, answered, v[0]);
    }
    if (tally_add_units(t, v[0]) != 0)
        return anketa_error_at(err, ANKETA_ERR_LIMIT, name, r->line, 2, TALLY_UNITS_MSG);
    for (size_t k = 0; k < nk; k++) {
        int64_t id = tally_key_id(&t->keys[k], r->fields[2 + k], r->lengths[2 + k]);
        if (id < 0)
            return nomem(err);
        ids[k] = (uint32_t)id;
    }
    int64_t g = tally_table_find(&t->table, ids);
    if (g < 0)
        return nomem(err);
    /* within TALLY_UNITS_MAX, checked above; the partial's questions put in
     * the places of the tally's (a partial may lack some, or order them
     * otherwise) */
    if (v[0] != 0 && tally_table_add(&t->table, (size_t)g, 0, v[0]) != 0)
        return nomem(err);
    for (size_t q = 0, at = 1; q < lay->count; q++) {
        const struct tally_question *qu = &t->questions[lay->index[q]];
        for (int p = 0; p <= qu->hi - qu->lo; p++, at++)
            if (v[at] != 0 && tally_table_add(&t->table, (size_t)g, qu->offset + (size_t)p,
                                              v[at]) != 0)
                return nomem(err);
    }
    return 0;
}

static int add_partial(struct anketa_tally *t, struct anketa_csv_reader *rd,
                       struct anketa_error *err)
{
    const struct anketa_csv_row *r;
    struct layout lay = { 0 };
    int rc, seen = 0;
    if (rd == NULL)
        return err->code;
    const char *name = anketa_csv_reader_name(rd);
    while ((rc = anketa_csv_reader_next(rd, &r, err)) > 0) {
        if (r->count >= 1 && strcmp(r->fields[0], "H") == 0) {
            if ((rc = header(t, r, name, &lay, err)) != 0)
                break;
            seen = 1;
        } else if (r->count >= 1 && strcmp(r->fields[0], "G") == 0 && seen) {
            if ((rc = group(t, r, name, &lay, err)) != 0)
                break;
        } else {
            rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, r->line, 0,
                                 seen ? "not a partial row (want G,...)"
                                      : "not a tally partial (made by tally --partial?)");
            break;
        }
    }
    if (rc == 0 && !seen)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, 0, 0, "empty input: no partial");
    anketa_csv_reader_free(rd);
    free(lay.index);
    return rc < 0 ? rc : 0;
}

int anketa_tally_add_partial(struct anketa_tally *t, const char *path, struct anketa_error *err)
{
    return add_partial(t, anketa_csv_reader_open(path, ',', err), err);
}

int tally_add_partial_stream(struct anketa_tally *t, FILE *fp, const char *name,
                             struct anketa_error *err)
{
    return add_partial(t, anketa_csv_reader_new(fp, name, ',', err), err);
}
