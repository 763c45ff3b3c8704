/* Item kinds and the event types of a kind of control (anketa-campaign(5)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_kind.h"

static const char *const DIRECTION_KINDS[] = {
    "service", "support", "control", "prevention", "appeal", "information", "process", NULL
};

static const char *const ITEM_KINDS[] = {
    "service", "measure", "control", "process", "appeal", "information", NULL
};

/* What an old campaign's item was worded as: its direction's kind. */
static const struct {
    const char *direction, *item;
    unsigned events;
} FROM_DIRECTION[] = {
    { "service", "service", 0 },
    { "support", "measure", 0 },
    { "control", "control", ANKETA_EVENT_CONTROL },
    { "prevention", "control", ANKETA_EVENT_PREVENTION },
    { "appeal", "appeal", 0 },
    { "information", "information", 0 },
    { "process", "process", 0 },
};

static int listed(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

int campaign_direction_kind_known(const char *kind)
{
    return listed(DIRECTION_KINDS, kind);
}

const char *anketa_event_name(unsigned event)
{
    return event == ANKETA_EVENT_CONTROL ? "control"
         : event == ANKETA_EVENT_PREVENTION ? "prevention" : NULL;
}

const char *anketa_campaign_point_label(const struct anketa_campaign *c)
{
    return c && c->points_are_units ? "Подразделение" : "Точка взаимодействия";
}

static int read_events(struct yamlwalk *w, yaml_node_t *v, struct anketa_item *it)
{
    int rc = anketa_yamlwalk_expect(w, v, YAML_SEQUENCE_NODE, "item events");
    if (rc)
        return rc;
    for (size_t i = 0; i < anketa_yamlwalk_length(v); i++) {
        yaml_node_t *e = anketa_yamlwalk_item(w, v, i);
        const char *name = anketa_yamlwalk_text(e);
        unsigned bit = name && strcmp(name, "control") == 0      ? ANKETA_EVENT_CONTROL
                     : name && strcmp(name, "prevention") == 0 ? ANKETA_EVENT_PREVENTION : 0;
        if (bit == 0)
            return anketa_yamlwalk_fail(w, e, "item '%s': unknown event type '%s' (use control, "
                                        "prevention)", it->id, name ? name : "?");
        if (it->events & bit)
            return anketa_yamlwalk_fail(w, e, "item '%s': event type '%s' listed twice", it->id,
                                        name);
        it->events |= bit;
    }
    return 0;
}

int campaign_kind_notice(struct anketa_campaign *c, const char *file,
                         const struct campaign_kind_note *n, struct anketa_error *err)
{
    if (n->count == 0)
        return 0;
    char msg[768];
    snprintf(msg, sizeof msg, "%s:%lu:%lu: item '%s' has no kind: %zu item%s take%s the kind of "
             "%s direction (here '%s' from direction kind '%s'); give each item a kind "
             "(service, measure, control, process)", file, n->line, n->column, n->first->id,
             n->count, n->count == 1 ? "" : "s", n->count == 1 ? "s" : "",
             n->count == 1 ? "its" : "their", n->first->kind, n->first->direction->kind);
    free(c->notice);
    return (c->notice = strdup(msg)) ? 0 : anketa_error_set(err, ANKETA_ERR_NOMEM,
                                                             "out of memory");
}

int campaign_item_kind(struct yamlwalk *w, yaml_node_t *e, struct anketa_item *it,
                       struct campaign_kind_note *note)
{
    int rc = anketa_yamlwalk_string(w, e, "kind", 0, "item", &it->kind);
    if (rc)
        return rc;
    yaml_node_t *kind = anketa_yamlwalk_get(w, e, "kind"), *events = anketa_yamlwalk_get(w, e, "events");
    if (it->kind != NULL) {
        if (!listed(ITEM_KINDS, it->kind))
            return anketa_yamlwalk_fail(w, kind, "item '%s': unknown kind '%s' (use service, "
                                        "measure, control, process, appeal, information)",
                                        it->id, it->kind);
        it->kind_given = 1;
        if (strcmp(it->kind, "control") != 0) {
            if (events)
                return anketa_yamlwalk_fail(w, events, "item '%s': event types belong to "
                                            "kind control, not '%s'", it->id, it->kind);
            return 0;
        }
        if (events == NULL) {
            it->events = ANKETA_EVENT_CONTROL | ANKETA_EVENT_PREVENTION;
            return 0;
        }
        if ((rc = read_events(w, events, it)))
            return rc;
        if (it->events == 0)
            return anketa_yamlwalk_fail(w, events, "item '%s': a kind of control needs at least "
                                        "one event type enabled (control, prevention)", it->id);
        return 0;
    }
    const char *dk = it->direction->kind;
    for (size_t i = 0; dk && i < sizeof FROM_DIRECTION / sizeof FROM_DIRECTION[0]; i++) {
        if (strcmp(FROM_DIRECTION[i].direction, dk) != 0)
            continue;
        if (events)
            return anketa_yamlwalk_fail(w, events, "item '%s': event types need 'kind: control'",
                                        it->id);
        if ((it->kind = strdup(FROM_DIRECTION[i].item)) == NULL)
            return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
        it->events = FROM_DIRECTION[i].events;
        if (note->count++ == 0) {
            note->first = it;
            note->line = (unsigned long)e->start_mark.line + 1;
            note->column = (unsigned long)e->start_mark.column + 1;
        }
        return 0;
    }
    return anketa_yamlwalk_fail(w, e, "item '%s' has no kind and its direction '%s' gives none: "
                                "add 'kind:' (service, measure, control, process, appeal, "
                                "information)", it->id, it->direction->id);
}
