/* Ingest profiles (anketa-profile(5)): which header gives which canonical
 * field or question, which option texts mean which scale point, and the
 * source's encoding, delimiter and date formats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/paths.h>

#include "ingest_int.h"
#include "util.h"
#include "yamlwalk.h"

const char *const ingest_field_names[FIELD_COUNT] = {
    "response_id", "submitted_at", "source", "channel", "authority", "direction",
    "item", "point", "municipality", "weight", "comment",
};

static char *folded_copy(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(len + 1);
    if (out)
        ingest_fold(s, len, out);
    return out;
}

/* A scalar or a sequence of scalars, each folded. */
static int read_patterns(struct yamlwalk *w, const yaml_node_t *n, const char *what,
                         struct ingest_patterns *p)
{
    size_t count = n->type == YAML_SEQUENCE_NODE ? anketa_yamlwalk_length(n) : 1;
    if (n->type != YAML_SEQUENCE_NODE && n->type != YAML_SCALAR_NODE)
        return anketa_yamlwalk_fail(w, n, "%s must be a header text or a list of them", what);
    char **v = calloc(p->n + count, sizeof *v);
    if (v == NULL)
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    if (p->n)
        memcpy(v, p->v, p->n * sizeof *v);
    free(p->v);
    p->v = v;
    for (size_t i = 0; i < count; i++) {
        const yaml_node_t *item = n->type == YAML_SEQUENCE_NODE ? anketa_yamlwalk_item(w, n, i) : n;
        const char *text = anketa_yamlwalk_text(item);
        if (text == NULL || *text == '\0')
            return anketa_yamlwalk_fail(w, item, "%s: a header must be a non-empty text", what);
        if ((p->v[p->n] = folded_copy(text)) == NULL)
            return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
        p->n++;
    }
    return 0;
}

static int read_fields(struct yamlwalk *w, const yaml_node_t *map, struct anketa_profile *p)
{
    const char *keys[FIELD_COUNT + 1] = { NULL };
    memcpy(keys, ingest_field_names, sizeof ingest_field_names);
    if (anketa_yamlwalk_expect(w, map, YAML_MAPPING_NODE, "fields") != 0 ||
        anketa_yamlwalk_check_keys(w, map, keys, "fields") != 0)
        return w->err->code;
    for (int f = 0; f < FIELD_COUNT; f++) {
        yaml_node_t *n = anketa_yamlwalk_get(w, map, ingest_field_names[f]);
        if (n && read_patterns(w, n, ingest_field_names[f], &p->fields[f]) != 0)
            return w->err->code;
    }
    return 0;
}

static int read_questions(struct yamlwalk *w, const yaml_node_t *map, struct anketa_profile *p)
{
    if (anketa_yamlwalk_expect(w, map, YAML_MAPPING_NODE, "questions") != 0)
        return w->err->code;
    size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
    if ((p->questions = calloc(n ? n : 1, sizeof *p->questions)) == NULL)
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
         pair < map->data.mapping.pairs.top; pair++) {
        const yaml_node_t *k = anketa_yamlwalk_node(w, pair->key);
        const char *id = anketa_yamlwalk_text(k);
        if (id == NULL || *id == '\0')
            return anketa_yamlwalk_fail(w, k, "questions: a key must be a question id");
        for (size_t i = 0; i < p->question_count; i++)
            if (strcmp(p->questions[i].id, id) == 0)
                return anketa_yamlwalk_fail(w, k, "questions: '%s' given twice", id);
        struct profile_question *q = &p->questions[p->question_count++];
        if ((q->id = strdup(id)) == NULL)
            return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
        if (read_patterns(w, anketa_yamlwalk_node(w, pair->value), id, &q->headers) != 0)
            return w->err->code;
    }
    return 0;
}

static int add_label(struct yamlwalk *w, const yaml_node_t *at, struct anketa_profile *p,
                     const char *scale, const char *text, int value)
{
    char *folded = folded_copy(text);
    size_t len = folded ? strlen(scale) + strlen(folded) + 2 : 0;
    char *key = folded ? malloc(len) : NULL;
    if (key)
        snprintf(key, len, "%s" LABEL_SCALE_SEP "%s", scale, folded);
    free(folded);
    char **keys = key ? realloc(p->label_keys, (p->label_count + 1) * sizeof *keys) : NULL;
    if (keys)
        p->label_keys = keys;
    int *values = keys ? realloc(p->label_values, (p->label_count + 1) * sizeof *values) : NULL;
    if (values == NULL) {
        free(key);
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    }
    p->label_values = values;
    p->label_keys[p->label_count] = key;
    p->label_values[p->label_count] = value;
    int rc = anketa_strmap_put(&p->labels, key, p->label_count);
    p->label_count++;
    if (rc < 0)
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    if (rc == 1)
        return anketa_yamlwalk_fail(w, at, "labels: '%s' is given twice%s%s", text,
                                    strcmp(scale, LABEL_ANY_SCALE) ? " on scale " : "",
                                    strcmp(scale, LABEL_ANY_SCALE) ? scale : "");
    return 0;
}

