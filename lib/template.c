/* Loading leaflet templates (anketa-template(5)). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/codes.h>
#include <anketa/paths.h>
#include <anketa/template.h>

#include "util.h"
#include "yamlwalk.h"

static int number(struct yamlwalk *w, yaml_node_t *map, const char *key, double def, double lo,
                  double hi, double *out)
{
    yaml_node_t *v = anketa_yamlwalk_get(w, map, key);
    *out = def;
    if (v == NULL)
        return 0;
    const char *t = anketa_yamlwalk_text(v);
    char *end;
    errno = 0;
    double x = t ? strtod(t, &end) : 0;
    if (t == NULL || end == t || *end != '\0' || errno != 0 || x < lo || x > hi)
        return anketa_yamlwalk_fail(w, v, "'%s' must be a number from %g to %g", key, lo, hi);
    *out = x;
    return 0;
}

static int rgb_hex(struct yamlwalk *w, yaml_node_t *v, const char *key, const char *t,
                   struct anketa_color *out)
{
    unsigned rgb;
    char end;
    if (t == NULL || t[0] != '#' || strlen(t) != 7 || sscanf(t + 1, "%6x%c", &rgb, &end) != 1)
        return anketa_yamlwalk_fail(w, v, "'%s' must be a colour as #RRGGBB or "
                                    "{rgb: \"#RRGGBB\", cmyk: [C, M, Y, K]}", key);
    out->r = ((rgb >> 16) & 255) / 255.0;
    out->g = ((rgb >> 8) & 255) / 255.0;
    out->b = (rgb & 255) / 255.0;
    return 0;
}

/* cmyk: [C, M, Y, K] in per cent, the values a print shop is given. */
static int cmyk(struct yamlwalk *w, yaml_node_t *v, const char *key, struct anketa_color *out)
{
    double *dst[4] = { &out->c, &out->m, &out->y, &out->k };
    if (v->type != YAML_SEQUENCE_NODE || anketa_yamlwalk_length(v) != 4)
        return anketa_yamlwalk_fail(w, v, "'%s': cmyk must be four per cent values [C, M, Y, K]",
                                    key);
    for (size_t i = 0; i < 4; i++) {
        yaml_node_t *n = anketa_yamlwalk_item(w, v, i);
        const char *t = anketa_yamlwalk_text(n);
        char *end;
        errno = 0;
        double x = t ? strtod(t, &end) : 0;
        if (t == NULL || end == t || *end != '\0' || errno != 0 || x < 0 || x > 100)
            return anketa_yamlwalk_fail(w, n, "'%s': cmyk values are per cent, from 0 to 100",
                                        key);
        *dst[i] = x / 100;
    }
    out->has_cmyk = 1;
    return 0;
}

/* A colour: "#RRGGBB", or {rgb: "#RRGGBB", cmyk: [C, M, Y, K]} with either
 * or both; from cmyk alone, the screen colour is a plain conversion. */
static int color(struct yamlwalk *w, yaml_node_t *map, const char *key, const char *def,
                 struct anketa_color *out)
{
    static const char *const keys[] = { "rgb", "cmyk", NULL };
    yaml_node_t *v = anketa_yamlwalk_get(w, map, key);
    memset(out, 0, sizeof *out);
    if (v == NULL || v->type != YAML_MAPPING_NODE)
        return rgb_hex(w, v, key, v ? anketa_yamlwalk_text(v) : def, out);
    yaml_node_t *rgb = anketa_yamlwalk_get(w, v, "rgb"), *c = anketa_yamlwalk_get(w, v, "cmyk");
    int rc = anketa_yamlwalk_check_keys(w, v, keys, key);
    if (rc == 0 && rgb == NULL && c == NULL)
        rc = anketa_yamlwalk_fail(w, v, "'%s' needs rgb, cmyk or both", key);
    if (rc == 0 && rgb)
        rc = rgb_hex(w, rgb, key, anketa_yamlwalk_text(rgb), out);
    if (rc == 0 && c && (rc = cmyk(w, c, key, out)) == 0 && rgb == NULL) {
        out->r = (1 - out->c) * (1 - out->k);
        out->g = (1 - out->m) * (1 - out->k);
        out->b = (1 - out->y) * (1 - out->k);
    }
    return rc;
}

static int choice(struct yamlwalk *w, yaml_node_t *map, const char *key,
                  const char *const *names, int def, int *out)
{
    yaml_node_t *v = anketa_yamlwalk_get(w, map, key);
    *out = def;
    if (v == NULL)
        return 0;
    const char *t = anketa_yamlwalk_text(v);
    for (int i = 0; t && names[i]; i++)
        if (strcmp(t, names[i]) == 0) {
            *out = i;
            return 0;
        }
    return anketa_yamlwalk_fail(w, v, "'%s' has an unknown value '%s'", key, t ? t : "?");
}

