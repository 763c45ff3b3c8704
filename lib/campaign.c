/* Loading and checking the campaign file (anketa-campaign(5)). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/campaign.h>
#include <anketa/url.h>

#include "campaign_index.h"
#include "campaign_kind.h"
#include "util.h"
#include "yamlwalk.h"

struct loader {
    struct yamlwalk w;
    struct anketa_campaign *c;
    char *dir;   /* folder of the campaign file, for relative logo paths */
};

static int valid_id(const char *s)
{
    if (*s == '\0')
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_'))
            return 0;
    return 1;
}

/* Reads the id of an entry: present, well-formed, unique in `map`. */
static int read_id(struct loader *L, yaml_node_t *entry, const char *what,
                   struct anketa_strmap *map, size_t index, char **out)
{
    int rc = anketa_yamlwalk_string(&L->w, entry, "id", 1, what, out);
    if (rc)
        return rc;
    yaml_node_t *v = anketa_yamlwalk_get(&L->w, entry, "id");
    if (!valid_id(*out))
        return anketa_yamlwalk_fail(&L->w, v, "%s id '%s' may hold only letters, digits, '-' and '_'",
                             what, *out);
    rc = anketa_strmap_put(map, *out, index);
    if (rc < 0)
        return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
    if (rc > 0)
        return anketa_yamlwalk_fail(&L->w, v, "duplicate %s id '%s'", what, *out);
    return 0;
}

/* A list under key `key` of the root: returns its node (NULL when absent and optional). */
static int root_list(struct loader *L, yaml_node_t *root, const char *key, int required,
                     yaml_node_t **out, size_t *count)
{
    *out = anketa_yamlwalk_get(&L->w, root, key);
    *count = 0;
    if (*out == NULL)
        return required ? anketa_yamlwalk_fail(&L->w, root, "missing required section '%s'", key) : 0;
    int rc = anketa_yamlwalk_expect(&L->w, *out, YAML_SEQUENCE_NODE, key);
    if (rc == 0)
        *count = anketa_yamlwalk_length(*out);
    if (rc == 0 && required && *count == 0)
        return anketa_yamlwalk_fail(&L->w, *out, "section '%s' must not be empty", key);
    return rc;
}

int anketa_parse_tz(const char *s, int *minutes)
{
    if (strcmp(s, "UTC") == 0 || strcmp(s, "Z") == 0) {
        *minutes = 0;
        return 0;
    }
    int h, m;
    char sign, end;
    if (sscanf(s, "%c%2d:%2d%c", &sign, &h, &m, &end) != 3 || (sign != '+' && sign != '-') ||
        strlen(s) != 6 || h > 14 || m > 59 || (h == 14 && m > 0))   /* UTC+14 is the last */
        return -1;
    *minutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
    return 0;
}

