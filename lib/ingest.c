/* ingest's mapping: an export's header to canonical fields and questions,
 * and each record to the output, the rejects or the duplicate count. */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include <anketa/csv.h>

#include "ingest_int.h"
#include "util.h"

enum { MEMO = 8 };

struct question_column {
    char *name;                 /* output header: q.<id> */
    int lo, hi;                 /* lo > hi: any whole number (no campaign) */
    int column;                 /* in the current file, or -1 */
    /* The last texts read and their scores: an export repeats a handful of
     * option texts millions of times, and folding each costs. */
    char *memo_text[MEMO];
    size_t memo_len[MEMO];
    char memo_score[MEMO][8];
    unsigned memo_next;
};

/* A growing byte buffer that hands out offsets (pointers move on growth). */
struct arena {
    char *p;
    size_t len, cap;
};

struct anketa_ingest {
    struct anketa_ingest_config cfg;
    const struct anketa_profile *profile;
    const struct anketa_campaign *campaign;
    struct ingest_zone zone;
    struct ingest_seen seen;
    struct anketa_ingest_counts counts;
    unsigned char key[32];      /* the anonymity key, derived from the caller's */

    struct question_column *questions;
    size_t question_count;
    int header_written;

    /* The current file. */
    struct ingest_source *src;
    int *columns[FIELD_COUNT];  /* candidate columns of each field, in profile order */
    size_t column_count[FIELD_COUNT];
    size_t width;               /* fields in the header */

    /* Items by exact name; a name two items share is marked ambiguous. */
    struct anketa_strmap item_names;
    unsigned char *item_ambiguous;

    /* Per-record scratch. */
    struct arena text;          /* fields as UTF-8 */
    size_t *text_off, *text_len, text_cap;
    struct arena row;           /* output fields */
    size_t *row_off, *row_len, row_cap;
    const char **row_ptr;       /* row_cap of them */
    struct arena raw;           /* a rejected record as text */
};

#define OUT_FIXED 10            /* response_id .. weight, before the questions */

static int arena_put(struct arena *a, const char *s, size_t len, size_t *off)
{
    if (anketa_reserve((void **)&a->p, &a->cap, a->len + len + 1, 1) != 0)
        return -1;
    *off = a->len;
    if (s && len)   /* NULL: room only, the caller fills it */
        memcpy(a->p + a->len, s, len);
    a->p[a->len + len] = '\0';
    a->len += len + 1;
    return 0;
}

static int nomem(struct anketa_error *err)
{
    return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
}

/* ---- set-up ---- */

static int add_question(struct anketa_ingest *in, const char *name, int lo, int hi)
{
    struct question_column *q = realloc(in->questions, (in->question_count + 1) * sizeof *q);
    if (q == NULL)
        return -1;
    in->questions = q;
    q += in->question_count;
    q->lo = lo;
    q->hi = hi;
    q->column = -1;
    memset(q->memo_text, 0, sizeof q->memo_text);
    q->memo_next = 0;
    if ((q->name = malloc(strlen(name) + 1)) == NULL)
        return -1;
    strcpy(q->name, name);
    in->question_count++;
    return 0;
}

