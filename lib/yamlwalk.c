#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"
#include "yamlwalk.h"

#define LINE(n) ((long)(n)->start_mark.line + 1)
#define COLUMN(n) ((long)(n)->start_mark.column + 1)

/* The document is built from the parser's events rather than by
 * yaml_parser_load, so that it is bounded while it is read: libyaml's own
 * loader has no depth limit (its scanner is quadratic in the nesting), looks
 * anchors up one by one and lets aliases multiply what a walker visits. */

struct open_node {
    int id;
    int key;                /* a mapping's pending key, 0 when none */
};

struct builder {
    struct yamlwalk *w;
    yaml_parser_t parser;
    struct open_node stack[YAMLWALK_MAX_DEPTH];
    int depth;
    size_t *size;           /* node id -> nodes under it, aliases counted as what they name */
    size_t size_cap;
    size_t expanded;        /* nodes, each alias counted as what it stands for */
    struct anketa_strmap anchors;   /* anchor -> node id */
    char **names;           /* the anchors' texts, owned */
    size_t name_count, name_cap;
};

static int fail_at(struct builder *b, const yaml_mark_t *m, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail_at(struct builder *b, const yaml_mark_t *m, int code, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return anketa_error_at(b->w->err, code, b->w->file, (long)m->line + 1, (long)m->column + 1,
                           "%s", msg);
}

static int nomem(struct builder *b)
{
    return anketa_error_set(b->w->err, ANKETA_ERR_NOMEM, "out of memory");
}

/* Counts `n` more visited nodes against the limit. */
static int count(struct builder *b, const yaml_mark_t *m, size_t n)
{
    if (n > YAMLWALK_MAX_NODES - b->expanded)
        return fail_at(b, m, ANKETA_ERR_LIMIT,
                       "more than %d YAML nodes (aliases counted as what they stand for)",
                       YAMLWALK_MAX_NODES);
    b->expanded += n;
    return 0;
}

/* A node just added: its mark, its anchor, its room in b->size. */
static int added(struct builder *b, int id, const yaml_event_t *e, const yaml_char_t *anchor)
{
    if (id == 0)
        return nomem(b);
    yaml_node_t *n = yaml_document_get_node(&b->w->doc, id);
    n->start_mark = e->start_mark;
    n->end_mark = e->end_mark;
    if (anketa_reserve((void **)&b->size, &b->size_cap, (size_t)id + 1, sizeof *b->size) != 0)
        return nomem(b);
    b->size[id] = 0;
    if (anchor == NULL)
        return 0;
    if (anketa_reserve((void **)&b->names, &b->name_cap, b->name_count + 1, sizeof *b->names))
        return nomem(b);
    char *name = strdup((const char *)anchor);
    if (name == NULL)
        return nomem(b);
    b->names[b->name_count++] = name;
    int rc = anketa_strmap_put(&b->anchors, name, (size_t)id);
    if (rc < 0)
        return nomem(b);
    if (rc > 0)
        return fail_at(b, &e->start_mark, ANKETA_ERR_PARSE, "anchor '&%s' defined twice", name);
    return 0;
}

/* Hangs a finished node (or an alias's target) on the open collection. */
static int attach(struct builder *b, int id)
{
    if (b->depth == 0)
        return 0;   /* the root: the document's first node */
    struct open_node *p = &b->stack[b->depth - 1];
    yaml_node_t *pn = yaml_document_get_node(&b->w->doc, p->id);
    int ok = 1;
    if (pn->type == YAML_SEQUENCE_NODE) {
        ok = yaml_document_append_sequence_item(&b->w->doc, p->id, id);
    } else if (p->key == 0) {
        p->key = id;
    } else {
        ok = yaml_document_append_mapping_pair(&b->w->doc, p->id, p->key, id);
        p->key = 0;
    }
    b->size[p->id] += b->size[id];
    return ok ? 0 : nomem(b);
}

static int on_event(struct builder *b, const yaml_event_t *e)
{
    yaml_document_t *d = &b->w->doc;
    int id, rc;
    size_t target;
    switch (e->type) {
    case YAML_SCALAR_EVENT:
        id = yaml_document_add_scalar(d, e->data.scalar.tag, e->data.scalar.value,
                                      (int)e->data.scalar.length, e->data.scalar.style);
        if ((rc = count(b, &e->start_mark, 1)) || (rc = added(b, id, e, e->data.scalar.anchor)))
            return rc;
        b->size[id] = 1;
        return attach(b, id);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (b->depth == YAMLWALK_MAX_DEPTH)
            return fail_at(b, &e->start_mark, ANKETA_ERR_LIMIT,
                           "lists and mappings nested deeper than %d levels", YAMLWALK_MAX_DEPTH);
        id = e->type == YAML_SEQUENCE_START_EVENT
                 ? yaml_document_add_sequence(d, e->data.sequence_start.tag,
                                              e->data.sequence_start.style)
                 : yaml_document_add_mapping(d, e->data.mapping_start.tag,
                                             e->data.mapping_start.style);
        if ((rc = count(b, &e->start_mark, 1)) ||
            (rc = added(b, id, e, e->type == YAML_SEQUENCE_START_EVENT
                                      ? e->data.sequence_start.anchor
                                      : e->data.mapping_start.anchor)))
            return rc;
        b->stack[b->depth].id = id;
        b->stack[b->depth].key = 0;
        b->depth++;
        return 0;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        id = b->stack[--b->depth].id;
        yaml_document_get_node(d, id)->end_mark = e->end_mark;
        b->size[id] += 1;
        return attach(b, id);
    case YAML_ALIAS_EVENT:
        if (!anketa_strmap_get(&b->anchors, (const char *)e->data.alias.anchor, &target))
            return fail_at(b, &e->start_mark, ANKETA_ERR_PARSE, "alias '*%s' names no anchor",
                           (const char *)e->data.alias.anchor);
        for (int i = 0; i < b->depth; i++)
            if (b->stack[i].id == (int)target)
                return fail_at(b, &e->start_mark, ANKETA_ERR_PARSE,
                               "alias '*%s' stands inside the node it names",
                               (const char *)e->data.alias.anchor);
        if ((rc = count(b, &e->start_mark, b->size[target])))
            return rc;
        return attach(b, (int)target);
    default:
        return 0;
    }
}

int anketa_yamlwalk_load(struct yamlwalk *w, const char *text, size_t len, const char *file,
                  struct anketa_error *err)
{
    struct builder b;
    memset(w, 0, sizeof *w);
    memset(&b, 0, sizeof b);
    w->file = file;
    w->err = err;
    b.w = w;
    if (!yaml_parser_initialize(&b.parser))
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
    int rc = 0, in_document = 0;
    for (;;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&b.parser, &e)) {
            const yaml_parser_t *p = &b.parser;
            const yaml_mark_t *m = p->problem_mark.line || p->problem_mark.column
                                       ? &p->problem_mark : &p->context_mark;
            rc = anketa_error_at(err, ANKETA_ERR_PARSE, file, (long)m->line + 1,
                                 (long)m->column + 1, "%s%s%s",
                                 p->problem ? p->problem : "YAML syntax error",
                                 p->context ? " " : "", p->context ? p->context : "");
            break;
        }
        yaml_event_type_t type = e.type;
        if (type == YAML_DOCUMENT_START_EVENT) {
            if (!yaml_document_initialize(&w->doc, NULL, NULL, NULL, 1, 1))
                rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
            else
                w->loaded = in_document = 1;
        } else if (in_document) {
            rc = on_event(&b, &e);
        }
        yaml_event_delete(&e);
        /* only the first document counts, as with yaml_parser_load */
        if (rc != 0 || type == YAML_DOCUMENT_END_EVENT || type == YAML_STREAM_END_EVENT)
            break;
    }
    if (rc == 0 && yaml_document_get_root_node(&w->doc) == NULL)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, file, 0, 0, "empty document");
    for (size_t i = 0; i < b.name_count; i++)
        free(b.names[i]);
    free(b.names);
    free(b.size);
    anketa_strmap_free(&b.anchors);
    yaml_parser_delete(&b.parser);
    return rc;
}