static int valid_date(const char *s)
{
    int y, m, d;
    char end;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
        return 0;
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static int load_campaign_section(struct loader *L, yaml_node_t *root)
{
    static const char *const keys[] = { "id", "name", "period", "timezone", "channel", "points",
                                        NULL };
    struct anketa_campaign *c = L->c;
    yaml_node_t *n = anketa_yamlwalk_get(&L->w, root, "campaign");
    int rc;
    if (n == NULL)
        return anketa_yamlwalk_fail(&L->w, root, "missing required section 'campaign'");
    if ((rc = anketa_yamlwalk_expect(&L->w, n, YAML_MAPPING_NODE, "campaign")) ||
        (rc = anketa_yamlwalk_check_keys(&L->w, n, keys, "campaign")) ||
        (rc = anketa_yamlwalk_string(&L->w, n, "id", 1, "campaign", &c->id)) ||
        (rc = anketa_yamlwalk_string(&L->w, n, "name", 1, "campaign", &c->name)) ||
        (rc = anketa_yamlwalk_string(&L->w, n, "timezone", 0, "campaign", &c->timezone)) ||
        (rc = anketa_yamlwalk_string(&L->w, n, "channel", 0, "campaign", &c->channel)))
        return rc;
    if (!valid_id(c->id))
        return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, n, "id"),
                             "campaign id '%s' may hold only letters, digits, '-' and '_'", c->id);
    if (c->timezone == NULL && (c->timezone = strdup("+03:00")) == NULL)
        return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
    if (anketa_parse_tz(c->timezone, &c->tz_offset_minutes) != 0)
        return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, n, "timezone"),
                             "timezone '%s' must be a UTC offset such as +09:00", c->timezone);
    if (c->channel == NULL && (c->channel = strdup("qr")) == NULL)
        return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
    yaml_node_t *points = anketa_yamlwalk_get(&L->w, n, "points");
    if (points != NULL) {
        const char *t = anketa_yamlwalk_text(points);
        if (t == NULL || (strcmp(t, "units") != 0 && strcmp(t, "offices") != 0))
            return anketa_yamlwalk_fail(&L->w, points, "points must be 'offices' (interaction "
                                        "points, the default) or 'units' (the authority's own units)");
        c->points_are_units = strcmp(t, "units") == 0;
    }
    yaml_node_t *period = anketa_yamlwalk_get(&L->w, n, "period");
    if (period != NULL) {
        static const char *const pkeys[] = { "start", "end", NULL };
        if ((rc = anketa_yamlwalk_expect(&L->w, period, YAML_MAPPING_NODE, "period")) ||
            (rc = anketa_yamlwalk_check_keys(&L->w, period, pkeys, "period")) ||
            (rc = anketa_yamlwalk_string(&L->w, period, "start", 1, "period", &c->period_start)) ||
            (rc = anketa_yamlwalk_string(&L->w, period, "end", 1, "period", &c->period_end)))
            return rc;
        if (!valid_date(c->period_start))
            return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, period, "start"),
                                 "'%s' is not a date YYYY-MM-DD", c->period_start);
        if (!valid_date(c->period_end))
            return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, period, "end"),
                                 "'%s' is not a date YYYY-MM-DD", c->period_end);
        if (strcmp(c->period_start, c->period_end) > 0)
            return anketa_yamlwalk_fail(&L->w, period, "period ends before it starts");
    }
    return 0;
}

static int load_targets(struct loader *L, yaml_node_t *root)
{
    static const char *const keys[] = { "satisfaction", "min_group", "method", NULL };
    struct anketa_campaign *c = L->c;
    c->min_group = 5;
    yaml_node_t *n = anketa_yamlwalk_get(&L->w, root, "targets");
    int rc;
    if (n == NULL)
        return (c->method = strdup("top2")) ? 0 : ANKETA_ERR_NOMEM;
    if ((rc = anketa_yamlwalk_expect(&L->w, n, YAML_MAPPING_NODE, "targets")) ||
        (rc = anketa_yamlwalk_check_keys(&L->w, n, keys, "targets")) ||
        (rc = anketa_yamlwalk_string(&L->w, n, "method", 0, "targets", &c->method)))
        return rc;
    if (c->method == NULL && (c->method = strdup("top2")) == NULL)
        return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
    if (strcmp(c->method, "top2") != 0 && strcmp(c->method, "mean_percent") != 0)
        return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, n, "method"),
                             "method '%s' must be top2 or mean_percent", c->method);
    yaml_node_t *v = anketa_yamlwalk_get(&L->w, n, "satisfaction");
    if (v != NULL) {
        const char *t = anketa_yamlwalk_text(v);
        char *end;
        errno = 0;
        double x = t ? strtod(t, &end) : 0;
        if (t == NULL || end == t || errno)
            return anketa_yamlwalk_fail(&L->w, v, "satisfaction target must be a number");
        if (*end == '%') {
            x /= 100;
            end++;
        }
        if (*end != '\0' || !(x > 0 && x <= 1))
            return anketa_yamlwalk_fail(&L->w, v, "satisfaction target '%s' must be a share in (0, 1] "
                                 "or a percentage such as 80%%", t);
        c->target = x;
    }
    v = anketa_yamlwalk_get(&L->w, n, "min_group");
    if (v != NULL) {
        const char *t = anketa_yamlwalk_text(v);
        char *end;
        errno = 0;
        long x = t ? strtol(t, &end, 10) : 0;
        if (t == NULL || end == t || *end || errno || x < 1 || x > 1000000)
            return anketa_yamlwalk_fail(&L->w, v, "min_group must be a whole number of at least 1");
        c->min_group = x;
    }
    return 0;
}