static int load_element(struct yamlwalk *w, yaml_node_t *n, struct anketa_element *e)
{
    static const char *const types[] = { "text", "qr", "image", "box", "rule", NULL };
    static const char *const keys[] = {
        "type", "x", "y", "w", "h", "size", "text", "font", "weight", "min_size", "align",
        "valign", "line_spacing", "color", "stroke", "stroke_width", "bleed", "margin",
        "source", "wrap", NULL
    };
    static const char *const wraps[] = { "word", "anywhere", NULL };
    static const char *const aligns[] = { "left", "center", "right", NULL };
    static const char *const valigns[] = { "top", "middle", "bottom", NULL };
    static const char *const weights[] = { "normal", "bold", NULL };
    static const char *const yesno[] = { "false", "true", NULL };
    int rc, type, align, valign, bold, bleed, wrap;
    double margin;
    if ((rc = anketa_yamlwalk_expect(w, n, YAML_MAPPING_NODE, "element")) ||
        (rc = anketa_yamlwalk_check_keys(w, n, keys, "element")))
        return rc;
    e->line = (long)n->start_mark.line + 1;
    if (anketa_yamlwalk_get(w, n, "type") == NULL)
        return anketa_yamlwalk_fail(w, n, "element: missing required key 'type'");
    if ((rc = choice(w, n, "type", types, 0, &type)))
        return rc;
    e->type = (enum anketa_element_type)type;
    int is_qr = e->type == ANKETA_EL_QR;
    if ((rc = number(w, n, "x", 0, -1000, 10000, &e->x)) ||
        (rc = number(w, n, "y", 0, -1000, 10000, &e->y)) ||
        (rc = number(w, n, "w", 0, -10000, 10000, &e->w)) ||
        (rc = number(w, n, "h", 0, -10000, 10000, &e->h)))
        return rc;
    if (is_qr) {
        double side;
        if ((rc = number(w, n, "size", 0, 5, 2000, &side)))
            return rc;
        if (side == 0)
            return anketa_yamlwalk_fail(w, n, "a qr element needs 'size' (its side in mm, quiet zone included)");
        e->w = e->h = side;
    } else if (anketa_yamlwalk_get(w, n, "size") != NULL && e->type != ANKETA_EL_TEXT) {
        return anketa_yamlwalk_fail(w, anketa_yamlwalk_get(w, n, "size"), "'size' is for text and qr elements");
    }
    if (e->type == ANKETA_EL_TEXT) {
        if ((rc = anketa_yamlwalk_string(w, n, "text", 1, "text element", &e->text)) ||
            (rc = anketa_yamlwalk_string(w, n, "font", 0, "text element", &e->font)) ||
            (rc = number(w, n, "size", 12, 2, 400, &e->size)) ||
            (rc = number(w, n, "min_size", e->size, 2, 400, &e->min_size)) ||
            (rc = number(w, n, "line_spacing", 1, 0.5, 3, &e->line_spacing)) ||
            (rc = choice(w, n, "align", aligns, 0, &align)) ||
            (rc = choice(w, n, "valign", valigns, 0, &valign)) ||
            (rc = choice(w, n, "weight", weights, 0, &bold)) ||
            (rc = choice(w, n, "wrap", wraps, 0, &wrap)))
            return rc;
        e->wrap_anywhere = wrap;
        if (e->font == NULL && (e->font = strdup("Arial")) == NULL)
            return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
        if (e->min_size > e->size)
            return anketa_yamlwalk_fail(w, n, "min_size %g is above size %g", e->min_size, e->size);
        if (e->w <= 0 || e->h <= 0)
            return anketa_yamlwalk_fail(w, n, "a text element needs a box: w and h above 0");
        e->align = (enum anketa_align)align;
        e->valign = (enum anketa_valign)valign;
        e->bold = bold;
    }
    if (e->type == ANKETA_EL_IMAGE &&
        (rc = anketa_yamlwalk_string(w, n, "source", 1, "image element", &e->source)))
        return rc;
    if ((rc = color(w, n, "color", "#000000", &e->color)) ||
        (rc = color(w, n, "stroke", "#000000", &e->stroke)) ||
        (rc = number(w, n, "stroke_width", 0, 0, 50, &e->stroke_width)) ||
        (rc = number(w, n, "margin", 4, 0, 20, &margin)) ||
        (rc = choice(w, n, "bleed", yesno, 0, &bleed)))
        return rc;
    e->margin = (int)margin;
    e->bleed = bleed;
    return 0;
}