/* A scale key of labels: "1-5", "0-10", "yes/no" (0-1), ... into "lo-hi";
 * 0 when the key is none. */
static int scale_key(const char *key, char *out, size_t cap, long *lo, long *hi)
{
    char *end;
    if (strcmp(key, "yes/no") == 0) {
        *lo = 0;
        *hi = 1;
    } else {
        *lo = strtol(key, &end, 10);
        if (end == key || *end != '-' || *lo < 0 || *lo > 1000)
            return 0;
        const char *h = end + 1;
        *hi = strtol(h, &end, 10);
        if (end == h || *end != '\0' || *hi <= *lo || *hi > 1000)
            return 0;
    }
    snprintf(out, cap, "%ld-%ld", *lo, *hi);
    return 1;
}

/* labels: { 5: [отлично, ...], 0: [нет], none: [затрудняюсь ответить] }, or
 * by scale: { 1-5: { 5: [отлично], ... }, yes/no: { 1: [да], 0: [нет] } }: a
 * label of a scale means its point only in a question of that scale. */
static int read_labels(struct yamlwalk *w, const yaml_node_t *map, struct anketa_profile *p,
                       const char *scale, long lo, long hi)
{
    if (anketa_yamlwalk_expect(w, map, YAML_MAPPING_NODE, "labels") != 0)
        return w->err->code;
    for (yaml_node_pair_t *pair = map->data.mapping.pairs.start;
         pair < map->data.mapping.pairs.top; pair++) {
        const yaml_node_t *k = anketa_yamlwalk_node(w, pair->key), *v = anketa_yamlwalk_node(w, pair->value);
        const char *key = anketa_yamlwalk_text(k);
        char *end = NULL, sub[48];
        long value = LABEL_UNANSWERED, slo, shi;
        if (key && scale == NULL && scale_key(key, sub, sizeof sub, &slo, &shi)) {
            if (read_labels(w, v, p, sub, slo, shi) != 0)
                return w->err->code;
            continue;
        }
        if (key == NULL || (strcmp(key, "none") != 0 &&
                            ((value = strtol(key, &end, 10)), end == key || *end != '\0' ||
                             value < lo || value > hi))) {
            if (scale)
                return anketa_yamlwalk_fail(w, k, "labels: a key of scale %s must be one of its "
                                                  "points or 'none'", scale);
            return anketa_yamlwalk_fail(w, k, "labels: a key must be a scale point (a whole "
                                              "number), 'none' (not answered), or a scale "
                                              "(1-5, 0-10, yes/no)");
        }
        struct ingest_patterns texts = { 0 };
        int rc = read_patterns(w, v, "labels", &texts);
        for (size_t i = 0; rc == 0 && i < texts.n; i++)
            rc = add_label(w, v, p, scale ? scale : LABEL_ANY_SCALE, texts.v[i], (int)value);
        for (size_t i = 0; i < texts.n; i++)
            free(texts.v[i]);
        free(texts.v);
        if (rc != 0)
            return rc;
    }
    return 0;
}

static int read_choice(struct yamlwalk *w, const yaml_node_t *map, const char *key,
                       const char *const *names, const int *values, int *out)
{
    yaml_node_t *n = anketa_yamlwalk_get(w, map, key);
    if (n == NULL)
        return 0;
    const char *text = anketa_yamlwalk_text(n);
    for (size_t i = 0; text && names[i]; i++)
        if (strcmp(text, names[i]) == 0) {
            *out = values[i];
            return 0;
        }
    return anketa_yamlwalk_fail(w, n, "%s must be one of the documented values", key);
}