static int load_directions(struct loader *L, yaml_node_t *root)
{
    static const char *const keys[] = { "id", "kind", "name", NULL };
    struct anketa_campaign *c = L->c;
    yaml_node_t *seq;
    int rc = root_list(L, root, "directions", 1, &seq, &c->direction_count);
    if (rc || (c->directions = calloc(c->direction_count, sizeof *c->directions)) == NULL)
        return rc ? rc : ANKETA_ERR_NOMEM;
    for (size_t i = 0; i < c->direction_count; i++) {
        struct anketa_direction *d = &c->directions[i];
        yaml_node_t *e = anketa_yamlwalk_item(&L->w, seq, i);
        if ((rc = anketa_yamlwalk_expect(&L->w, e, YAML_MAPPING_NODE, "direction")) ||
            (rc = anketa_yamlwalk_check_keys(&L->w, e, keys, "direction")) ||
            (rc = read_id(L, e, "direction", &c->index->directions, i, &d->id)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "kind", 0, "direction", &d->kind)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "name", 1, "direction", &d->name)))
            return rc;
        if (d->kind && !campaign_direction_kind_known(d->kind))
            return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, e, "kind"),
                                 "direction kind '%s' must be one of service, support, control, "
                                 "prevention, appeal, information, process", d->kind);
    }
    return 0;
}

static int load_survey(struct loader *L, yaml_node_t *key, yaml_node_t *v,
                       struct anketa_survey *s)
{
    static const char *const keys[] = { "url", "prefill", NULL };
    const char *dir = anketa_yamlwalk_text(key);
    int rc;
    s->direction = dir ? anketa_campaign_direction(L->c, dir) : NULL;
    if (s->direction == NULL)
        return anketa_yamlwalk_fail(&L->w, key, "surveys: unknown direction '%s'", dir ? dir : "?");
    char *raw = NULL;
    if ((rc = anketa_yamlwalk_expect(&L->w, v, YAML_MAPPING_NODE, "survey")) ||
        (rc = anketa_yamlwalk_check_keys(&L->w, v, keys, "survey")) ||
        (rc = anketa_yamlwalk_string(&L->w, v, "url", 1, "survey", &raw)))
        return rc;
    struct anketa_error uerr;
    s->url = anketa_url_normalize(raw, &uerr);
    free(raw);
    if (s->url == NULL)
        return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, v, "url"), "%s", uerr.message);
    yaml_node_t *pf = anketa_yamlwalk_get(&L->w, v, "prefill");
    if (pf == NULL)
        return 0;
    if ((rc = anketa_yamlwalk_expect(&L->w, pf, YAML_MAPPING_NODE, "prefill")))
        return rc;
    size_t n = (size_t)(pf->data.mapping.pairs.top - pf->data.mapping.pairs.start);
    if ((s->prefill = calloc(n ? n : 1, sizeof *s->prefill)) == NULL)
        return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        yaml_node_pair_t *p = &pf->data.mapping.pairs.start[i];
        yaml_node_t *pk = anketa_yamlwalk_node(&L->w, p->key), *pv = anketa_yamlwalk_node(&L->w, p->value);
        const char *name = anketa_yamlwalk_text(pk), *tpl = anketa_yamlwalk_text(pv);
        if (name == NULL || *name == '\0' || tpl == NULL)
            return anketa_yamlwalk_fail(&L->w, pk, "prefill: each entry must be 'parameter: template'");
        struct anketa_error terr;
        if (anketa_campaign_check_template(tpl, &terr) != 0)
            return anketa_yamlwalk_fail(&L->w, pv, "prefill '%s': %s", name, terr.message);
        s->prefill_count++;
        s->prefill[i].name = strdup(name);
        s->prefill[i].value = strdup(tpl);
        if (!s->prefill[i].name || !s->prefill[i].value)
            return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
    }
    return 0;
}