void anketa_yamlwalk_free(struct yamlwalk *w)
{
    if (w->loaded)
        yaml_document_delete(&w->doc);
    w->loaded = 0;
}

yaml_node_t *anketa_yamlwalk_root(struct yamlwalk *w)
{
    return yaml_document_get_root_node(&w->doc);
}

yaml_node_t *anketa_yamlwalk_node(struct yamlwalk *w, int index)
{
    return yaml_document_get_node(&w->doc, index);
}

int anketa_yamlwalk_fail(struct yamlwalk *w, const yaml_node_t *n, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return anketa_error_at(w->err, ANKETA_ERR_INVALID, w->file, n ? LINE(n) : 0,
                           n ? COLUMN(n) : 0, "%s", msg);
}

static const char *type_name(yaml_node_type_t t)
{
    return t == YAML_MAPPING_NODE ? "a mapping" : t == YAML_SEQUENCE_NODE ? "a list" : "a value";
}

int anketa_yamlwalk_expect(struct yamlwalk *w, const yaml_node_t *n, yaml_node_type_t type,
                    const char *what)
{
    if (n == NULL || n->type != type)
        return anketa_yamlwalk_fail(w, n, "%s must be %s", what, type_name(type));
    return 0;
}

const char *anketa_yamlwalk_text(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

int anketa_yamlwalk_check_keys(struct yamlwalk *w, const yaml_node_t *map, const char *const *allowed,
                        const char *what)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = anketa_yamlwalk_node(w, p->key);
        const char *key = anketa_yamlwalk_text(k);
        if (key == NULL)
            return anketa_yamlwalk_fail(w, k, "%s: keys must be plain names", what);
        int known = 0;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strcmp(*a, key) == 0;
        if (!known) {
            char list[512] = "";
            for (const char *const *a = allowed; *a; a++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                         a == allowed ? "" : ", ", *a);
            return anketa_yamlwalk_fail(w, k, "unknown key '%s' in %s (expected one of: %s)", key, what,
                                 list);
        }
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++)
            if (strcmp(anketa_yamlwalk_text(anketa_yamlwalk_node(w, q->key)), key) == 0)
                return anketa_yamlwalk_fail(w, k, "key '%s' given twice in %s", key, what);
    }
    return 0;
}