static int load_elements(struct yamlwalk *w, yaml_node_t *root, const char *key,
                         struct anketa_element **out, size_t *count)
{
    yaml_node_t *seq = anketa_yamlwalk_get(w, root, key);
    *count = 0;
    if (seq == NULL)
        return 0;
    int rc = anketa_yamlwalk_expect(w, seq, YAML_SEQUENCE_NODE, key);
    if (rc)
        return rc;
    size_t n = anketa_yamlwalk_length(seq);
    if ((*out = calloc(n ? n : 1, sizeof **out)) == NULL)
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        (*count)++;
        if ((rc = load_element(w, anketa_yamlwalk_item(w, seq, i), &(*out)[i])))
            return rc;
    }
    return 0;
}

static int load_tables(struct yamlwalk *w, yaml_node_t *root, struct anketa_template *t)
{
    yaml_node_t *m = anketa_yamlwalk_get(w, root, "texts");
    if (m == NULL)
        return 0;
    int rc = anketa_yamlwalk_expect(w, m, YAML_MAPPING_NODE, "texts");
    if (rc)
        return rc;
    size_t n = (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
    if ((t->tables = calloc(n ? n : 1, sizeof *t->tables)) == NULL)
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        yaml_node_pair_t *p = &m->data.mapping.pairs.start[i];
        yaml_node_t *k = anketa_yamlwalk_node(w, p->key), *v = anketa_yamlwalk_node(w, p->value);
        struct anketa_text_table *tab = &t->tables[t->table_count++];
        if (anketa_yamlwalk_text(k) == NULL || (rc = anketa_yamlwalk_expect(w, v, YAML_MAPPING_NODE, "a text table")))
            return rc ? rc : anketa_yamlwalk_fail(w, k, "texts: table names must be plain names");
        size_t e = (size_t)(v->data.mapping.pairs.top - v->data.mapping.pairs.start);
        tab->name = strdup(anketa_yamlwalk_text(k));
        tab->entries = calloc(e ? e : 1, sizeof *tab->entries);
        if (tab->name == NULL || tab->entries == NULL)
            return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
        for (size_t j = 0; j < e; j++) {
            yaml_node_pair_t *q = &v->data.mapping.pairs.start[j];
            const char *key = anketa_yamlwalk_text(anketa_yamlwalk_node(w, q->key));
            const char *text = anketa_yamlwalk_text(anketa_yamlwalk_node(w, q->value));
            if (key == NULL || text == NULL)
                return anketa_yamlwalk_fail(w, anketa_yamlwalk_node(w, q->key), "texts: each entry is 'key: text'");
            struct anketa_text_entry *en = &tab->entries[tab->count++];
            if ((en->key = strdup(key)) == NULL || (en->text = strdup(text)) == NULL)
                return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
        }
    }
    return 0;
}

static int load_grid(struct yamlwalk *w, yaml_node_t *root, struct anketa_template *t)
{
    static const char *const keys[] = { "columns", "rows", "small_columns", "small_rows", "x",
                                        "y", "w", "h", "gap", NULL };
    yaml_node_t *g = anketa_yamlwalk_get(w, root, "grid");
    if (g == NULL)
        return 0;
    double c, r, sc, sr;
    int rc;
    if ((rc = anketa_yamlwalk_expect(w, g, YAML_MAPPING_NODE, "grid")) ||
        (rc = anketa_yamlwalk_check_keys(w, g, keys, "grid")) ||
        (rc = number(w, g, "columns", 3, 1, 20, &c)) || (rc = number(w, g, "rows", 4, 1, 20, &r)) ||
        (rc = number(w, g, "small_columns", c, 1, 20, &sc)) ||
        (rc = number(w, g, "small_rows", r, 1, 20, &sr)) ||
        (rc = number(w, g, "x", 10, 0, t->width, &t->cell_x)) ||
        (rc = number(w, g, "y", 40, 0, t->height, &t->cell_y)) ||
        (rc = number(w, g, "w", t->width - 20, 1, t->width, &t->cell_w)) ||
        (rc = number(w, g, "h", t->height - 80, 1, t->height, &t->cell_h)) ||
        (rc = number(w, g, "gap", 4, 0, 100, &t->gap)))
        return rc;
    t->grid = 1;
    t->columns = (int)c;
    t->rows = (int)r;
    t->small_columns = (int)sc;
    t->small_rows = (int)sr;
    return 0;
}