static char *resolve_path(const char *dir, const char *path)
{
    if (path[0] == '/' || dir == NULL)
        return strdup(path);
    size_t n = strlen(dir) + strlen(path) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, path);
    return p;
}

static int load_authorities(struct loader *L, yaml_node_t *root)
{
    static const char *const keys[] = { "id", "name", "short_name", "logo", "feedback_url",
                                        "surveys", NULL };
    struct anketa_campaign *c = L->c;
    yaml_node_t *seq;
    int rc = root_list(L, root, "authorities", 1, &seq, &c->authority_count);
    if (rc || (c->authorities = calloc(c->authority_count, sizeof *c->authorities)) == NULL)
        return rc ? rc : ANKETA_ERR_NOMEM;
    for (size_t i = 0; i < c->authority_count; i++) {
        struct anketa_authority *a = &c->authorities[i];
        yaml_node_t *e = anketa_yamlwalk_item(&L->w, seq, i);
        char *logo = NULL, *feedback = NULL;
        if ((rc = anketa_yamlwalk_expect(&L->w, e, YAML_MAPPING_NODE, "authority")) ||
            (rc = anketa_yamlwalk_check_keys(&L->w, e, keys, "authority")) ||
            (rc = read_id(L, e, "authority", &c->index->authorities, i, &a->id)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "name", 1, "authority", &a->name)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "short_name", 0, "authority", &a->short_name)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "logo", 0, "authority", &logo)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "feedback_url", 1, "authority", &feedback))) {
            free(logo);
            return rc;
        }
        if (logo) {
            a->logo = resolve_path(L->dir, logo);
            free(logo);
        }
        struct anketa_error uerr;
        a->feedback_url = anketa_url_normalize(feedback, &uerr);
        free(feedback);
        if (a->feedback_url == NULL)
            return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, e, "feedback_url"), "%s", uerr.message);
        yaml_node_t *sv = anketa_yamlwalk_get(&L->w, e, "surveys");
        if (sv == NULL)
            continue;
        if ((rc = anketa_yamlwalk_expect(&L->w, sv, YAML_MAPPING_NODE, "surveys")))
            return rc;
        size_t n = (size_t)(sv->data.mapping.pairs.top - sv->data.mapping.pairs.start);
        if ((a->surveys = calloc(n ? n : 1, sizeof *a->surveys)) == NULL)
            return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
        for (size_t j = 0; j < n; j++) {
            yaml_node_pair_t *p = &sv->data.mapping.pairs.start[j];
            yaml_node_t *k = anketa_yamlwalk_node(&L->w, p->key);
            a->survey_count++; /* counted first, so a half-loaded one is freed too */
            if ((rc = load_survey(L, k, anketa_yamlwalk_node(&L->w, p->value), &a->surveys[j])))
                return rc;
            for (size_t q = 0; q < j; q++)
                if (a->surveys[q].direction == a->surveys[j].direction)
                    return anketa_yamlwalk_fail(&L->w, k, "survey of direction '%s' given twice",
                                         a->surveys[j].direction->id);
        }
    }
    return 0;
}

/* Looks up the id under `key` of entry e in map; error if absent there. */
static int reference(struct loader *L, yaml_node_t *e, const char *key, const char *what,
                     const struct anketa_strmap *map, int required, size_t *index, int *found)
{
    yaml_node_t *v = anketa_yamlwalk_get(&L->w, e, key);
    *found = 0;
    if (v == NULL)
        return required ? anketa_yamlwalk_fail(&L->w, e, "%s: missing required key '%s'", what, key) : 0;
    const char *id = anketa_yamlwalk_text(v);
    if (id == NULL || !anketa_strmap_get(map, id, index))
        return anketa_yamlwalk_fail(&L->w, v, "%s: unknown %s '%s'", what, key, id ? id : "?");
    *found = 1;
    return 0;
}

