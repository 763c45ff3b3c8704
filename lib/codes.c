#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include <anketa/codes.h>
#include "nameset.h"
#include <anketa/url.h>

#include "util.h"

const char *const anketa_manifest_columns[ANKETA_MANIFEST_COLUMNS + 1] = {
    "code_id", "level", "authority", "authority_name", "direction", "item", "item_name", "kind",
    "event", "point", "point_name", "point_label", "municipality", "url", "file", NULL
};

void anketa_code_manifest_row(const struct anketa_campaign *c, const struct anketa_code *k,
                              const char *file, const char **row)
{
    const char *kind = k->item ? k->item->kind : k->direction ? k->direction->kind : NULL;
    const char *fields[ANKETA_MANIFEST_COLUMNS] = {
        k->code_id, anketa_code_level_name(k->level), k->authority->id, k->authority->name,
        k->direction ? k->direction->id : NULL, k->item ? k->item->id : NULL,
        k->item ? k->item->name : NULL, kind, k->event, k->point ? k->point->id : NULL,
        k->point ? k->point->name : NULL,
        k->point && c->points_are_units ? anketa_campaign_point_label(c) : NULL,
        k->point ? k->point->municipality : NULL, k->url, file
    };
    memcpy(row, fields, sizeof fields);
}

const char *anketa_code_level_name(enum anketa_code_level level)
{
    return level == ANKETA_LEVEL_AUTHORITY ? "authority"
         : level == ANKETA_LEVEL_DIRECTION ? "direction" : "item";
}

unsigned anketa_code_levels_parse(const char *list, struct anketa_error *err)
{
    unsigned levels = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n == 9 && strncmp(p, "authority", n) == 0)
            levels |= ANKETA_LEVEL_AUTHORITY;
        else if (n == 9 && strncmp(p, "direction", n) == 0)
            levels |= ANKETA_LEVEL_DIRECTION;
        else if (n == 4 && strncmp(p, "item", n) == 0)
            levels |= ANKETA_LEVEL_ITEM;
        else {
            anketa_error_set(err, ANKETA_ERR_USAGE,
                             "unknown level '%.*s' (use authority, direction, item)", (int)n, p);
            return 0;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    if (levels == 0)
        anketa_error_set(err, ANKETA_ERR_USAGE, "no level given");
    return levels;
}

struct builder {
    struct anketa_code *codes;
    size_t count, cap;
    struct anketa_error *err;
};