static int read_profile(struct yamlwalk *w, struct anketa_profile *p)
{
    static const char *const keys[] = { "source", "channel", "encoding", "delimiter", "dates",
                                        "number_prefix", "fields", "questions", "labels",
                                        "identifying", "id_scope", NULL };
    static const char *const scopes[] = { "none", "point", NULL };
    static const int scope_values[] = { 0, 1 };
    static const char *const encodings[] = { "auto", "utf-8", "cp1251", NULL };
    static const int encoding_values[] = { ANKETA_ENCODING_AUTO, ANKETA_ENCODING_UTF8,
                                           ANKETA_ENCODING_CP1251 };
    static const char *const delimiters[] = { "auto", ",", ";", "tab", NULL };
    static const int delimiter_values[] = { 0, ',', ';', '\t' };
    static const char *const booleans[] = { "true", "false", "yes", "no", NULL };
    static const int boolean_values[] = { 1, 0, 1, 0 };
    yaml_node_t *root = anketa_yamlwalk_root(w), *n;
    if (root == NULL)
        return anketa_error_at(w->err, ANKETA_ERR_INVALID, w->file, 0, 0, "empty profile");
    if (anketa_yamlwalk_expect(w, root, YAML_MAPPING_NODE, "a profile") != 0 ||
        anketa_yamlwalk_check_keys(w, root, keys, "profile") != 0 ||
        anketa_yamlwalk_string(w, root, "source", 0, "profile", &p->source) != 0 ||
        anketa_yamlwalk_string(w, root, "channel", 0, "profile", &p->channel) != 0 ||
        read_choice(w, root, "encoding", encodings, encoding_values, &p->encoding) != 0 ||
        read_choice(w, root, "delimiter", delimiters, delimiter_values, &p->delimiter) != 0 ||
        read_choice(w, root, "number_prefix", booleans, boolean_values, &p->number_prefix) != 0 ||
        read_choice(w, root, "id_scope", scopes, scope_values, &p->id_scope_point) != 0)
        return w->err->code;
    if (p->source && (strchr(p->source, ':') || strchr(p->source, ',') || !*p->source))
        return anketa_yamlwalk_fail(w, anketa_yamlwalk_get(w, root, "source"),
                             "source '%s' must be a short name without ':' or ','", p->source);
    p->dates = DATES_ISO | DATES_DMY | DATES_EXCEL;
    if ((n = anketa_yamlwalk_get(w, root, "dates")) != NULL) {
        struct ingest_patterns d = { 0 };
        int rc = read_patterns(w, n, "dates", &d);
        p->dates = 0;
        for (size_t i = 0; rc == 0 && i < d.n; i++) {
            if (strcmp(d.v[i], "iso") == 0) p->dates |= DATES_ISO;
            else if (strcmp(d.v[i], "dmy") == 0) p->dates |= DATES_DMY;
            else if (strcmp(d.v[i], "excel") == 0) p->dates |= DATES_EXCEL;
            else rc = anketa_yamlwalk_fail(w, n, "dates: '%s' is not iso, dmy or excel", d.v[i]);
        }
        for (size_t i = 0; i < d.n; i++)
            free(d.v[i]);
        free(d.v);
        if (rc != 0)
            return rc;
    }
    if ((n = anketa_yamlwalk_get(w, root, "fields")) == NULL)
        return anketa_yamlwalk_fail(w, root, "profile: 'fields' is required");
    if (read_fields(w, n, p) != 0)
        return w->err->code;
    if (p->fields[FIELD_ID].n == 0 || p->fields[FIELD_DATE].n == 0)
        return anketa_yamlwalk_fail(w, n, "fields: response_id and submitted_at are required");
    if ((n = anketa_yamlwalk_get(w, root, "questions")) && read_questions(w, n, p) != 0)
        return w->err->code;
    if ((n = anketa_yamlwalk_get(w, root, "labels")) &&
        read_labels(w, n, p, NULL, -1000000, 1000000) != 0)
        return w->err->code;
    if ((n = anketa_yamlwalk_get(w, root, "identifying")) &&
        read_patterns(w, n, "identifying", &p->identifying) != 0)
        return w->err->code;
    return 0;
}

static void free_patterns(struct ingest_patterns *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
}

void anketa_profile_free(struct anketa_profile *p)
{
    if (p == NULL)
        return;
    free(p->name);
    free(p->source);
    free(p->channel);
    for (int f = 0; f < FIELD_COUNT; f++)
        free_patterns(&p->fields[f]);
    for (size_t i = 0; i < p->question_count; i++) {
        free(p->questions[i].id);
        free_patterns(&p->questions[i].headers);
    }
    free(p->questions);
    free_patterns(&p->identifying);
    for (size_t i = 0; i < p->label_count; i++)
        free(p->label_keys[i]);
    free(p->label_keys);
    free(p->label_values);
    anketa_strmap_free(&p->labels);
    free(p);
}

struct anketa_profile *anketa_profile_parse(const char *text, size_t len, const char *name,
                                            struct anketa_error *err)
{
    struct anketa_profile *p = calloc(1, sizeof *p);
    if (p == NULL || (p->name = strdup(name)) == NULL) {
        free(p);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    struct yamlwalk w = { 0 };
    int rc = anketa_yamlwalk_load(&w, text, len, name, err);
    if (rc == 0)
        rc = read_profile(&w, p);
    anketa_yamlwalk_free(&w);
    if (rc != 0) {
        anketa_profile_free(p);
        return NULL;
    }
    return p;
}

struct anketa_profile *anketa_profile_load(const char *name_or_path, struct anketa_error *err)
{
    size_t len;
    char *path = anketa_named_yaml("templates/ingest", name_or_path, "profile", ANKETA_ERR_USAGE,
                                   err);
    if (path == NULL)
        return NULL;
    char *text = anketa_read_file(path, &len, err);
    struct anketa_profile *p = text ? anketa_profile_parse(text, len, path, err) : NULL;
    free(text);
    free(path);
    return p;
}