static int load_items(struct loader *L, yaml_node_t *root)
{
    static const char *const keys[] = { "id", "name", "authority", "direction", "kind", "events",
                                        NULL };
    struct anketa_campaign *c = L->c;
    struct campaign_kind_note note = { 0 };
    yaml_node_t *seq;
    int rc = root_list(L, root, "items", 0, &seq, &c->item_count);
    if (rc || (c->items = calloc(c->item_count ? c->item_count : 1, sizeof *c->items)) == NULL)
        return rc ? rc : ANKETA_ERR_NOMEM;
    for (size_t i = 0; i < c->item_count; i++) {
        struct anketa_item *it = &c->items[i];
        yaml_node_t *e = anketa_yamlwalk_item(&L->w, seq, i);
        size_t ai, di;
        int found;
        if ((rc = anketa_yamlwalk_expect(&L->w, e, YAML_MAPPING_NODE, "item")) ||
            (rc = anketa_yamlwalk_check_keys(&L->w, e, keys, "item")) ||
            (rc = read_id(L, e, "item", &c->index->items, i, &it->id)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "name", 1, "item", &it->name)) ||
            (rc = reference(L, e, "authority", "item", &c->index->authorities, 1, &ai, &found)) ||
            (rc = reference(L, e, "direction", "item", &c->index->directions, 1, &di, &found)))
            return rc;
        it->authority = &c->authorities[ai];
        it->direction = &c->directions[di];
        if (anketa_authority_survey(it->authority, it->direction->id) == NULL)
            return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, e, "direction"),
                                 "item '%s': authority '%s' has no survey for direction '%s'",
                                 it->id, it->authority->id, it->direction->id);
        if ((rc = campaign_item_kind(&L->w, e, it, &note)))
            return rc;
        /* Names resolve too (ingest reads them from exports); the first wins. */
        if (anketa_strmap_put(&c->index->item_names, it->name, i) < 0)
            return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
    }
    return campaign_kind_notice(c, L->w.file, &note, L->w.err);
}

