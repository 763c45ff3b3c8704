/* A tally: its settings, the question list with scales, key dictionaries and
 * the group table; merging two tallies; the campaign's coverage groups. */
#include <stdlib.h>
#include <string.h>

#include <anketa/tally.h>

#include "tally_int.h"
#include "util.h"

/* Parses "column" or "column:LO-HI" (the range after the last ':'). */
static int parse_spec(const char *spec, struct tally_question *q, struct anketa_error *err)
{
    const char *colon = strrchr(spec, ':');
    size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
    if (n == 0)
        return anketa_error_set(err, ANKETA_ERR_USAGE, "empty question column in '%s'", spec);
    q->column = malloc(n + 1);
    if (q->column == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    memcpy(q->column, spec, n);
    q->column[n] = '\0';
    q->lo = 1;
    q->hi = 5;
    if (colon && strcmp(colon + 1, "yes/no") == 0) {
        q->lo = 0;
        q->hi = 1;
        q->explicit_scale = q->yesno = 1;
    } else if (colon) {
        char *end;
        long lo = strtol(colon + 1, &end, 10), hi;
        if (end == colon + 1 || *end != '-')
            goto bad;
        const char *h = end + 1;
        hi = strtol(h, &end, 10);
        if (end == h || *end != '\0' || lo < 0 || hi > 100 || lo >= hi)
            goto bad;
        q->lo = (int)lo;
        q->hi = (int)hi;
        q->explicit_scale = 1;
    }
    return 0;
bad:
    free(q->column);
    q->column = NULL;
    return anketa_error_set(err, ANKETA_ERR_USAGE,
                            "bad scale in '%s' (want COLUMN:LO-HI, 0 <= LO < HI <= 100, "
                            "or COLUMN:yes/no)", spec);
}

struct anketa_tally *anketa_tally_new(const struct anketa_tally_config *cfg,
                                      struct anketa_error *err)
{
    struct anketa_tally *t = calloc(1, sizeof *t);
    if (t == NULL) {
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    t->cfg = *cfg;
    t->cfg.keys = NULL;
    t->cfg.questions = NULL;
    t->keys = calloc(cfg->key_count ? cfg->key_count : 1, sizeof *t->keys);
    t->questions = calloc(cfg->question_count ? cfg->question_count : 1, sizeof *t->questions);
    if (t->keys == NULL || t->questions == NULL)
        goto nomem;
    if (cfg->key_count > 64) {
        anketa_error_set(err, ANKETA_ERR_USAGE, "more than 64 group keys");
        goto fail;
    }
    for (size_t i = 0; i < cfg->key_count; i++) {
        for (size_t j = 0; j < i; j++)
            if (strcmp(cfg->keys[i], cfg->keys[j]) == 0) {
                anketa_error_set(err, ANKETA_ERR_USAGE, "group key '%s' given twice", cfg->keys[i]);
                goto fail;
            }
        if (cfg->keys[i][0] == '\0' || strcmp(cfg->keys[i], "question") == 0) {
            anketa_error_set(err, ANKETA_ERR_USAGE, "'%s' cannot be a group key", cfg->keys[i]);
            goto fail;
        }
        if ((t->keys[i].column = strdup(cfg->keys[i])) == NULL)
            goto nomem;
        t->keys[i].kind = tally_derived_kind(cfg->keys[i]);
        t->key_count++;
    }
    for (size_t i = 0; i < cfg->question_count; i++) {
        if (parse_spec(cfg->questions[i], &t->questions[i], err) != 0)
            goto fail;
        t->question_count++;
        for (size_t j = 0; j < i; j++)
            if (strcmp(t->questions[i].column, t->questions[j].column) == 0) {
                anketa_error_set(err, ANKETA_ERR_USAGE, "question '%s' given twice",
                                 t->questions[i].column);
                goto fail;
            }
    }
    if (tally_filters_init(t, cfg, err) != 0)
        goto fail;
    t->cfg.from = t->cfg.to = t->cfg.period = NULL;
    t->cfg.where = NULL;
    t->cfg.where_count = 0;
    return t;
nomem:
    anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
fail:
    anketa_tally_free(t);
    return NULL;
}

void anketa_tally_free(struct anketa_tally *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->key_count; i++) {
        free(t->keys[i].column);
        tally_dict_free(&t->keys[i].values);
        tally_dict_free(&t->keys[i].dates);
        free(t->keys[i].date_value);
    }
    for (size_t i = 0; i < t->question_count; i++)
        free(t->questions[i].column);
    for (size_t i = 0; i < t->file_count; i++) {
        free(t->files[i].name);
        free(t->files[i].has);
    }
    free(t->files);
    tally_filters_free(t);
    free(t->keys);
    free(t->questions);
    tally_table_free(&t->table);
    free(t);
}

void tally_campaign_scale(const struct anketa_tally *t, struct tally_question *q)
{
    if (q->explicit_scale || t->cfg.campaign == NULL)
        return;
    const char *id = strncmp(q->column, "q.", 2) == 0 ? q->column + 2 : q->column;
    const struct anketa_question *cq = anketa_campaign_question(t->cfg.campaign, id);
    if (cq) {
        q->lo = cq->lo;
        q->hi = cq->hi;
    }
}

int tally_settle(struct anketa_tally *t, struct anketa_error *err)
{
    if (t->settled)
        return 0;
    if (t->question_count == 0)
        return anketa_error_set(err, ANKETA_ERR_INVALID,
                                "no questions: no q.* column in the input and no --questions given");
    size_t nstats = 1;
    t->lo = 100;
    t->hi = 0;
    for (size_t i = 0; i < t->question_count; i++) {
        struct tally_question *q = &t->questions[i];
        tally_campaign_scale(t, q);
        q->offset = nstats;
        nstats += (size_t)(q->hi - q->lo + 1);
        if (q->lo < t->lo)
            t->lo = q->lo;
        if (q->hi > t->hi)
            t->hi = q->hi;
    }
    tally_table_init(&t->table, t->key_count, nstats);
    t->settled = 1;
    return 0;
}

int64_t tally_key_id(struct tally_key *k, const char *s, size_t len)
{
    return tally_dict_intern(&k->values, s, len);
}

int tally_add_units(struct anketa_tally *t, int64_t w)
{
    if (w > TALLY_UNITS_MAX - t->units)
        return -1;
    t->units += w;
    return 0;
}

int tally_absorb(struct anketa_tally *dst, struct anketa_tally *src, int release,
                 const char *name, struct anketa_error *err)
{
    size_t nk = dst->key_count, ns = dst->table.nstats;
    uint32_t **remap = calloc(nk ? nk : 1, sizeof *remap);
    uint32_t ids[64];
    int64_t *stats = malloc(ns * sizeof *stats);
    int rc = 0;
    if (remap == NULL || stats == NULL || nk > 64)
        goto nomem;
    if (tally_add_units(dst, src->units) != 0) {
        rc = anketa_error_at(err, ANKETA_ERR_LIMIT, name, 0, 0, TALLY_UNITS_MSG);
        goto done;
    }
    if (release)
        tally_table_drop_index(&src->table);    /* never looked up again */
    /* Dictionaries are small next to the groups: map each id once. */
    for (size_t k = 0; k < nk; k++) {
        const struct tally_dict *d = &src->keys[k].values;
        if ((remap[k] = malloc((d->count + 1) * sizeof **remap)) == NULL)
            goto nomem;
        for (uint32_t i = 0; i < d->count; i++) {
            size_t len;
            const char *s = tally_dict_str(d, i, &len);
            int64_t id = tally_dict_intern(&dst->keys[k].values, s, len);
            if (id < 0)
                goto nomem;
            remap[k][i] = (uint32_t)id;
        }
    }
    /* Groups are hashed a few ahead so that their slots are fetched early. */
    enum { AHEAD = 8 };
    uint32_t ring[AHEAD][64];
    uint64_t hash[AHEAD];
    size_t n = src->table.count;
    for (size_t g = 0; g < n + AHEAD; g++) {
        if (g >= AHEAD) {
            size_t h = g - AHEAD;
            memcpy(ids, ring[h % AHEAD], nk * sizeof *ids);
            int64_t dg = tally_table_find_hashed(&dst->table, ids, hash[h % AHEAD]);
            if (dg < 0)
                goto nomem;
            tally_table_load(&src->table, h, 0, ns, stats);
            if (tally_table_add_all(&dst->table, (size_t)dg, stats) != 0)
                goto nomem;
            /* src is read once: its blocks go as soon as they are read */
            if (release && ((h + 1) & (((size_t)1 << src->table.chunk_bits) - 1)) == 0)
                tally_table_release(&src->table, h + 1);
        }
        if (g < n) {
            const uint32_t *sid = tally_table_ids(&src->table, g);
            uint32_t *r = ring[g % AHEAD];
            for (size_t k = 0; k < nk; k++)
                r[k] = sid[k] == TALLY_STAR ? TALLY_STAR : remap[k][sid[k]];
            hash[g % AHEAD] = tally_table_hash(&dst->table, r);
        }
    }
    dst->rows += src->rows;
    dst->skipped += src->skipped;
    dst->left_date += src->left_date;
    dst->left_where += src->left_where;
    goto done;
nomem:
    rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
done:
    for (size_t k = 0; remap && k < nk; k++)
        free(remap[k]);
    free(remap);
    free(stats);
    return rc;
}

long anketa_tally_skipped(const struct anketa_tally *t, const char **first)
{
    if (first)
        *first = t->skipped ? t->first_skip : NULL;
    return t->skipped;
}

void anketa_tally_left_out(const struct anketa_tally *t, long *by_date, long *by_where,
                           const char **from, const char **to)
{
    if (by_date)
        *by_date = t->left_date;
    if (by_where)
        *by_where = t->left_where;
    if (from)
        *from = t->from;
    if (to)
        *to = t->to;
}

/* ---- coverage ---- */

enum { DIM_AUTHORITY, DIM_DIRECTION, DIM_ITEM, DIM_POINT, DIM_MUNICIPALITY, DIM_COUNT };

static int dimension(const char *name)
{
    static const char *const dims[] = {"authority", "direction", "item", "point", "municipality"};
    for (int i = 0; i < DIM_COUNT; i++)
        if (strcmp(name, dims[i]) == 0)
            return i;
    return -1;
}

/* Adds one campaign combination (NULL: not applicable) projected on the keys. */
static int cover(struct anketa_tally *t, const int *dim, const char *const *vals,
                 struct anketa_error *err)
{
    uint32_t ids[64];
    for (size_t k = 0; k < t->key_count; k++) {
        const char *v = vals[dim[k]];
        if (v == NULL)
            return 0;
        int64_t id = tally_key_id(&t->keys[k], v, strlen(v));
        if (id < 0)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        ids[k] = (uint32_t)id;
    }
    if (tally_table_find(&t->table, ids) < 0)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    return 0;
}

int anketa_tally_add_coverage(struct anketa_tally *t, struct anketa_error *err)
{
    const struct anketa_campaign *c = t->cfg.campaign;
    int dim[64];
    if (c == NULL || t->key_count == 0 || t->key_count > 64)
        return 0;
    for (size_t k = 0; k < t->key_count; k++)
        if ((dim[k] = dimension(t->keys[k].column)) < 0)
            return 0;
    if (tally_settle(t, err) != 0)
        return err->code;
    const char *v[DIM_COUNT];
    for (size_t i = 0; i < c->point_count; i++) {
        const struct anketa_point *p = &c->points[i];
        for (size_t j = 0; j < p->item_count; j++) {
            const struct anketa_item *it = p->items[j];
            v[DIM_AUTHORITY] = it->authority ? it->authority->id : NULL;
            v[DIM_DIRECTION] = it->direction ? it->direction->id : NULL;
            v[DIM_ITEM] = it->id;
            v[DIM_POINT] = p->id;
            v[DIM_MUNICIPALITY] = p->municipality;
            if (cover(t, dim, v, err) != 0)
                return err->code;
        }
    }
    for (size_t i = 0; i < c->item_count; i++) {
        const struct anketa_item *it = &c->items[i];
        v[DIM_AUTHORITY] = it->authority ? it->authority->id : NULL;
        v[DIM_DIRECTION] = it->direction ? it->direction->id : NULL;
        v[DIM_ITEM] = it->id;
        v[DIM_POINT] = v[DIM_MUNICIPALITY] = NULL;
        if (cover(t, dim, v, err) != 0)
            return err->code;
    }
    for (size_t i = 0; i < c->authority_count; i++) {
        const struct anketa_authority *a = &c->authorities[i];
        for (size_t j = 0; j < a->survey_count; j++) {
            v[DIM_AUTHORITY] = a->id;
            v[DIM_DIRECTION] = a->surveys[j].direction ? a->surveys[j].direction->id : NULL;
            v[DIM_ITEM] = v[DIM_POINT] = v[DIM_MUNICIPALITY] = NULL;
            if (cover(t, dim, v, err) != 0)
                return err->code;
        }
    }
    return 0;
}