static struct anketa_code *add(struct builder *b, enum anketa_code_level level,
                               const struct anketa_authority *a, const struct anketa_direction *d,
                               const struct anketa_item *it, const struct anketa_point *pt,
                               const char *suffix)
{
    if (anketa_reserve((void **)&b->codes, &b->cap, b->count + 1, sizeof *b->codes) != 0) {
        anketa_error_set(b->err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    struct anketa_code *code = &b->codes[b->count];
    memset(code, 0, sizeof *code);
    code->level = level;
    code->authority = a;
    code->direction = d;
    code->item = it;
    code->point = pt;
    size_t n = strlen(a->id) + (d ? strlen(d->id) : 0) + (it ? strlen(it->id) : 0) +
               (pt ? strlen(pt->id) : 0) + (suffix ? strlen(suffix) : 0) + 5;
    if ((code->code_id = malloc(n)) == NULL) {
        anketa_error_set(b->err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    snprintf(code->code_id, n, "%s%s%s%s%s%s%s%s%s", a->id, d ? "." : "", d ? d->id : "",
             it ? "." : "", it ? it->id : "", pt ? "." : "", pt ? pt->id : "",
             suffix ? "." : "", suffix ? suffix : "");
    b->count++;
    return code;
}

/* The pre-filled link of an item code. */
static int item_url(const struct anketa_campaign *c, const struct anketa_survey *s,
                    struct anketa_code *code, const char *channel, struct anketa_error *err)
{
    struct anketa_code_context ctx = { c, code->authority, code->direction, code->item,
                                       code->point, channel, code->event };
    const char **names = calloc(s->prefill_count + 1, sizeof *names);
    char **values = calloc(s->prefill_count + 1, sizeof *values);
    int rc = 0;
    if (names == NULL || values == NULL)
        rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == 0 && i < s->prefill_count; i++) {
        names[i] = s->prefill[i].name;
        if ((values[i] = anketa_campaign_expand(s->prefill[i].value, &ctx, err)) == NULL)
            rc = err ? err->code : ANKETA_ERR_NOMEM;
    }
    if (rc == 0) {
        code->url = anketa_url_add_params(s->url, names, (const char *const *)values,
                                          s->prefill_count, err);
        if (code->url == NULL)
            rc = err ? err->code : ANKETA_ERR_NOMEM;
    }
    for (size_t i = 0; values && i < s->prefill_count; i++)
        free(values[i]);
    free(values);
    free(names);
    return rc;
}

/* The item codes of one item at one point (or none): one, or one per
 * event type of a kind of control; the id takes the event only when there
 * are two, so a campaign's ids stay what they were. */
static int item_codes(struct builder *b, const struct anketa_campaign *c,
                      const struct anketa_survey *s, const struct anketa_item *it,
                      const struct anketa_point *pt, const char *channel)
{
    static const unsigned events[] = { ANKETA_EVENT_CONTROL, ANKETA_EVENT_PREVENTION };
    int both = it->events == (ANKETA_EVENT_CONTROL | ANKETA_EVENT_PREVENTION);
    for (size_t e = 0; e < 2; e++) {
        /* an item of another kind has one code, without an event type */
        if (it->events != 0 && !(it->events & events[e]))
            continue;
        const char *event = it->events ? anketa_event_name(events[e]) : NULL;
        struct anketa_code *code = add(b, ANKETA_LEVEL_ITEM, it->authority, s->direction, it, pt,
                                       both ? event : NULL);
        if (code == NULL)
            return ANKETA_ERR_NOMEM;
        code->event = event;
        int rc = item_url(c, s, code, channel, b->err);
        if (rc != 0 || it->events == 0)
            return rc;
    }
    return 0;
}

int anketa_codes_build(const struct anketa_campaign *c, unsigned levels, const char *channel,
                       struct anketa_code **codes, size_t *count, struct anketa_error *err)
{
    struct builder b = { NULL, 0, 0, err };
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < c->authority_count; i++) {
        const struct anketa_authority *a = &c->authorities[i];
        struct anketa_code *code;
        if (levels & ANKETA_LEVEL_AUTHORITY) {
            if ((code = add(&b, ANKETA_LEVEL_AUTHORITY, a, NULL, NULL, NULL, NULL)) == NULL ||
                (code->url = strdup(a->feedback_url)) == NULL)
                rc = ANKETA_ERR_NOMEM;
        }
        for (size_t j = 0; rc == 0 && j < a->survey_count; j++) {
            const struct anketa_survey *s = &a->surveys[j];
            if (levels & ANKETA_LEVEL_DIRECTION) {
                if ((code = add(&b, ANKETA_LEVEL_DIRECTION, a, s->direction, NULL, NULL, NULL)) == NULL ||
                    (code->url = strdup(s->url)) == NULL)
                    rc = ANKETA_ERR_NOMEM;
            }
            if (!(levels & ANKETA_LEVEL_ITEM))
                continue;
            for (size_t k = 0; rc == 0 && k < c->item_count; k++) {
                const struct anketa_item *it = &c->items[k];
                if (it->authority != a || it->direction != s->direction)
                    continue;
                int offered = 0;
                for (size_t p = 0; rc == 0 && p < c->point_count; p++) {
                    const struct anketa_point *pt = &c->points[p];
                    for (size_t q = 0; q < pt->item_count; q++) {
                        if (pt->items[q] != it)
                            continue;
                        offered = 1;
                        rc = item_codes(&b, c, s, it, pt, channel);
                        break;
                    }
                }
                if (rc == 0 && !offered)
                    rc = item_codes(&b, c, s, it, NULL, channel);
            }
        }
    }
    /* code ids name files: two that differ only in case are one file on a
     * case-insensitive file system */
    struct anketa_nameset *ids = rc == 0 ? anketa_nameset_new() : NULL;
    if (rc == 0 && ids == NULL)
        rc = ANKETA_ERR_NOMEM;
    for (size_t i = 0; rc == 0 && i < b.count; i++) {
        const char *earlier;
        int taken = anketa_nameset_add_file(ids, b.codes[i].code_id, &earlier);
        if (taken < 0)
            rc = ANKETA_ERR_NOMEM;
        else if (taken > 0)
            rc = anketa_error_set(err, ANKETA_ERR_INVALID,
                                  "%s: code ids '%s' and '%s' differ only in case: their files "
                                  "would be one on a case-insensitive file system",
                                  c->path ? c->path : "campaign", earlier, b.codes[i].code_id);
    }
    anketa_nameset_free(ids);
    if (rc != 0) {
        if (rc == ANKETA_ERR_NOMEM && err && err->message[0] == '\0')
            anketa_error_set(err, rc, "out of memory");
        anketa_codes_free(b.codes, b.count);
        return rc;
    }
    *codes = b.codes;
    *count = b.count;
    return 0;
}

void anketa_codes_free(struct anketa_code *codes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(codes[i].code_id);
        free(codes[i].url);
    }
    free(codes);
}

char *anketa_safe_filename(const char *s)
{
    if (s == NULL || *s == '\0')
        return NULL;
    char *out = strdup(s);
    if (out == NULL)
        return NULL;
    for (unsigned char *p = (unsigned char *)out; *p; p++)
        if (*p == '/' || *p == '\\' || *p < 0x20 || *p == 0x7F || *p == ':' || *p == '*' ||
            *p == '?' || *p == '"' || *p == '<' || *p == '>' || *p == '|')
            *p = '_';
    /* Bidi overrides (U+202E shows "gnp.exe" as "exe.png"), other format
     * and control characters, line separators and broken UTF-8 become '_'
     * too, one per byte, so the name keeps its length. */
    for (char *p = out; *p;) {
        const char *next = g_utf8_find_next_char(p, NULL);
        size_t n = next ? (size_t)(next - p) : strlen(p);
        gunichar c = g_utf8_get_char_validated(p, (gssize)n);
        GUnicodeType type = c < (gunichar)-2 ? g_unichar_type(c) : G_UNICODE_CONTROL;
        if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
            type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
            memset(p, '_', n);
        p += n;
    }
    for (char *p = out; *p == '.'; p++)
        *p = '_';
    size_t n = strlen(out);
    if (n > 200) { /* stay well under NAME_MAX with an extension, whole characters */
        n = 200;
        while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
            n--;
        out[n] = '\0';
    }
    return out;
}