static int load_points(struct loader *L, yaml_node_t *root)
{
    static const char *const keys[] = { "id", "name", "municipality", "address", "authority",
                                        "items", NULL };
    struct anketa_campaign *c = L->c;
    yaml_node_t *seq;
    int rc = root_list(L, root, "points", 0, &seq, &c->point_count);
    if (rc || (c->points = calloc(c->point_count ? c->point_count : 1, sizeof *c->points)) == NULL)
        return rc ? rc : ANKETA_ERR_NOMEM;
    for (size_t i = 0; i < c->point_count; i++) {
        struct anketa_point *pt = &c->points[i];
        yaml_node_t *e = anketa_yamlwalk_item(&L->w, seq, i);
        size_t ai;
        int has_authority;
        if ((rc = anketa_yamlwalk_expect(&L->w, e, YAML_MAPPING_NODE, "point")) ||
            (rc = anketa_yamlwalk_check_keys(&L->w, e, keys, "point")) ||
            (rc = read_id(L, e, "point", &c->index->points, i, &pt->id)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "name", 1, "point", &pt->name)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "municipality", 1, "point", &pt->municipality)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "address", 0, "point", &pt->address)) ||
            (rc = reference(L, e, "authority", "point", &c->index->authorities, 0, &ai,
                            &has_authority)))
            return rc;
        if (has_authority)
            pt->authority = &c->authorities[ai];
        if (anketa_strmap_put(&c->index->point_names, pt->name, i) < 0)
            return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
        yaml_node_t *items = anketa_yamlwalk_get(&L->w, e, "items");
        if (items == NULL) {
            /* Without a list, a point offers every item of its authority. */
            if (!has_authority)
                return anketa_yamlwalk_fail(&L->w, e, "point '%s' needs 'items' or 'authority'", pt->id);
            if ((pt->items = calloc(c->item_count ? c->item_count : 1, sizeof *pt->items)) == NULL)
                return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
            for (size_t j = 0; j < c->item_count; j++)
                if (c->items[j].authority == pt->authority)
                    pt->items[pt->item_count++] = &c->items[j];
            continue;
        }
        if ((rc = anketa_yamlwalk_expect(&L->w, items, YAML_SEQUENCE_NODE, "point items")))
            return rc;
        size_t n = anketa_yamlwalk_length(items);
        if ((pt->items = calloc(n ? n : 1, sizeof *pt->items)) == NULL)
            return anketa_error_set(L->w.err, ANKETA_ERR_NOMEM, "out of memory");
        for (size_t j = 0; j < n; j++) {
            yaml_node_t *v = anketa_yamlwalk_item(&L->w, items, j);
            const char *id = anketa_yamlwalk_text(v);
            size_t k;
            if (id == NULL || !anketa_strmap_get(&c->index->items, id, &k))
                return anketa_yamlwalk_fail(&L->w, v, "point '%s': unknown item '%s'", pt->id,
                                     id ? id : "?");
            for (size_t q = 0; q < pt->item_count; q++)
                if (pt->items[q] == &c->items[k])
                    return anketa_yamlwalk_fail(&L->w, v, "point '%s': item '%s' listed twice", pt->id, id);
            pt->items[pt->item_count++] = &c->items[k];
        }
    }
    return 0;
}

static int parse_scale(const char *s, struct anketa_question *q)
{
    if (strcmp(s, "yes/no") == 0 || strcmp(s, "yes-no") == 0 || strcmp(s, "0-1") == 0) {
        q->lo = 0;
        q->hi = 1;
        q->yes_no = 1;
        return 0;
    }
    int lo, hi;
    char end;
    if (sscanf(s, "%d-%d%c", &lo, &hi, &end) != 2 || lo < 0 || hi <= lo || hi > 10)
        return -1;
    q->lo = lo;
    q->hi = hi;
    return 0;
}

static int load_questions(struct loader *L, yaml_node_t *root)
{
    static const char *const keys[] = { "id", "text", "scale", NULL };
    struct anketa_campaign *c = L->c;
    yaml_node_t *seq;
    int rc = root_list(L, root, "questions", 1, &seq, &c->question_count);
    if (rc || (c->questions = calloc(c->question_count, sizeof *c->questions)) == NULL)
        return rc ? rc : ANKETA_ERR_NOMEM;
    for (size_t i = 0; i < c->question_count; i++) {
        struct anketa_question *q = &c->questions[i];
        yaml_node_t *e = anketa_yamlwalk_item(&L->w, seq, i);
        char *scale = NULL;
        if ((rc = anketa_yamlwalk_expect(&L->w, e, YAML_MAPPING_NODE, "question")) ||
            (rc = anketa_yamlwalk_check_keys(&L->w, e, keys, "question")) ||
            (rc = read_id(L, e, "question", &c->index->questions, i, &q->id)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "text", 1, "question", &q->text)) ||
            (rc = anketa_yamlwalk_string(&L->w, e, "scale", 1, "question", &scale)))
            return rc;
        int bad = parse_scale(scale, q);
        free(scale);
        if (bad)
            return anketa_yamlwalk_fail(&L->w, anketa_yamlwalk_get(&L->w, e, "scale"),
                                 "scale must be LO-HI within 0-10 (such as 1-5, 0-10) or yes/no");
    }
    return 0;
}

