/* The wording of a leaflet: the kind and event type of each manifest row,
 * the text tables looked up by them, the point's line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaflet_int.h"
#include "util.h"

/* The kind and event type a row's wording follows: the manifest's columns,
 * else (an older manifest) the campaign's item or direction. */
void leaflet_row_kind(const struct anketa_leaflet *l, const struct leaflet_row *row,
                      const char **kind, const char **event)
{
    *kind = leaflet_value(l, row, "kind");
    *event = leaflet_value(l, row, "event");
    if (**kind || l->o.campaign == NULL)
        return;
    const struct anketa_item *it = anketa_campaign_item(l->o.campaign, leaflet_value(l, row, "item"));
    const struct anketa_direction *d =
        anketa_campaign_direction(l->o.campaign, leaflet_value(l, row, "direction"));
    if (it && strcmp(leaflet_value(l, row, "level"), "item") == 0) {
        *kind = it->kind;
        if (it->events == ANKETA_EVENT_CONTROL || it->events == ANKETA_EVENT_PREVENTION)
            *event = anketa_event_name(it->events);
    } else if (d && d->kind) {
        *kind = d->kind;
    }
}

/* Looks a text table up for a row: "<level>.<key>", then the key (the event
 * type of a kind of control, else the kind), the older name of a measure
 * ("support"), the direction's kind and id, then "default". */
const char *leaflet_row_text(const struct anketa_leaflet *l, const char *table,
                            const struct leaflet_row *row)
{
    const char *kind, *event;
    leaflet_row_kind(l, row, &kind, &event);
    const char *key = *event ? event : kind;
    const struct anketa_direction *d =
        anketa_campaign_direction(l->o.campaign, leaflet_value(l, row, "direction"));
    char qualified[64] = "";
    if (*key)
        snprintf(qualified, sizeof qualified, "%s.%s", leaflet_value(l, row, "level"), key);
    const char *keys[] = { *qualified ? qualified : NULL, *key ? key : NULL,
                           strcmp(kind, "measure") == 0 ? "support" : NULL,
                           d ? d->kind : NULL, leaflet_value(l, row, "direction") };
    return anketa_template_lookup(l->o.tpl, table, keys, 5);
}

int leaflet_row_small(const struct anketa_leaflet *l, const struct leaflet_row *row)
{
    const char *kind, *event;
    leaflet_row_kind(l, row, &kind, &event);
    if (*kind || *event)
        return strcmp(kind, "control") == 0 || strcmp(kind, "prevention") == 0 || *event;
    const char *dir = leaflet_value(l, row, "direction");
    return strcmp(dir, "control") == 0 || strcmp(dir, "prevention") == 0;
}

/* {point_line}: the point's name, after its label where the campaign calls
 * points units («Подразделение: ...»). */
const char *leaflet_point_line(const struct anketa_leaflet *l, const struct leaflet_row *row,
                              char *buf, size_t size)
{
    const char *label = leaflet_value(l, row, "point_label"), *name = leaflet_value(l, row, "point_name");
    if (*label == '\0' || *name == '\0')
        return name;
    snprintf(buf, size, "%s: %s", label, name);
    return buf;
}

/* A template text with its {placeholders} filled from the row: the
 * template's wording tables, the point line, or the row's columns. */
struct expansion {
    const struct anketa_leaflet *l;
    const struct leaflet_row *row;
    char line[1024];
};

static int lookup(void *ctx, const char *name, size_t len, const char **value)
{
    struct expansion *x = ctx;
    char key[128];
    if (len >= sizeof key)
        return -1;
    memcpy(key, name, len);
    key[len] = '\0';
    if (leaflet_is_table(x->l->o.tpl, key, len))
        *value = leaflet_row_text(x->l, key, x->row);
    else if (strcmp(key, "point_line") == 0)
        *value = leaflet_point_line(x->l, x->row, x->line, sizeof x->line);
    else if (leaflet_column(x->l, key) >= 0)
        *value = leaflet_value(x->l, x->row, key);
    else
        return -1;
    return 0;
}

char *leaflet_expand(const struct anketa_leaflet *l, const char *text,
                     const struct leaflet_row *row)
{
    /* The header check (leaflet_row.c) has refused what would fail here. */
    struct expansion x = { l, row, "" };
    struct anketa_error err;
    char *out = NULL;
    return anketa_expand(text, lookup, &x, NULL, &out, &err) == 0 ? out : NULL;
}
