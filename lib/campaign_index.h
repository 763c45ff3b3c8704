/* The campaign's look-up tables (internal). */
#ifndef ANKETA_CAMPAIGN_INDEX_H
#define ANKETA_CAMPAIGN_INDEX_H

#include "strmap.h"

struct anketa_campaign_index {
    struct anketa_strmap directions, authorities, items, item_names, points, point_names,
        questions;
};

#endif