static int load_root(struct loader *L)
{
    static const char *const keys[] = { "campaign", "targets", "directions", "authorities",
                                        "items", "points", "questions", NULL };
    yaml_node_t *root = anketa_yamlwalk_root(&L->w);
    int rc;
    if ((rc = anketa_yamlwalk_expect(&L->w, root, YAML_MAPPING_NODE, "the campaign file")) ||
        (rc = anketa_yamlwalk_check_keys(&L->w, root, keys, "the campaign file")) ||
        (rc = load_campaign_section(L, root)) || (rc = load_targets(L, root)) ||
        (rc = load_directions(L, root)) || (rc = load_authorities(L, root)) ||
        (rc = load_items(L, root)) || (rc = load_points(L, root)) ||
        (rc = load_questions(L, root)))
        return rc;
    return 0;
}

struct anketa_campaign *anketa_campaign_parse(const char *text, size_t len, const char *name,
                                              struct anketa_error *err)
{
    struct loader L = { 0 };
    L.c = calloc(1, sizeof *L.c);
    if (L.c == NULL || (L.c->index = calloc(1, sizeof *L.c->index)) == NULL ||
        (L.c->path = strdup(name)) == NULL) {
        anketa_campaign_free(L.c);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    const char *slash = strrchr(name, '/');
    L.dir = slash ? strndup(name, (size_t)(slash - name)) : strdup(".");
    int rc = L.dir ? anketa_yamlwalk_load(&L.w, text, len, name, err)
                   : anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    if (rc == 0)
        rc = load_root(&L);
    if (rc == ANKETA_ERR_NOMEM && err && err->message[0] == '\0')
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    anketa_yamlwalk_free(&L.w);
    free(L.dir);
    if (rc != 0) {
        anketa_campaign_free(L.c);
        return NULL;
    }
    return L.c;
}

struct anketa_campaign *anketa_campaign_load(const char *path, struct anketa_error *err)
{
    size_t len;
    char *text = anketa_read_file(path, &len, err);
    if (text == NULL)
        return NULL;
    struct anketa_campaign *c = anketa_campaign_parse(text, len, path, err);
    free(text);
    return c;
}

void anketa_campaign_free(struct anketa_campaign *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->direction_count; i++) {
        free(c->directions[i].id);
        free(c->directions[i].kind);
        free(c->directions[i].name);
    }
    for (size_t i = 0; i < c->authority_count; i++) {
        struct anketa_authority *a = &c->authorities[i];
        free(a->id);
        free(a->name);
        free(a->short_name);
        free(a->logo);
        free(a->feedback_url);
        for (size_t j = 0; j < a->survey_count; j++) {
            free(a->surveys[j].url);
            for (size_t k = 0; k < a->surveys[j].prefill_count; k++) {
                free(a->surveys[j].prefill[k].name);
                free(a->surveys[j].prefill[k].value);
            }
            free(a->surveys[j].prefill);
        }
        free(a->surveys);
    }
    for (size_t i = 0; i < c->item_count; i++) {
        free(c->items[i].id);
        free(c->items[i].name);
        free(c->items[i].kind);
    }
    for (size_t i = 0; i < c->point_count; i++) {
        free(c->points[i].id);
        free(c->points[i].name);
        free(c->points[i].municipality);
        free(c->points[i].address);
        free(c->points[i].items);
    }
    for (size_t i = 0; i < c->question_count; i++) {
        free(c->questions[i].id);
        free(c->questions[i].text);
    }
    if (c->index) {
        anketa_strmap_free(&c->index->directions);
        anketa_strmap_free(&c->index->authorities);
        anketa_strmap_free(&c->index->items);
        anketa_strmap_free(&c->index->item_names);
        anketa_strmap_free(&c->index->points);
        anketa_strmap_free(&c->index->point_names);
        anketa_strmap_free(&c->index->questions);
        free(c->index);
    }
    free(c->directions);
    free(c->authorities);
    free(c->items);
    free(c->points);
    free(c->questions);
    free(c->path);
    free(c->id);
    free(c->name);
    free(c->period_start);
    free(c->period_end);
    free(c->timezone);
    free(c->channel);
    free(c->method);
    free(c->notice);
    free(c);
}
