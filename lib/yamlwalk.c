#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yamlwalk.h"

#define LINE(n) ((long)(n)->start_mark.line + 1)
#define COLUMN(n) ((long)(n)->start_mark.column + 1)

int anketa_yamlwalk_load(struct yamlwalk *w, const char *text, size_t len, const char *file,
                  struct anketa_error *err)
{
    yaml_parser_t parser;
    memset(w, 0, sizeof *w);
    w->file = file;
    w->err = err;
    if (!yaml_parser_initialize(&parser))
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int rc = 0;
    if (!yaml_parser_load(&parser, &w->doc)) {
        const yaml_mark_t *m = parser.problem_mark.line || parser.problem_mark.column
                                   ? &parser.problem_mark : &parser.context_mark;
        rc = anketa_error_at(err, ANKETA_ERR_PARSE, file, (long)m->line + 1, (long)m->column + 1,
                             "%s%s%s", parser.problem ? parser.problem : "YAML syntax error",
                             parser.context ? " " : "", parser.context ? parser.context : "");
    } else {
        w->loaded = 1;
        if (yaml_document_get_root_node(&w->doc) == NULL)
            rc = anketa_error_at(err, ANKETA_ERR_INVALID, file, 0, 0, "empty document");
    }
    yaml_parser_delete(&parser);
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