struct anketa_ingest *anketa_ingest_new(const struct anketa_ingest_config *cfg,
                                        struct anketa_error *err)
{
    struct anketa_ingest *in = calloc(1, sizeof *in);
    if (in == NULL) {
        nomem(err);
        return NULL;
    }
    in->cfg = *cfg;
    in->profile = cfg->profile;
    in->campaign = cfg->campaign;
    in->zone.set = cfg->tz_set || cfg->campaign != NULL;
    in->zone.minutes = cfg->tz_set ? cfg->tz_minutes
                     : cfg->campaign ? cfg->campaign->tz_offset_minutes : 0;
    if (cfg->key) {
        /* Any secret of 16 bytes or more, hashed to a key of the right size. */
        if (cfg->key_len < 16 || sodium_init() < 0 ||
            crypto_generichash(in->key, sizeof in->key, cfg->key, cfg->key_len, NULL, 0) != 0) {
            anketa_error_set(err, ANKETA_ERR_USAGE, "the anonymity key must be at least 16 bytes");
            free(in);
            return NULL;
        }
    }
    const struct anketa_campaign *c = cfg->campaign;
    int rc = 0;
    if (c) {
        char name[512];
        for (size_t i = 0; rc == 0 && i < c->question_count; i++) {
            snprintf(name, sizeof name, "q.%s", c->questions[i].id);
            rc = add_question(in, name, c->questions[i].lo, c->questions[i].hi);
        }
        in->item_ambiguous = calloc(c->item_count ? c->item_count : 1, 1);
        if (in->item_ambiguous == NULL)
            rc = -1;
        for (size_t i = 0; rc == 0 && i < c->item_count; i++) {
            size_t first;
            int put = anketa_strmap_put(&in->item_names, c->items[i].name, i);
            if (put < 0)
                rc = -1;
            else if (put == 1 && anketa_strmap_get(&in->item_names, c->items[i].name, &first))
                in->item_ambiguous[first] = 1;
        }
    }
    if (rc != 0) {
        anketa_ingest_free(in);
        nomem(err);
        return NULL;
    }
    return in;
}

void anketa_ingest_free(struct anketa_ingest *in)
{
    if (in == NULL)
        return;
    for (size_t i = 0; i < in->question_count; i++) {
        free(in->questions[i].name);
        for (int k = 0; k < MEMO; k++)
            free(in->questions[i].memo_text[k]);
    }
    free(in->questions);
    for (int f = 0; f < FIELD_COUNT; f++)
        free(in->columns[f]);
    anketa_strmap_free(&in->item_names);
    free(in->item_ambiguous);
    free(in->text.p);
    free(in->text_off);
    free(in->text_len);
    free(in->row.p);
    free(in->row_off);
    free(in->row_len);
    free(in->row_ptr);
    free(in->raw.p);
    ingest_seen_free(&in->seen);
    free(in);
}

int anketa_ingest_load_seen(struct anketa_ingest *in, const char *path, struct anketa_error *err)
{
    return ingest_seen_load(&in->seen, path, err);
}

int anketa_ingest_save_seen(struct anketa_ingest *in, const char *path, struct anketa_error *err)
{
    return ingest_seen_save(&in->seen, path, err);
}

void anketa_ingest_get_counts(const struct anketa_ingest *in, struct anketa_ingest_counts *counts)
{
    *counts = in->counts;
}

int ingest_date_column(const struct anketa_ingest *in)
{
    return in->column_count[FIELD_DATE] ? in->columns[FIELD_DATE][0] : -1;
}