yaml_node_t *anketa_yamlwalk_get(struct yamlwalk *w, const yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = anketa_yamlwalk_text(anketa_yamlwalk_node(w, p->key));
        if (k != NULL && strcmp(k, key) == 0)
            return anketa_yamlwalk_node(w, p->value);
    }
    return NULL;
}

int anketa_yamlwalk_string(struct yamlwalk *w, const yaml_node_t *map, const char *key, int required,
                    const char *what, char **out)
{
    *out = NULL;
    yaml_node_t *v = anketa_yamlwalk_get(w, map, key);
    if (v == NULL) {
        if (required)
            return anketa_yamlwalk_fail(w, map, "%s: missing required key '%s'", what, key);
        return 0;
    }
    const char *text = anketa_yamlwalk_text(v);
    if (text == NULL)
        return anketa_yamlwalk_fail(w, v, "%s: '%s' must be a single value", what, key);
    if (strlen(text) != v->data.scalar.length)   /* "\0" in a quoted value */
        return anketa_yamlwalk_fail(w, v, "%s: '%s' holds a NUL character", what, key);
    if (required && *text == '\0')
        return anketa_yamlwalk_fail(w, v, "%s: '%s' must not be empty", what, key);
    *out = strdup(text);
    if (*out == NULL)
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    return 0;
}

size_t anketa_yamlwalk_length(const yaml_node_t *seq)
{
    return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *anketa_yamlwalk_item(struct yamlwalk *w, const yaml_node_t *seq, size_t i)
{
    return anketa_yamlwalk_node(w, seq->data.sequence.items.start[i]);
}
