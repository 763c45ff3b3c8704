/* Walking a libyaml document with positions for messages (internal): every
 * check names file:line:column of the node at fault. */
#ifndef ANKETA_YAMLWALK_H
#define ANKETA_YAMLWALK_H

#include "internal.h"

#include <stddef.h>
#include <yaml.h>

#include <anketa/error.h>

struct yamlwalk {
    yaml_document_t doc;
    int loaded;
    const char *file;
    struct anketa_error *err;
};

/* What one file may hold: every walker then does bounded work. */
#define YAMLWALK_MAX_DEPTH 64           /* lists and mappings inside each other */
#define YAMLWALK_MAX_NODES 2000000      /* nodes, an alias counting as what it names */

/* Parses the first document of text into w->doc. Returns 0 or an error
 * naming the position (ANKETA_ERR_LIMIT past the limits above). */
ANKETA_INTERNAL
int anketa_yamlwalk_load(struct yamlwalk *w, const char *text, size_t len, const char *file,
                  struct anketa_error *err);
ANKETA_INTERNAL
void anketa_yamlwalk_free(struct yamlwalk *w);

ANKETA_INTERNAL
yaml_node_t *anketa_yamlwalk_root(struct yamlwalk *w);
ANKETA_INTERNAL
yaml_node_t *anketa_yamlwalk_node(struct yamlwalk *w, int index);

/* Sets the error at node n (ANKETA_ERR_INVALID) and returns it. */
ANKETA_INTERNAL
int anketa_yamlwalk_fail(struct yamlwalk *w, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Type checks: 0, or an error "<what> must be a mapping/sequence/scalar". */
ANKETA_INTERNAL
int anketa_yamlwalk_expect(struct yamlwalk *w, const yaml_node_t *n, yaml_node_type_t type,
                    const char *what);

/* Every key of mapping `map` must be a scalar named in the NULL-terminated
 * `allowed`, once; otherwise an error naming the key and its position. */
ANKETA_INTERNAL
int anketa_yamlwalk_check_keys(struct yamlwalk *w, const yaml_node_t *map, const char *const *allowed,
                        const char *what);

/* The value node of `key` in `map`, or NULL. */
ANKETA_INTERNAL
yaml_node_t *anketa_yamlwalk_get(struct yamlwalk *w, const yaml_node_t *map, const char *key);

/* A scalar value as a malloc'd string in *out (NULL when absent and not
 * required). Errors: missing required key, non-scalar value. */
ANKETA_INTERNAL
int anketa_yamlwalk_string(struct yamlwalk *w, const yaml_node_t *map, const char *key, int required,
                    const char *what, char **out);

/* Scalar text of a node (not a copy); NULL when not a scalar. */
ANKETA_INTERNAL
const char *anketa_yamlwalk_text(const yaml_node_t *n);

/* Sequence iteration: count and i-th node. */
ANKETA_INTERNAL
size_t anketa_yamlwalk_length(const yaml_node_t *seq);
ANKETA_INTERNAL
yaml_node_t *anketa_yamlwalk_item(struct yamlwalk *w, const yaml_node_t *seq, size_t i);

#endif