/* ---- the header ---- */

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
                            const char *raw, const char *folded, char *scratch)
{
    if (strcmp(raw, q->name) == 0)
        return 1;
    const char *id = q->name + 2;
    if (in->campaign) {
        const struct anketa_question *cq = anketa_campaign_question(in->campaign, id);
        if (cq && strcmp(folded, (ingest_fold(cq->text, strlen(cq->text), scratch), scratch)) == 0)
            return 1;
    }
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
            return nomem(err);
    }
    for (size_t i = 0; i < in->question_count; i++)
        in->questions[i].column = -1;
    /* The header as UTF-8, raw and folded. */
    char **raw = calloc(h->count, sizeof *raw), **folded = calloc(h->count, sizeof *folded);
    char *scratch = NULL;
    size_t longest = 0;
    int rc = raw && folded ? 0 : nomem(err);
    for (size_t i = 0; rc == 0 && i < h->count; i++) {
        size_t len = h->lengths[i];
        raw[i] = malloc(3 * len + 1);
        folded[i] = malloc(3 * len + 1);
        if (raw[i] == NULL || folded[i] == NULL) {
            rc = nomem(err);
            break;
        }
        if (src->encoding == ANKETA_ENCODING_CP1251)
            ingest_cp1251_to_utf8(h->fields[i], len, raw[i]);
        else
            ingest_utf8_repair(h->fields[i], len, raw[i]);
        ingest_fold(raw[i], strlen(raw[i]), folded[i]);
        longest = strlen(raw[i]) > longest ? strlen(raw[i]) : longest;
    }
    size_t text_max = 0;
    for (size_t i = 0; in->campaign && i < in->campaign->question_count; i++)
        if (strlen(in->campaign->questions[i].text) > text_max)
            text_max = strlen(in->campaign->questions[i].text);
    if (rc == 0 && (scratch = malloc(text_max + longest + 1)) == NULL)
        rc = nomem(err);
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
            if (strncmp(raw[i], "q.", 2) == 0 && raw[i][2] && add_question(in, raw[i], 1, 0) != 0)
                rc = nomem(err);
    for (size_t q = 0; rc == 0 && q < in->question_count; q++)
        for (size_t i = 0; i < h->count && in->questions[q].column < 0; i++)
            if (question_matches(in, &in->questions[q], raw[i], folded[i], scratch))
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
    free(scratch);
    if (rc == 0 && !in->header_written)
        write_header(in);
    return rc;
}

/* ---- rejects ---- */

/* Appends one field (after the delimiter when `separator`) to the joined
 * record, quoted for its delimiter; NUL
 * bytes, which a CSV cell cannot carry, as U+2400. */
static int join_field(struct arena *a, const char *p, size_t len, int delim, int separator)
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

static int reject(struct anketa_ingest *in, const struct ingest_record *rec, const char *reason,
                  struct anketa_error *err)
{
    in->counts.rejected++;
    if (in->cfg.on_reject)
        in->cfg.on_reject(in->cfg.ctx, in->src->name, rec->line, reason);
    FILE *fp = in->cfg.rejects;
    if (fp == NULL)
        return 0;
    /* The record re-joined with its file's delimiter, as UTF-8 text. */
    int delim = in->src->delimiter ? in->src->delimiter : ',';
    char *utf8 = NULL;
    size_t cap = 0;
    in->raw.len = 0;
    for (size_t i = 0; i < rec->count; i++) {
        size_t len = rec->lengths[i];
        if (anketa_reserve((void **)&utf8, &cap, 3 * len + 1, 1) != 0) {
            free(utf8);
            return nomem(err);
        }
        long n = in->src->encoding == ANKETA_ENCODING_CP1251
                     ? ingest_cp1251_to_utf8(rec->fields[i], len, utf8) : -1;
        if (n < 0)
            n = (long)ingest_utf8_repair(rec->fields[i], len, utf8);
        if (join_field(&in->raw, utf8, (size_t)n, delim, i > 0) != 0) {
            free(utf8);
            return nomem(err);
        }
    }
    free(utf8);
    anketa_csv_write_field(fp, in->src->name, strlen(in->src->name), ',');
    fprintf(fp, ",%ld,", rec->line);
    anketa_csv_write_field(fp, reason, strlen(reason), ',');
    putc(',', fp);
    anketa_csv_write_field(fp, in->raw.p ? in->raw.p : "", in->raw.len, ',');
    putc('\n', fp);
    return 0;
}

int ingest_reject_raw(struct anketa_ingest *in, const struct ingest_record *rec,
                      const char *reason, struct anketa_error *err)
{
    in->counts.read++;
    return reject(in, rec, reason, err);
}

/* ---- records ---- */

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

