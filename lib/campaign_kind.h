/* Item kinds and event types (internal to the campaign loader). */
#ifndef ANKETA_CAMPAIGN_KIND_H
#define ANKETA_CAMPAIGN_KIND_H

#include <stddef.h>

#include <anketa/campaign.h>

#include "yamlwalk.h"

/* The items whose kind came from their direction: how many, and the first. */
struct campaign_kind_note {
    size_t count;
    const struct anketa_item *first;
    unsigned long line, column;
};

/* Whether a direction kind is one anketa knows. */
int campaign_direction_kind_known(const char *kind);

/* Reads an item's `kind` and `events` (entry e; it->id and it->direction
 * set), or takes the kind from its direction and counts that in note.
 * Errors name file:line:column: an unknown kind or event type, a kind of
 * control with no event type, no kind where the direction gives none. */
int campaign_item_kind(struct yamlwalk *w, yaml_node_t *e, struct anketa_item *it,
                       struct campaign_kind_note *note);

/* Sets c->notice from the note (nothing when no kind was taken). */
int campaign_kind_notice(struct anketa_campaign *c, const char *file,
                         const struct campaign_kind_note *n, struct anketa_error *err);

#endif
