/* Pre-fill templates: "{item.name}" and friends, expanded per code. */
#include <stdlib.h>
#include <string.h>

#include <anketa/campaign.h>

#include "util.h"

static const char *const PLACEHOLDERS[] = {
    "campaign.id", "authority.id", "authority.name", "direction.id", "direction.name",
    "item.id", "item.name", "item.kind", "point.id", "point.name", "municipality", "channel",
    "event", NULL
};

static const char *value_of(const char *name, size_t len, const struct anketa_code_context *x)
{
#define IS(s) (len == strlen(s) && memcmp(name, s, len) == 0)
    if (IS("campaign.id")) return x->campaign ? x->campaign->id : NULL;
    if (IS("authority.id")) return x->authority ? x->authority->id : NULL;
    if (IS("authority.name")) return x->authority ? x->authority->name : NULL;
    if (IS("direction.id")) return x->direction ? x->direction->id : NULL;
    if (IS("direction.name")) return x->direction ? x->direction->name : NULL;
    if (IS("item.id")) return x->item ? x->item->id : NULL;
    if (IS("item.name")) return x->item ? x->item->name : NULL;
    if (IS("item.kind")) return x->item ? x->item->kind : NULL;
    if (IS("event")) return x->event;
    if (IS("point.id")) return x->point ? x->point->id : NULL;
    if (IS("point.name")) return x->point ? x->point->name : NULL;
    if (IS("municipality")) return x->point ? x->point->municipality : NULL;
    if (IS("channel")) return x->channel ? x->channel : x->campaign ? x->campaign->channel : NULL;
#undef IS
    return NULL;
}

static int known(const char *name, size_t len)
{
    for (const char *const *p = PLACEHOLDERS; *p; p++)
        if (strlen(*p) == len && memcmp(*p, name, len) == 0)
            return 1;
    return 0;
}

struct codes_context {
    const struct anketa_code_context *x;   /* NULL: a check, every known name "" */
};

static int lookup(void *ctx, const char *name, size_t len, const char **value)
{
    const struct codes_context *c = ctx;
    if (!known(name, len))
        return -1;
    *value = c->x ? value_of(name, len, c->x) : "";
    return 0;
}

#define HINT " (known: campaign.id, authority.id, authority.name, direction.id, " \
             "direction.name, item.id, item.name, item.kind, point.id, point.name, " \
             "municipality, channel, event)"

static int walk(const char *t, const struct anketa_code_context *x, char **out,
                struct anketa_error *err)
{
    struct codes_context c = { x };
    return anketa_expand(t, lookup, &c, HINT, out, err);
}

int anketa_campaign_check_template(const char *t, struct anketa_error *err)
{
    return walk(t, NULL, NULL, err);
}

char *anketa_campaign_expand(const char *t, const struct anketa_code_context *x,
                             struct anketa_error *err)
{
    char *out = NULL;
    return walk(t, x, &out, err) == 0 ? out : NULL;
}