static int load_root(struct yamlwalk *w, struct anketa_template *t)
{
    static const char *const keys[] = { "name", "page", "levels", "grid", "elements", "cell",
                                        "texts", NULL };
    static const char *const pkeys[] = { "width", "height", "png_width", NULL };
    yaml_node_t *root = anketa_yamlwalk_root(w), *page;
    int rc;
    if ((rc = anketa_yamlwalk_expect(w, root, YAML_MAPPING_NODE, "the template")) ||
        (rc = anketa_yamlwalk_check_keys(w, root, keys, "the template")) ||
        (rc = anketa_yamlwalk_string(w, root, "name", 1, "the template", &t->name)))
        return rc;
    page = anketa_yamlwalk_get(w, root, "page");
    if (page == NULL)
        return anketa_yamlwalk_fail(w, root, "the template: missing required key 'page'");
    if ((rc = anketa_yamlwalk_expect(w, page, YAML_MAPPING_NODE, "page")) ||
        (rc = anketa_yamlwalk_check_keys(w, page, pkeys, "page")) ||
        (rc = number(w, page, "width", 210, 20, 2000, &t->width)) ||
        (rc = number(w, page, "height", 297, 20, 2000, &t->height)) ||
        (rc = number(w, page, "png_width", 0, 0, 20000, &t->png_width_px)))
        return rc;
    char *levels = NULL;
    struct anketa_error lerr;
    if ((rc = anketa_yamlwalk_string(w, root, "levels", 0, "the template", &levels)))
        return rc;
    t->levels = levels ? anketa_code_levels_parse(levels, &lerr) : 7;
    free(levels);
    if (t->levels == 0)
        return anketa_yamlwalk_fail(w, anketa_yamlwalk_get(w, root, "levels"), "%s", lerr.message);
    if ((rc = load_grid(w, root, t)) ||
        (rc = load_elements(w, root, "elements", &t->elements, &t->element_count)) ||
        (rc = load_elements(w, root, "cell", &t->cell, &t->cell_count)) ||
        (rc = load_tables(w, root, t)))
        return rc;
    if (t->grid && t->cell_count == 0)
        return anketa_yamlwalk_fail(w, root, "a grid template needs 'cell' elements");
    if (!t->grid && t->cell_count > 0)
        return anketa_yamlwalk_fail(w, anketa_yamlwalk_get(w, root, "cell"), "'cell' needs a 'grid'");
    return 0;
}

struct anketa_template *anketa_template_parse(const char *text, size_t len, const char *path,
                                              struct anketa_error *err)
{
    struct yamlwalk w;
    struct anketa_template *t = calloc(1, sizeof *t);
    if (t == NULL || (t->path = strdup(path)) == NULL) {
        free(t);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    const char *slash = strrchr(path, '/');
    t->dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
    int rc = anketa_yamlwalk_load(&w, text, len, path, err);
    if (rc == 0)
        rc = load_root(&w, t);
    anketa_yamlwalk_free(&w);
    if (rc != 0) {
        anketa_template_free(t);
        return NULL;
    }
    return t;
}

struct anketa_template *anketa_template_load(const char *name_or_path, struct anketa_error *err)
{
    char *path = anketa_named_yaml("templates/leaflet", name_or_path, "template",
                                   ANKETA_ERR_INVALID, err);
    if (path == NULL)
        return NULL;
    size_t len;
    char *text = anketa_read_file(path, &len, err);
    if (text == NULL) {
        free(path);
        return NULL;
    }
    struct anketa_template *t = anketa_template_parse(text, len, path, err);
    free(text);
    free(path);
    return t;
}

static void free_elements(struct anketa_element *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(e[i].text);
        free(e[i].font);
        free(e[i].source);
    }
    free(e);
}

void anketa_template_free(struct anketa_template *t)
{
    if (t == NULL)
        return;
    free_elements(t->elements, t->element_count);
    free_elements(t->cell, t->cell_count);
    for (size_t i = 0; i < t->table_count; i++) {
        for (size_t j = 0; j < t->tables[i].count; j++) {
            free(t->tables[i].entries[j].key);
            free(t->tables[i].entries[j].text);
        }
        free(t->tables[i].entries);
        free(t->tables[i].name);
    }
    free(t->tables);
    free(t->path);
    free(t->dir);
    free(t->name);
    free(t);
}

const char *anketa_template_lookup(const struct anketa_template *t, const char *table,
                                   const char *const *keys, size_t n)
{
    for (size_t i = 0; i < t->table_count; i++) {
        const struct anketa_text_table *tab = &t->tables[i];
        if (strcmp(tab->name, table) != 0)
            continue;
        for (size_t k = 0; k < n; k++)
            for (size_t j = 0; keys[k] && j < tab->count; j++)
                if (strcmp(tab->entries[j].key, keys[k]) == 0)
                    return tab->entries[j].text;
        for (size_t j = 0; j < tab->count; j++)
            if (strcmp(tab->entries[j].key, "default") == 0)
                return tab->entries[j].text;
        return NULL;
    }
    return NULL;
}

const char *anketa_template_text(const struct anketa_template *t, const char *table,
                                 const char *kind, const char *direction)
{
    const char *keys[] = { kind, direction };
    return anketa_template_lookup(t, table, keys, 2);
}
