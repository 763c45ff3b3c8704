/* ingest: one record to the output, the rejects or the duplicate count:
 * decoded, resolved against the campaign, scored, checked against the ids
 * seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_int.h"
#include "util.h"

/* What take() did: the record went out (or was a duplicate), is to be
 * rejected with `why`, or the run stops. */
enum { TAKE_OK = 0, TAKE_REJECT = -1, TAKE_NOMEM = -2, TAKE_STOP = -3 };

static int reserve_fields(size_t **off, size_t **len, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t *o = realloc(*off, need * sizeof *o);
    if (o)
        *off = o;
    size_t *l = o ? realloc(*len, need * sizeof *l) : NULL;
    if (l == NULL)
        return -1;
    *len = l;
    *cap = need;
    return 0;
}

static int has_high_byte(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

/* Bit 0: s holds a NUL; bit 1: a CR. Eight bytes a step ("has a zero
 * byte" is exact as a yes/no): every byte of every field passes here. */
static unsigned nul_or_cr(const char *s, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    unsigned seen = 0;
    size_t k = 0;
    for (; k + 8 <= len; k += 8) {
        uint64_t w, x;
        memcpy(&w, s + k, 8);
        x = w ^ (ones * '\r');
        seen |= ((w - ones) & ~w & highs) != 0;
        seen |= (((x - ones) & ~x & highs) != 0) << 1;
    }
    for (; k < len; k++)
        seen |= (s[k] == '\0') | (s[k] == '\r') << 1;
    return seen;
}

/* The record's fields as trimmed UTF-8 in in->text; a reason on failure. */
static int decode_fields(struct anketa_ingest *in, const struct ingest_record *rec, char *why)
{
    if (reserve_fields(&in->text_off, &in->text_len, &in->text_cap, rec->count) != 0)
        return TAKE_NOMEM;
    in->text.len = 0;
    for (size_t i = 0; i < rec->count; i++) {
        const char *f = rec->fields[i];
        size_t len = rec->lengths[i];
        unsigned seen = nul_or_cr(f, len);   /* one pass for both, not two memchr */
        if (seen & 1) {
            snprintf(why, INGEST_WHY, "a NUL byte in field %zu", i + 1);
            return TAKE_REJECT;
        }
        if (anketa_reserve((void **)&in->text.p, &in->text.cap, in->text.len + 3 * len + 1, 1) != 0)
            return TAKE_NOMEM;
        char *dst = in->text.p + in->text.len;
        if (in->src->encoding == ANKETA_ENCODING_CP1251) {
            if (in->src->mixed && has_high_byte(f, len) && ingest_utf8_valid(f, len)) {
                snprintf(why, INGEST_WHY, "field %zu is UTF-8 in %s read as Windows-1251%s "
                         "(mixed encodings; give --encoding)", i + 1,
                         in->src->mixed == MIXED_FILE ? "a file" : "input",
                         in->src->mixed == MIXED_FILE ? ", as most of its lines are"
                                                      : " from its first non-ASCII block");
                return TAKE_REJECT;
            }
            long n = ingest_cp1251_to_utf8(f, len, dst);
            if (n < 0) {
                snprintf(why, INGEST_WHY, "field %zu has byte 0x98, which is no Windows-1251 "
                                          "character (is the file in another encoding?)", i + 1);
                return TAKE_REJECT;
            }
            len = (size_t)n;
        } else {
            if (!ingest_utf8_valid(f, len) && in->src->mixed) {
                snprintf(why, INGEST_WHY, "field %zu is not UTF-8 in a file read as UTF-8, as "
                                          "most of its lines are (mixed encodings; give "
                                          "--encoding)", i + 1);
                return TAKE_REJECT;
            }
            if (!ingest_utf8_valid(f, len)) {
                snprintf(why, INGEST_WHY, "field %zu is not valid UTF-8 (the file was read as "
                                          "UTF-8; give --encoding if it is not)", i + 1);
                return TAKE_REJECT;
            }
            memcpy(dst, f, len);
        }
        /* Line ends inside a quoted field follow the file's saving program:
         * CRLF becomes LF, so the same answer reads the same from either. */
        if (seen & 2) {
            size_t w = 0;
            for (size_t k = 0; k < len; k++)
                if (!(dst[k] == '\r' && k + 1 < len && dst[k + 1] == '\n'))
                    dst[w++] = dst[k];
            len = w;
        }
        size_t b = 0;
        while (b < len && (dst[b] == ' ' || dst[b] == '\t' || dst[b] == '\r' || dst[b] == '\n'))
            b++;
        while (len > b && (dst[len - 1] == ' ' || dst[len - 1] == '\t' || dst[len - 1] == '\r' ||
                           dst[len - 1] == '\n'))
            len--;
        dst[len] = '\0';
        in->text_off[i] = in->text.len + b;
        in->text_len[i] = len - b;
        in->text.len += len + 1;
    }
    return 0;
}

static const char *column_text(const struct anketa_ingest *in, int column)
{
    return in->text.p + in->text_off[column];
}

/* The first non-empty value among the field's columns, or "". */
static const char *field_value(const struct anketa_ingest *in, int f)
{
    for (size_t i = 0; i < in->column_count[f]; i++)
        if (in->text_len[in->columns[f][i]] > 0)
            return column_text(in, in->columns[f][i]);
    return in->cfg.set[f] ? in->cfg.set[f] : "";   /* --set */
}

static int row_put(struct anketa_ingest *in, size_t index, const char *s, size_t len)
{
    return ingest_arena_put(&in->row, s, len, &in->row_off[index]) != 0 ? -1
         : (in->row_len[index] = len, 0);
}

static const struct anketa_point *find_point(const struct anketa_campaign *c, const char *v)
{
    const struct anketa_point *p = anketa_campaign_point(c, v);
    return p ? p : anketa_campaign_point_by_name(c, v);
}

static int offers(const struct anketa_point *p, const struct anketa_item *it)
{
    for (size_t k = 0; k < p->item_count; k++)
        if (p->items[k] == it)
            return 1;
    return 0;
}

/* An item by id or exact name. A name several items share is told apart by
 * the point, the authority and the direction the record has (or --set gives);
 * when they leave more than one, the item stays blank (*shared set, the
 * authority and direction kept when all of them agree), never a reject. */
static const struct anketa_item *find_item(const struct anketa_ingest *in, const char *v,
                                           const struct anketa_point *point,
                                           const struct anketa_authority **auth,
                                           const struct anketa_direction **dir, int *shared,
                                           char *why)
{
    const struct anketa_campaign *c = in->campaign;
    const struct anketa_item *it = anketa_campaign_item(c, v), *found = NULL;
    size_t i, n = 0;
    if (it)
        return it;
    if (!anketa_strmap_get(&in->item_names, v, &i)) {
        snprintf(why, INGEST_WHY, "item '%.200s' is not in the campaign", v);
        return NULL;
    }
    if (!in->item_ambiguous[i])
        return &c->items[i];
    const struct anketa_authority *same_auth = NULL;
    const struct anketa_direction *same_dir = NULL;
    for (size_t k = i; k < c->item_count; k++) {
        it = &c->items[k];
        if (strcmp(it->name, v) != 0 || (*auth && it->authority != *auth) ||
            (*dir && it->direction != *dir) || (point && !offers(point, it)))
            continue;
        same_auth = n == 0 || same_auth == it->authority ? it->authority : NULL;
        same_dir = n == 0 || same_dir == it->direction ? it->direction : NULL;
        found = it;
        n++;
    }
    if (n == 1)
        return found;
    if (n == 0) {
        snprintf(why, INGEST_WHY, "no item named '%.200s' is of %s '%.60s'", v,
                 *auth ? "authority" : *dir ? "direction" : "point",
                 *auth ? (*auth)->id : *dir ? (*dir)->id : point->id);
        return NULL;
    }
    *shared = 1;
    if (*auth == NULL)
        *auth = same_auth;
    if (*dir == NULL)
        *dir = same_dir;
    return NULL;
}

static const struct anketa_authority *find_authority(const struct anketa_campaign *c,
                                                     const char *v)
{
    const struct anketa_authority *a = anketa_campaign_authority(c, v);
    for (size_t i = 0; a == NULL && i < c->authority_count; i++)
        if (strcmp(c->authorities[i].name, v) == 0 ||
            (c->authorities[i].short_name && strcmp(c->authorities[i].short_name, v) == 0))
            a = &c->authorities[i];
    return a;
}

static const struct anketa_direction *find_direction(const struct anketa_campaign *c,
                                                     const char *v)
{
    const struct anketa_direction *d = anketa_campaign_direction(c, v);
    for (size_t i = 0; d == NULL && i < c->direction_count; i++)
        if (strcmp(c->directions[i].name, v) == 0)
            d = &c->directions[i];
    return d;
}

/* authority, direction, item, point, municipality as campaign ids. */
static int resolve(struct anketa_ingest *in, const char **ids, int *shared, char *why)
{
    const struct anketa_campaign *c = in->campaign;
    const char *item_v = field_value(in, FIELD_ITEM), *point_v = field_value(in, FIELD_POINT);
    const char *auth_v = field_value(in, FIELD_AUTHORITY);
    const char *dir_v = field_value(in, FIELD_DIRECTION);
    const struct anketa_point *point = NULL;
    const struct anketa_item *item = NULL;
    const struct anketa_authority *auth = NULL;
    const struct anketa_direction *dir = NULL;
    if (*point_v && (point = find_point(c, point_v)) == NULL) {
        snprintf(why, INGEST_WHY, "point '%.200s' is not in the campaign", point_v);
        return -1;
    }
    if (*auth_v && (auth = find_authority(c, auth_v)) == NULL) {
        snprintf(why, INGEST_WHY, "authority '%.200s' is not in the campaign", auth_v);
        return -1;
    }
    if (*dir_v && (dir = find_direction(c, dir_v)) == NULL) {
        snprintf(why, INGEST_WHY, "direction '%.200s' is not in the campaign", dir_v);
        return -1;
    }
    if (*item_v && (item = find_item(in, item_v, point, &auth, &dir, shared, why)) == NULL &&
        !*shared)
        return -1;
    if (item && auth && item->authority != auth) {
        snprintf(why, INGEST_WHY, "item '%s' belongs to authority '%s', not '%s'", item->id,
                 item->authority->id, auth->id);
        return -1;
    }
    if (item && dir && item->direction != dir) {
        snprintf(why, INGEST_WHY, "item '%s' is in direction '%s', not '%s'", item->id,
                 item->direction->id, dir->id);
        return -1;
    }
    if (item) {
        auth = item->authority;
        dir = item->direction;
    } else if (auth == NULL && point) {
        auth = point->authority;
    }
    ids[0] = auth ? auth->id : "";
    ids[1] = dir ? dir->id : "";
    ids[2] = item ? item->id : "";
    ids[3] = point ? point->id : "";
    ids[4] = point ? point->municipality : field_value(in, FIELD_MUNICIPALITY);
    return 0;
}

/* Paper forms are numbered from 1 at each office: with the profile's
 * id_scope the id is "<point id>:<number>", so form 1 of two offices are two
 * responses, and the same form read again is the same id. The scoped id is
 * kept in in->raw, which is free until the output line is built. */
static int scope_by_point(struct anketa_ingest *in, const char **bare, char *why)
{
    const char *pv = field_value(in, FIELD_POINT);
    const struct anketa_point *pt = in->campaign && *pv ? find_point(in->campaign, pv) : NULL;
    size_t off;
    why[0] = '\0';
    if (pt)
        pv = pt->id;
    if (*pv == '\0') {
        snprintf(why, INGEST_WHY, "no point: form numbers restart at each office (the "
                                  "profile's id_scope), so '%.60s' alone names no form",
                 in->cfg.key ? "..." : *bare);
        return -1;
    }
    size_t plen = strlen(pv), blen = strlen(*bare);
    in->raw.len = 0;
    if (ingest_arena_put(&in->raw, NULL, plen + 1 + blen, &off) != 0)
        return -1;
    memcpy(in->raw.p + off, pv, plen);
    in->raw.p[off + plen] = ':';
    memcpy(in->raw.p + off + plen + 1, *bare, blen + 1);
    *bare = in->raw.p + off;
    return 0;
}

/* Step 1: the record has the header's width; its fields decoded; room for
 * the output row. */
static int prepare_row(struct anketa_ingest *in, const struct ingest_record *rec, size_t nout,
                       char *why)
{
    if (rec->count != in->width) {
        snprintf(why, INGEST_WHY, "%zu fields where the header has %zu", rec->count, in->width);
        return TAKE_REJECT;
    }
    int rc = decode_fields(in, rec, why);
    if (rc != TAKE_OK)
        return rc;
    if (nout > in->row_cap) {
        const char **ptr = realloc(in->row_ptr, nout * sizeof *ptr);
        if (ptr == NULL)
            return TAKE_NOMEM;
        in->row_ptr = ptr;
        if (reserve_fields(&in->row_off, &in->row_len, &in->row_cap, nout) != 0)
            return TAKE_NOMEM;
    }
    in->row.len = 0;
    return TAKE_OK;
}

/* The source of a response, found with its id and written after the date. */
struct source {
    const char *p;
    size_t len;
};

/* Step 2: the response id and source: "yf:123" keeps its prefix; "123" gets
 * the profile's; a keyed hash under --anonymous. *id_hash for the seen set. */
static int put_id(struct anketa_ingest *in, struct source *src, uint64_t *id_hash, char *why)
{
    const struct anketa_profile *p = in->profile;
    const char *id = field_value(in, FIELD_ID), *source = field_value(in, FIELD_SOURCE);
    const char *colon = strchr(id, ':');
    size_t source_len;
    if (*id == '\0') {
        snprintf(why, INGEST_WHY, "no response id");
        return TAKE_REJECT;
    }
    if (*source == '\0' && p->source)
        source = p->source;
    source_len = strlen(source);
    if (*source == '\0' && colon && colon > id) {
        source = id;
        source_len = (size_t)(colon - id);
    }
    if (source_len == 0) {
        snprintf(why, INGEST_WHY, "no source: neither a source column, the profile, nor a "
                                  "prefix of the id '%.100s' gives one", in->cfg.key ? "..." : id);
        return TAKE_REJECT;
    }
    const char *bare = id;
    if (colon && (size_t)(colon - id) == source_len && memcmp(id, source, source_len) == 0)
        bare = colon + 1;
    if (p->id_scope_point && scope_by_point(in, &bare, why) != 0)
        return why[0] ? TAKE_REJECT : TAKE_NOMEM;
    char anon[33];
    if (in->cfg.key) {
        if (ingest_anon_id(in->key, sizeof in->key, bare, strlen(bare), anon) != 0)
            return TAKE_NOMEM;
        bare = anon;
    }
    size_t off, bare_len = strlen(bare);
    if (ingest_arena_put(&in->row, NULL, source_len + 1 + bare_len, &off) != 0)
        return TAKE_NOMEM;
    char *rid = in->row.p + off;
    memcpy(rid, source, source_len);
    rid[source_len] = ':';
    memcpy(rid + source_len + 1, bare, bare_len);
    in->row_off[0] = off;
    in->row_len[0] = source_len + 1 + bare_len;
    /* The id's slot is a cache miss in a big table: start loading it now. */
    *id_hash = ingest_hash64(rid, in->row_len[0]);
    ingest_seen_prefetch(&in->seen, *id_hash);
    src->p = source;
    src->len = source_len;
    return TAKE_OK;
}

/* Step 3: the date in ISO 8601 with offset; *outside when it falls outside
 * the campaign's period (accepted all the same: a late download is real
 * feedback, but counted: a month outside the period is often the wrong file). */
static int put_date(struct anketa_ingest *in, const struct ingest_record *rec, int *outside,
                    char *why, struct anketa_error *err)
{
    const char *date_v = field_value(in, FIELD_DATE);
    char date[INGEST_DATE_MAX];
    if (*date_v == '\0') {
        snprintf(why, INGEST_WHY, "no date (%s)", ingest_field_names[FIELD_DATE]);
        return TAKE_REJECT;
    }
    int rc = ingest_parse_date(date_v, in->profile->dates, rec->serial_date, in->zone, date, why);
    if (rc == -2) {
        anketa_error_at(err, ANKETA_ERR_INVALID, in->src->name, rec->line, 0, "%s", why);
        return TAKE_STOP;
    }
    if (rc != 0)
        return TAKE_REJECT;
    const struct anketa_campaign *c = in->campaign;
    *outside = c && ((c->period_start && strncmp(date, c->period_start, 10) < 0) ||
                     (c->period_end && strncmp(date, c->period_end, 10) > 0));
    return row_put(in, 1, date, strlen(date)) != 0 ? TAKE_NOMEM : TAKE_OK;
}

/* Step 4: source, channel, campaign ids (resolved when there is a
 * campaign; *shared when an item name several items share is left blank)
 * and weight. */
static int put_where(struct anketa_ingest *in, const struct source *src, int *shared,
                     char *why)
{
    const char *channel = field_value(in, FIELD_CHANNEL);
    if (*channel == '\0' && in->profile->channel)
        channel = in->profile->channel;
    const char *ids[5];
    if (in->campaign) {
        if (resolve(in, ids, shared, why) != 0)
            return TAKE_REJECT;
    } else {
        ids[0] = field_value(in, FIELD_AUTHORITY);
        ids[1] = field_value(in, FIELD_DIRECTION);
        ids[2] = field_value(in, FIELD_ITEM);
        ids[3] = field_value(in, FIELD_POINT);
        ids[4] = field_value(in, FIELD_MUNICIPALITY);
    }
    long weight = 1;
    const char *weight_v = field_value(in, FIELD_WEIGHT);
    char weight_s[24];
    if (*weight_v && ingest_parse_weight(weight_v, &weight, why) != 0)
        return TAKE_REJECT;
    if (weight == 1)
        strcpy(weight_s, "1");
    else
        snprintf(weight_s, sizeof weight_s, "%ld", weight);
    if (row_put(in, 2, src->p, src->len) || row_put(in, 3, channel, strlen(channel)) ||
        row_put(in, 9, weight_s, strlen(weight_s)))
        return TAKE_NOMEM;
    for (int k = 0; k < 5; k++)
        if (row_put(in, 4 + (size_t)k, ids[k], strlen(ids[k])) != 0)
            return TAKE_NOMEM;
    return TAKE_OK;
}

/* The score of option text v for question qc: the last MEMO texts of each
 * question are remembered, as exports repeat a handful of option texts. */
static int score_of(struct anketa_ingest *in, struct question_column *qc, const char *v,
                    size_t vlen, const char **score, char *why)
{
    for (int k = 0; k < MEMO; k++)
        if (qc->memo_text[k] && qc->memo_len[k] == vlen && memcmp(qc->memo_text[k], v, vlen) == 0) {
            *score = qc->memo_score[k];
            return TAKE_OK;
        }
    long value;
    char reason[INGEST_WHY];
    int got = ingest_parse_score(in->profile, v, qc->lo, qc->hi, &value, reason);
    if (got < 0) {
        snprintf(why, INGEST_WHY, "%.60s: %.250s", qc->name, reason);
        return TAKE_REJECT;
    }
    unsigned k = qc->memo_next++ % MEMO;
    free(qc->memo_text[k]);
    if ((qc->memo_text[k] = malloc(vlen + 1)) == NULL)
        return TAKE_NOMEM;
    memcpy(qc->memo_text[k], v, vlen + 1);
    qc->memo_len[k] = vlen;
    qc->memo_score[k][0] = '\0';
    if (got == 1)
        snprintf(qc->memo_score[k], sizeof qc->memo_score[k], "%ld", value);
    *score = qc->memo_score[k];
    return TAKE_OK;
}

/* Step 5: a whole number on each question's scale, or empty. */
static int put_scores(struct anketa_ingest *in, char *why)
{
    for (size_t q = 0; q < in->question_count; q++) {
        struct question_column *qc = &in->questions[q];
        const char *v = qc->column >= 0 ? column_text(in, qc->column) : "";
        size_t vlen = qc->column >= 0 ? in->text_len[qc->column] : 0;
        const char *score;
        int rc = score_of(in, qc, v, vlen, &score, why);
        if (rc != TAKE_OK)
            return rc;
        if (row_put(in, OUT_FIXED + q, score, strlen(score)) != 0)
            return TAKE_NOMEM;
    }
    return TAKE_OK;
}

/* Step 6: the comment, masked under --anonymous. */
static int put_comment(struct anketa_ingest *in, size_t nout)
{
    const char *comment = field_value(in, FIELD_COMMENT);
    size_t off, clen = strlen(comment);
    if (!in->cfg.key || clen == 0)
        return row_put(in, nout - 1, comment, clen) != 0 ? TAKE_NOMEM : TAKE_OK;
    if (ingest_arena_put(&in->row, NULL, 4 * clen + 64, &off) != 0)
        return TAKE_NOMEM;
    in->row_off[nout - 1] = off;
    in->row_len[nout - 1] = ingest_mask(comment, clen, in->row.p + off, &in->counts);
    in->row.len = off + in->row_len[nout - 1] + 1;   /* the unused room is not content */
    return TAKE_OK;
}

/* Step 7: the line built whole (stdio per field costs) and handed to the
 * sink, which writes it or, on the second thread, defers it. */
static int hand_over(struct anketa_ingest *in, const struct ingest_record *rec, size_t nout,
                     uint64_t id_hash, int outside, char *why)
{
    /* The row's pointers, now that the arena has stopped moving. */
    const char **fields = in->row_ptr;
    size_t *lengths = in->row_len;
    for (size_t i = 0; i < nout; i++)
        fields[i] = in->row.p + in->row_off[i];
    /* Content: the arena after the id (every other field, in a fixed order),
     * the time to the minute: an export re-saved by Excel loses the seconds. */
    char *seconds = in->row.p + in->row_off[1] + 17, kept[2] = { seconds[0], seconds[1] };
    seconds[0] = seconds[1] = '0';
    uint32_t sum = ingest_content_hash(in->row.p + in->row_off[1], in->row.len - in->row_off[1]);
    seconds[0] = kept[0];
    seconds[1] = kept[1];
    ingest_coarsen_time(in->row.p + in->row_off[1], in->cfg.time_precision);
    in->raw.len = 0;
    for (size_t i = 0; i < nout; i++)
        if (ingest_join_field(&in->raw, fields[i], lengths[i], ',', i > 0) != 0)
            return TAKE_NOMEM;
    in->raw.p[in->raw.len++] = '\n';
    if (in->deferred)
        return ingest_defer_line(in, rec, id_hash, sum, outside, in->raw.p, in->raw.len) == 0
                   ? TAKE_OK : TAKE_NOMEM;
    switch (ingest_commit_line(in, id_hash, sum, outside, in->raw.p, in->raw.len, why)) {
    case SEEN_CONFLICT:
        return TAKE_REJECT;
    case SEEN_NOMEM:
        return TAKE_NOMEM;
    default:
        return TAKE_OK;
    }
}

/* One record, step by step, to the output row. The steps write the row
 * arena in a fixed order — id, date, source, channel, weight, ids,
 * questions, comment — as the content hash (and so every seen file) is
 * the arena after the id. */
static int take(struct anketa_ingest *in, const struct ingest_record *rec, char *why,
                struct anketa_error *err)
{
    size_t nout = OUT_FIXED + in->question_count + 1;
    uint64_t id_hash = 0;
    struct source src;
    int outside = 0, shared = 0, rc;
    if ((rc = prepare_row(in, rec, nout, why)) != TAKE_OK ||
        (rc = put_id(in, &src, &id_hash, why)) != TAKE_OK ||
        (rc = put_date(in, rec, &outside, why, err)) != TAKE_OK ||
        (rc = put_where(in, &src, &shared, why)) != TAKE_OK ||
        (rc = put_scores(in, why)) != TAKE_OK ||
        (rc = put_comment(in, nout)) != TAKE_OK)
        return rc;
    in->counts.items_shared += (unsigned)shared;
    return hand_over(in, rec, nout, id_hash, outside, why);
}

int ingest_take(struct anketa_ingest *in, const struct ingest_record *rec,
                struct anketa_error *err)
{
    char why[INGEST_WHY];
    int rc = take(in, rec, why, err);
    if (rc == TAKE_STOP)
        return err->code;   /* not taken, so not counted as read */
    in->counts.read++;
    if (rc == TAKE_REJECT)
        return ingest_reject(in, rec, why, err);
    return rc == TAKE_NOMEM ? ingest_nomem(err) : 0;
}