/* The record's fields as trimmed UTF-8 in in->text; a reason on failure. */
static int decode_fields(struct anketa_ingest *in, const struct ingest_record *rec, char *why)
{
    if (reserve_fields(&in->text_off, &in->text_len, &in->text_cap, rec->count) != 0)
        return -2;
    in->text.len = 0;
    for (size_t i = 0; i < rec->count; i++) {
        const char *f = rec->fields[i];
        size_t len = rec->lengths[i];
        unsigned seen = 0;   /* one pass for NUL and CR instead of two memchr */
        for (size_t k = 0; k < len; k++)
            seen |= (f[k] == '\0') | (f[k] == '\r') << 1;
        if (seen & 1) {
            snprintf(why, INGEST_WHY, "a NUL byte in field %zu", i + 1);
            return -1;
        }
        if (anketa_reserve((void **)&in->text.p, &in->text.cap, in->text.len + 3 * len + 1, 1) != 0)
            return -2;
        char *dst = in->text.p + in->text.len;
        if (in->src->encoding == ANKETA_ENCODING_CP1251) {
            long n = ingest_cp1251_to_utf8(f, len, dst);
            if (n < 0) {
                snprintf(why, INGEST_WHY, "field %zu has byte 0x98, which is no Windows-1251 "
                                          "character (is the file in another encoding?)", i + 1);
                return -1;
            }
            len = (size_t)n;
        } else {
            if (!ingest_utf8_valid(f, len)) {
                snprintf(why, INGEST_WHY, "field %zu is not valid UTF-8 (the file was read as "
                                          "UTF-8; give --encoding if it is not)", i + 1);
                return -1;
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
    return "";
}

static int row_put(struct anketa_ingest *in, size_t index, const char *s, size_t len)
{
    return arena_put(&in->row, s, len, &in->row_off[index]) != 0 ? -1
         : (in->row_len[index] = len, 0);
}

static const struct anketa_point *find_point(const struct anketa_campaign *c, const char *v)
{
    const struct anketa_point *p = anketa_campaign_point(c, v);
    return p ? p : anketa_campaign_point_by_name(c, v);
}

/* An item by id or exact name; a name two items share is told apart by the point. */
static const struct anketa_item *find_item(const struct anketa_ingest *in, const char *v,
                                           const struct anketa_point *point, char *why)
{
    const struct anketa_campaign *c = in->campaign;
    const struct anketa_item *it = anketa_campaign_item(c, v);
    size_t i;
    if (it)
        return it;
    if (!anketa_strmap_get(&in->item_names, v, &i)) {
        snprintf(why, INGEST_WHY, "item '%.200s' is not in the campaign", v);
        return NULL;
    }
    if (!in->item_ambiguous[i])
        return &c->items[i];
    for (size_t k = 0; point && k < point->item_count; k++)
        if (strcmp(point->items[k]->name, v) == 0)
            return point->items[k];
    snprintf(why, INGEST_WHY, "item name '%.200s' is shared by several items and the point "
                              "does not tell which", v);
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
static int resolve(struct anketa_ingest *in, const char **ids, char *why)
{
    const struct anketa_campaign *c = in->campaign;
    const char *item_v = field_value(in, FIELD_ITEM), *point_v = field_value(in, FIELD_POINT);
    const char *auth_v = field_value(in, FIELD_AUTHORITY), *dir_v = field_value(in, FIELD_DIRECTION);
    const struct anketa_point *point = NULL;
    const struct anketa_item *item = NULL;
    const struct anketa_authority *auth = NULL;
    const struct anketa_direction *dir = NULL;
    if (*point_v && (point = find_point(c, point_v)) == NULL) {
        snprintf(why, INGEST_WHY, "point '%.200s' is not in the campaign", point_v);
        return -1;
    }
    if (*item_v && (item = find_item(in, item_v, point, why)) == NULL)
        return -1;
    if (*auth_v && (auth = find_authority(c, auth_v)) == NULL) {
        snprintf(why, INGEST_WHY, "authority '%.200s' is not in the campaign", auth_v);
        return -1;
    }
    if (*dir_v && (dir = find_direction(c, dir_v)) == NULL) {
        snprintf(why, INGEST_WHY, "direction '%.200s' is not in the campaign", dir_v);
        return -1;
    }
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

static int take(struct anketa_ingest *in, const struct ingest_record *rec, char *why,
                struct anketa_error *err)
{
    const struct anketa_profile *p = in->profile;
    size_t nout = OUT_FIXED + in->question_count + 1;
    if (rec->count != in->width) {
        snprintf(why, INGEST_WHY, "%zu fields where the header has %zu", rec->count, in->width);
        return -1;
    }
    int rc = decode_fields(in, rec, why);
    if (rc != 0)
        return rc;
    if (nout > in->row_cap) {
        const char **ptr = realloc(in->row_ptr, nout * sizeof *ptr);
        if (ptr == NULL)
            return -2;
        in->row_ptr = ptr;
        if (reserve_fields(&in->row_off, &in->row_len, &in->row_cap, nout) != 0)
            return -2;
    }
    in->row.len = 0;

    /* Id and source: "yf:123" keeps its prefix; "123" gets the profile's. */
    const char *id = field_value(in, FIELD_ID), *source = field_value(in, FIELD_SOURCE);
    const char *colon = strchr(id, ':');
    size_t source_len;
    if (*id == '\0') {
        snprintf(why, INGEST_WHY, "no response id");
        return -1;
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
                                  "prefix of the id '%.100s' gives one", id);
        return -1;
    }
    const char *bare = id;
    if (colon && (size_t)(colon - id) == source_len && memcmp(id, source, source_len) == 0)
        bare = colon + 1;
    char anon[33];
    if (in->cfg.key) {
        if (ingest_anon_id(in->key, sizeof in->key, bare, strlen(bare), anon) != 0)
            return -2;
        bare = anon;
    }
    size_t off;
    if (arena_put(&in->row, NULL, source_len + 1 + strlen(bare), &off) != 0)
        return -2;
    char *rid = in->row.p + off;
    memcpy(rid, source, source_len);
    rid[source_len] = ':';
    strcpy(rid + source_len + 1, bare);
    in->row_off[0] = off;
    in->row_len[0] = strlen(rid);
    /* The id's slot is a cache miss in a big table: start loading it now. */
    uint64_t id_hash = ingest_hash64(rid, in->row_len[0]);
    ingest_seen_prefetch(&in->seen, id_hash);

    const char *date_v = field_value(in, FIELD_DATE);
    char date[INGEST_DATE_MAX];
    if (*date_v == '\0') {
        snprintf(why, INGEST_WHY, "no date (%s)", ingest_field_names[FIELD_DATE]);
        return -1;
    }
    rc = ingest_parse_date(date_v, p->dates, rec->serial_date, in->zone, date, why);
    if (rc == -2) {
        in->counts.read--;   /* the run stops here: this record is not taken */
        anketa_error_at(err, ANKETA_ERR_INVALID, in->src->name, rec->line, 0, "%s", why);
        return -3;
    }
    if (rc != 0)
        return -1;

    const char *channel = field_value(in, FIELD_CHANNEL);
    if (*channel == '\0' && p->channel)
        channel = p->channel;
    const char *ids[5];
    if (in->campaign) {
        if (resolve(in, ids, why) != 0)
            return -1;
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
        return -1;
    if (weight == 1)
        strcpy(weight_s, "1");
    else
        snprintf(weight_s, sizeof weight_s, "%ld", weight);
    if (row_put(in, 1, date, strlen(date)) || row_put(in, 2, source, source_len) ||
        row_put(in, 3, channel, strlen(channel)) || row_put(in, 9, weight_s, strlen(weight_s)))
        return -2;
    for (int k = 0; k < 5; k++)
        if (row_put(in, 4 + (size_t)k, ids[k], strlen(ids[k])) != 0)
            return -2;

    for (size_t q = 0; q < in->question_count; q++) {
        struct question_column *qc = &in->questions[q];
        const char *v = qc->column >= 0 ? column_text(in, qc->column) : "";
        size_t vlen = qc->column >= 0 ? in->text_len[qc->column] : 0;
        const char *score = NULL;
        for (int k = 0; k < MEMO && score == NULL; k++)
            if (qc->memo_text[k] && qc->memo_len[k] == vlen && memcmp(qc->memo_text[k], v, vlen) == 0)
                score = qc->memo_score[k];
        if (score == NULL) {
            long value;
            char reason[INGEST_WHY];
            int got = ingest_parse_score(p, v, qc->lo, qc->hi, &value, reason);
            if (got < 0) {
                snprintf(why, INGEST_WHY, "%.60s: %.250s", qc->name, reason);
                return -1;
            }
            unsigned k = qc->memo_next++ % MEMO;
            free(qc->memo_text[k]);
            if ((qc->memo_text[k] = malloc(vlen + 1)) == NULL)
                return -2;
            memcpy(qc->memo_text[k], v, vlen + 1);
            qc->memo_len[k] = vlen;
            qc->memo_score[k][0] = '\0';
            if (got == 1)
                snprintf(qc->memo_score[k], sizeof qc->memo_score[k], "%ld", value);
            score = qc->memo_score[k];
        }
        if (row_put(in, OUT_FIXED + q, score, strlen(score)) != 0)
            return -2;
    }

    const char *comment = field_value(in, FIELD_COMMENT);
    size_t clen = strlen(comment);
    if (in->cfg.key && clen) {
        if (arena_put(&in->row, NULL, 4 * clen + 64, &off) != 0)
            return -2;
        in->row_off[nout - 1] = off;
        in->row_len[nout - 1] = ingest_mask(comment, clen, in->row.p + off,
                                            &in->counts.emails_masked, &in->counts.phones_masked);
        in->row.len = off + in->row_len[nout - 1] + 1;   /* the unused room is not content */
    } else if (row_put(in, nout - 1, comment, clen) != 0) {
        return -2;
    }

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
    switch (ingest_seen_check(&in->seen, id_hash, sum)) {
    case SEEN_DUPLICATE:
        in->counts.duplicates++;
        return 0;
    case SEEN_CONFLICT:
        snprintf(why, INGEST_WHY, "id %.100s was seen before with different answers", fields[0]);
        return -1;
    case SEEN_NOMEM:
        return -2;
    default:
        break;
    }
    /* The line is built whole and written at once: stdio per field costs. */
    in->raw.len = 0;
    for (size_t i = 0; i < nout; i++)
        if (join_field(&in->raw, fields[i], lengths[i], ',', i > 0) != 0)
            return -2;
    in->raw.p[in->raw.len++] = '\n';
    fwrite(in->raw.p, 1, in->raw.len, in->cfg.out);
    in->counts.accepted++;
    return 0;
}

int ingest_take(struct anketa_ingest *in, const struct ingest_record *rec,
                struct anketa_error *err)
{
    char why[INGEST_WHY];
    in->counts.read++;
    int rc = take(in, rec, why, err);
    if (rc == -1)
        return reject(in, rec, why, err);
    if (rc == -2)
        return nomem(err);
    return rc == -3 ? err->code : 0;
}

int anketa_ingest_file(struct anketa_ingest *in, const char *path, struct anketa_error *err)
{
    int enc = in->cfg.encoding != ANKETA_ENCODING_AUTO ? in->cfg.encoding : in->profile->encoding;
    int delim = in->cfg.delimiter ? in->cfg.delimiter : in->profile->delimiter;
    if (path && strcmp(path, "-") != 0) {
        FILE *fp = fopen(path, "rb");
        char magic[4] = { 0 };
        if (fp) {
            size_t got = fread(magic, 1, sizeof magic, fp);
            fclose(fp);
            if (got == 4 && memcmp(magic, "PK\x03\x04", 4) == 0)
                return ingest_read_xlsx(in, path, err);
        }
    }
    return ingest_read_csv(in, path, enc, delim, err);
}
