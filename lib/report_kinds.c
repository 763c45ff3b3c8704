/* Report labels that follow the campaign's item kinds: the item column and
 * the lowest-rated list name what the campaign's items are (services,
 * support measures, kinds of control, processes), and the point column is
 * «Подразделение» where its points are units. */
#include <stdio.h>
#include <string.h>

#include "report_int.h"

static const struct {
    const char *kind, *first, *one, *many;  /* first: the one that opens a label */
} NOUNS[] = {
    { "service", "Услуга", "услуга", "услуги" },
    { "measure", "Мера поддержки", "мера поддержки", "меры поддержки" },
    { "control", "Вид контроля", "вид контроля", "виды контроля" },
    { "process", "Процесс", "процесс", "процессы" },
};
#define NOUN_COUNT (sizeof NOUNS / sizeof NOUNS[0])

void report_kind_labels(struct anketa_report *r)
{
    const struct anketa_campaign *c = r->o.campaign;
    size_t order[NOUN_COUNT], count = 0;    /* kinds in the campaign's order */
    for (size_t i = 0; c && i < c->item_count; i++)
        for (size_t k = 0; k < NOUN_COUNT; k++) {
            int seen = 0;
            for (size_t j = 0; j < count; j++)
                seen |= order[j] == k;
            if (!seen && strcmp(c->items[i].kind, NOUNS[k].kind) == 0)
                order[count++] = k;
        }
    if (count == 0)     /* no campaign: the kinds of the recommendations */
        for (; count < 3; count++)
            order[count] = count;
    r->item_title[0] = r->items_title[0] = '\0';
    for (size_t j = 0; j < count; j++) {
        size_t k = order[j], n = strlen(r->item_title);
        snprintf(r->item_title + n, sizeof r->item_title - n, "%s%s", j ? ", " : "",
                 j ? NOUNS[k].one : NOUNS[k].first);
        n = strlen(r->items_title);
        snprintf(r->items_title + n, sizeof r->items_title - n, "%s%s",
                 j == 0 ? "" : j + 1 == count ? " и " : ", ", NOUNS[k].many);
    }
}

const char *report_point_title(const struct anketa_report *r)
{
    return anketa_campaign_point_label(r->o.campaign);
}
