/* Report templates (anketa-report(5)): a YAML file in the share folder
 * (templates/report/NAME.yaml) or a path, giving the title, a subtitle, the
 * sections in order, labels, the colours of the bands and the target. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"
#include "util.h"
#include "yamlwalk.h"

static const char *const SECTION_NAMES[] = {
    "headline", "questions", "trend", "directions", "rankings", "matrix", "lowest", "readiness",
    "nps", "comments", "method", "tables", NULL
};

static int sections(struct yamlwalk *w, yaml_node_t *seq, struct anketa_report *r)
{
    if (anketa_yamlwalk_expect(w, seq, YAML_SEQUENCE_NODE, "'sections'") != 0)
        return -1;
    size_t n = anketa_yamlwalk_length(seq);
    if (n == 0 || n > SECTIONS_MAX)
        return anketa_yamlwalk_fail(w, seq, "'sections' must list 1 to %d sections", SECTIONS_MAX);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = anketa_yamlwalk_item(w, seq, i);
        const char *t = anketa_yamlwalk_text(item);
        int k = 0;
        while (t && SECTION_NAMES[k] && strcmp(SECTION_NAMES[k], t) != 0)
            k++;
        if (t == NULL || SECTION_NAMES[k] == NULL)
            return anketa_yamlwalk_fail(w, item, "unknown section '%s' (headline, questions, "
                                        "trend, directions, rankings, matrix, lowest, readiness, "
                                        "nps, comments, method or tables)", t ? t : "");
        r->sections[r->section_count++] = k;
    }
    return 0;
}

static int labels(struct yamlwalk *w, yaml_node_t *map, struct anketa_report *r)
{
    if (anketa_yamlwalk_expect(w, map, YAML_MAPPING_NODE, "'labels'") != 0)
        return -1;
    size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
    r->label_names = calloc(n + 1, sizeof *r->label_names);
    r->label_texts = calloc(n + 1, sizeof *r->label_texts);
    if (r->label_names == NULL || r->label_texts == NULL)
        return anketa_yamlwalk_fail(w, map, "out of memory");
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = anketa_yamlwalk_node(w, p->key), *v = anketa_yamlwalk_node(w, p->value);
        if (anketa_yamlwalk_text(k) == NULL || anketa_yamlwalk_text(v) == NULL)
            return anketa_yamlwalk_fail(w, v ? v : k, "a label must be text: 'name: text'");
        r->label_names[r->label_count] = xstrdup(anketa_yamlwalk_text(k));
        r->label_texts[r->label_count++] = xstrdup(anketa_yamlwalk_text(v));
    }
    return 0;
}

static int colours(struct yamlwalk *w, yaml_node_t *map, struct anketa_report *r)
{
    static const char *const keys[] = { "good", "near", "bad", "good_fill", "near_fill",
                                        "bad_fill", "accent", NULL };
    if (anketa_yamlwalk_expect(w, map, YAML_MAPPING_NODE, "'colors'") != 0 ||
        anketa_yamlwalk_check_keys(w, map, keys, "colors") != 0)
        return -1;
    unsigned *dst[] = { &r->ink[TONE_GOOD], &r->ink[TONE_NEAR], &r->ink[TONE_BAD],
                        &r->fill[TONE_GOOD], &r->fill[TONE_NEAR], &r->fill[TONE_BAD],
                        &r->ink[TONE_NONE] };
    for (size_t i = 0; keys[i]; i++) {
        yaml_node_t *v = anketa_yamlwalk_get(w, map, keys[i]);
        const char *t = v ? anketa_yamlwalk_text(v) : NULL;
        unsigned rgb;
        char end;
        if (v == NULL)
            continue;
        if (t == NULL || t[0] != '#' || strlen(t) != 7 || sscanf(t + 1, "%6x%c", &rgb, &end) != 1)
            return anketa_yamlwalk_fail(w, v, "'%s' must be a colour as #RRGGBB", keys[i]);
        *dst[i] = rgb;
    }
    return 0;
}

static int target(struct yamlwalk *w, yaml_node_t *v, double *out)
{
    const char *t = anketa_yamlwalk_text(v);
    char *end = NULL;
    errno = 0;
    double x = t ? strtod(t, &end) : -1;
    if (end && end != t && *end == '%' && end[1] == '\0') {
        x /= 100;
        end++;
    }
    if (t == NULL || end == t || *end != '\0' || errno != 0 || !(x > 0 && x <= 1))
        return anketa_yamlwalk_fail(w, v, "'target' must be a share in (0, 1] or a percentage");
    *out = x;
    return 0;
}

static int load_root(struct yamlwalk *w, struct anketa_report *r, double *tpl_target)
{
    static const char *const keys[] = { "name", "title", "subtitle", "sections", "labels",
                                        "colors", "target", NULL };
    yaml_node_t *root = anketa_yamlwalk_root(w), *v;
    char *name = NULL, *title = NULL;
    int rc = anketa_yamlwalk_expect(w, root, YAML_MAPPING_NODE, "a report template");
    if (rc == 0)
        rc = anketa_yamlwalk_check_keys(w, root, keys, "report template");
    if (rc == 0)
        rc = anketa_yamlwalk_string(w, root, "name", 0, "report template", &name);
    if (rc == 0)
        rc = anketa_yamlwalk_string(w, root, "title", 0, "report template", &title);
    if (rc == 0)
        rc = anketa_yamlwalk_string(w, root, "subtitle", 0, "report template", &r->subtitle);
    if (rc == 0 && (v = anketa_yamlwalk_get(w, root, "sections")) != NULL)
        rc = sections(w, v, r);
    if (rc == 0 && (v = anketa_yamlwalk_get(w, root, "labels")) != NULL)
        rc = labels(w, v, r);
    if (rc == 0 && (v = anketa_yamlwalk_get(w, root, "colors")) != NULL)
        rc = colours(w, v, r);
    if (rc == 0 && (v = anketa_yamlwalk_get(w, root, "target")) != NULL)
        rc = target(w, v, tpl_target);
    if (rc == 0 && title && r->o.title == NULL) {
        free(r->title);
        r->title = title;
        title = NULL;
    }
    free(name);
    free(title);
    return rc;
}

int report_template_parse(struct anketa_report *r, const char *text, size_t len,
                          const char *path, struct anketa_error *err)
{
    struct yamlwalk w;
    memset(&w, 0, sizeof w);
    int rc = anketa_yamlwalk_load(&w, text, len, path, err);
    double tpl_target = -1;
    if (rc == 0 && (rc = load_root(&w, r, &tpl_target)) == 0 && tpl_target > 0 &&
        r->o.target < 0)
        r->target = tpl_target; /* --target wins, then the template, then the campaign */
    anketa_yamlwalk_free(&w);
    return rc;
}

int report_template_load(struct anketa_report *r, const char *name_or_path,
                         struct anketa_error *err)
{
    char *path = anketa_named_yaml("templates/report", name_or_path, "report template",
                                   ANKETA_ERR_USAGE, err);
    if (path == NULL)
        return err->code;
    size_t len;
    char *text = anketa_read_file(path, &len, err);
    int rc = text ? report_template_parse(r, text, len, path, err) : err->code;
    free(text);
    free(path);
    return rc;
}

void report_template_free(struct anketa_report *r)
{
    for (size_t i = 0; i < r->label_count; i++) {
        free(r->label_names[i]);
        free(r->label_texts[i]);
    }
    free(r->label_names);
    free(r->label_texts);
    free(r->subtitle);
}
