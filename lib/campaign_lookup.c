#include <string.h>

#include <anketa/campaign.h>

#include "campaign_index.h"

#define LOOKUP(fn, type, map, array)                                        \
    const struct type *fn(const struct anketa_campaign *c, const char *key) \
    {                                                                       \
        size_t i;                                                           \
        if (c == NULL || key == NULL || !anketa_strmap_get(&c->index->map, key, &i)) \
            return NULL;                                                    \
        return &c->array[i];                                                \
    }

LOOKUP(anketa_campaign_direction, anketa_direction, directions, directions)
LOOKUP(anketa_campaign_authority, anketa_authority, authorities, authorities)
LOOKUP(anketa_campaign_item, anketa_item, items, items)
LOOKUP(anketa_campaign_item_by_name, anketa_item, item_names, items)
LOOKUP(anketa_campaign_point, anketa_point, points, points)
LOOKUP(anketa_campaign_point_by_name, anketa_point, point_names, points)
LOOKUP(anketa_campaign_question, anketa_question, questions, questions)

const struct anketa_survey *anketa_authority_survey(const struct anketa_authority *a,
                                                    const char *direction_id)
{
    for (size_t i = 0; i < a->survey_count; i++)
        if (strcmp(a->surveys[i].direction->id, direction_id) == 0)
            return &a->surveys[i];
    return NULL;
}
