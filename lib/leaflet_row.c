/* A manifest row as leaflet reads it: the header checked against what the
 * template asks for, values by column name, and warnings. The layer every
 * other leaflet file may call; it calls none of them. */
#include <stdlib.h>
#include <string.h>

#include "leaflet_int.h"
#include "util.h"

void leaflet_warn(struct anketa_leaflet *l, const char *message)
{
    struct anketa_error d;
    if (l->o.warn) {
        anketa_error_set(&d, ANKETA_OK, "%s", message);
        l->o.warn(l->o.ctx, &d);
    }
}

int leaflet_column(const struct anketa_leaflet *l, const char *name)
{
    for (size_t i = 0; i < l->column_count; i++)
        if (strcmp(l->columns[i], name) == 0)
            return (int)i;
    return -1;
}

const char *leaflet_value(const struct anketa_leaflet *l, const struct leaflet_row *row,
                          const char *name)
{
    int i = leaflet_column(l, name);
    return i >= 0 && (size_t)i < row->count ? row->fields[i] : "";
}


int leaflet_is_table(const struct anketa_template *t, const char *name, size_t len)
{
    for (size_t i = 0; i < t->table_count; i++)
        if (strlen(t->tables[i].name) == len && memcmp(t->tables[i].name, name, len) == 0)
            return 1;
    return 0;
}

struct header_check {
    struct anketa_leaflet *l;
};

static int check_placeholder(void *ctx, const char *name, size_t len, const char **value)
{
    struct header_check *h = ctx;
    *value = "";
    if (leaflet_is_table(h->l->o.tpl, name, len) || (len == 10 && memcmp(name, "point_line", 10) == 0))
        return 0;
    for (size_t i = 0; i < h->l->column_count; i++)
        if (strlen(h->l->columns[i]) == len && memcmp(h->l->columns[i], name, len) == 0)
            return 0;
    return -1;
}

int anketa_leaflet_check_header(struct anketa_leaflet *l, const struct anketa_csv_row *header,
                                const char *file, struct anketa_error *err)
{
    static const char *const needed[] = { "level", "authority", "direction", "url", NULL };
    for (size_t i = 0; i < l->column_count; i++)
        free(l->columns[i]);
    free(l->columns);
    l->column_count = 0;
    if ((l->columns = calloc(header->count, sizeof *l->columns)) == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < header->count; i++, l->column_count++)
        if ((l->columns[i] = strdup(header->fields[i])) == NULL)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    for (const char *const *n = needed; *n; n++)
        if (leaflet_column(l, *n) < 0)
            return anketa_error_at(err, ANKETA_ERR_INVALID, file, header->line, 0,
                                   "not a code manifest: no '%s' column (qrgen(1) writes one)", *n);
    const struct anketa_template *t = l->o.tpl;
    const struct anketa_element *lists[2] = { t->elements, t->cell };
    size_t counts[2] = { t->element_count, t->cell_count };
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            struct header_check h = { l };
            struct anketa_error why;
            if (lists[k][i].type == ANKETA_EL_TEXT &&
                anketa_expand(lists[k][i].text, check_placeholder, &h,
                              ": the manifest has no such column", NULL, &why) != 0)
                return anketa_error_at(err, ANKETA_ERR_INVALID, file, 1, 0, "template %s (line %ld): %s",
                                       t->path, lists[k][i].line, why.message);
        }
    return 0;
}
