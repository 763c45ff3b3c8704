#ifndef ANKETA_CAMPAIGN_H
#define ANKETA_CAMPAIGN_H

#include <stddef.h>

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The campaign file (YAML, anketa-campaign(5)): the single source of truth of
 * a campaign. anketa_campaign_load() checks it whole: unknown keys, missing
 * fields, duplicate ids and dangling references are errors naming
 * file:line:column. The loaded model is plain data, read field by field. */

struct anketa_direction {
    char *id;
    char *kind;   /* service, support, control, prevention, appeal, information,
                   * process; NULL when not given (a direction of mixed kinds) */
    char *name;   /* as citizens read it, in Russian */
};

/* The event types of a kind of control: each enabled one has its own code
 * at a point (anketa-campaign(5)). */
enum anketa_event {
    ANKETA_EVENT_CONTROL = 1,    /* a control (supervision) event: an inspection */
    ANKETA_EVENT_PREVENTION = 2  /* a prevention event */
};

/* One pre-fill parameter: the URL parameter name and its template, such as
 * "{item.name}" (placeholders: see anketa_campaign_expand). */
struct anketa_param {
    char *name;
    char *value;
};

/* The survey form of one direction of one authority. */
struct anketa_survey {
    const struct anketa_direction *direction;
    char *url;
    struct anketa_param *prefill;
    size_t prefill_count;
};

struct anketa_authority {
    char *id;
    char *name;
    char *short_name;   /* NULL when not given */
    char *logo;         /* path, resolved against the campaign file's folder; may be NULL */
    char *feedback_url; /* the "Оценить работу" page */
    struct anketa_survey *surveys;
    size_t survey_count;
};

struct anketa_item {
    char *id;
    char *name;
    const struct anketa_authority *authority;
    const struct anketa_direction *direction;
    char *kind;         /* service, measure, control, process, appeal, information */
    unsigned events;    /* control: anketa_event bits, at least one; else 0 */
    int kind_given;     /* 0: taken from the direction's kind (an old campaign) */
};

struct anketa_point {
    char *id;
    char *name;
    char *municipality;
    char *address;      /* may be NULL */
    const struct anketa_authority *authority; /* may be NULL when items are listed */
    const struct anketa_item **items;         /* the items offered here */
    size_t item_count;
};

struct anketa_question {
    char *id;
    char *text;
    int lo, hi;         /* scale: 1-5, 0-10, or 0-1 for yes/no */
    int yes_no;
};

struct anketa_campaign {
    char *path;             /* the file it was loaded from */
    char *id;
    char *name;
    char *period_start;     /* YYYY-MM-DD or NULL */
    char *period_end;
    char *timezone;         /* "+HH:MM" */
    int tz_offset_minutes;
    char *channel;          /* default value of {channel} */
    double target;          /* satisfaction target, share 0..1; 0 when not set */
    long min_group;         /* minimum group size for publication (default 5) */
    char *method;           /* "top2" (default) or "mean_percent" */
    int points_are_units;   /* points are the authority's own units («Подразделение») */
    char *notice;           /* a warning to show once (kinds taken from directions), or NULL */

    struct anketa_direction *directions;
    size_t direction_count;
    struct anketa_authority *authorities;
    size_t authority_count;
    struct anketa_item *items;
    size_t item_count;
    struct anketa_point *points;
    size_t point_count;
    struct anketa_question *questions;
    size_t question_count;

    struct anketa_campaign_index *index; /* private: look-up tables */
};

/* Loads and checks a campaign file. Returns NULL with err set on any error. */
ANKETA_API struct anketa_campaign *anketa_campaign_load(const char *path,
                                                        struct anketa_error *err);

/* Parses a campaign from memory (`name` used in messages); the fuzz target's door. */
ANKETA_API struct anketa_campaign *anketa_campaign_parse(const char *text, size_t len,
                                                         const char *name,
                                                         struct anketa_error *err);

/* Parses a UTC offset "+HH:MM", "-HH:MM", "Z" or "UTC" into minutes east of
 * UTC. Returns 0, or -1 when malformed. */
ANKETA_API int anketa_parse_tz(const char *s, int *minutes);

/* "control" or "prevention"; NULL for anything else. */
ANKETA_API const char *anketa_event_name(unsigned event);

/* What a point is called: «Подразделение» or «Точка взаимодействия». */
ANKETA_API const char *anketa_campaign_point_label(const struct anketa_campaign *c);

/* NULL is allowed. */
ANKETA_API void anketa_campaign_free(struct anketa_campaign *c);

/* Look-ups by id (or exact name); NULL when absent. */
ANKETA_API const struct anketa_direction *anketa_campaign_direction(const struct anketa_campaign *c,
                                                                    const char *id);
ANKETA_API const struct anketa_authority *anketa_campaign_authority(const struct anketa_campaign *c,
                                                                    const char *id);
ANKETA_API const struct anketa_item *anketa_campaign_item(const struct anketa_campaign *c,
                                                          const char *id);
ANKETA_API const struct anketa_item *anketa_campaign_item_by_name(const struct anketa_campaign *c,
                                                                  const char *name);
ANKETA_API const struct anketa_point *anketa_campaign_point(const struct anketa_campaign *c,
                                                            const char *id);
ANKETA_API const struct anketa_point *anketa_campaign_point_by_name(const struct anketa_campaign *c,
                                                                    const char *name);
ANKETA_API const struct anketa_question *anketa_campaign_question(const struct anketa_campaign *c,
                                                                  const char *id);
ANKETA_API const struct anketa_survey *anketa_authority_survey(const struct anketa_authority *a,
                                                               const char *direction_id);

/* The context a pre-fill template is expanded in; NULL members expand to "". */
struct anketa_code_context {
    const struct anketa_campaign *campaign;
    const struct anketa_authority *authority;
    const struct anketa_direction *direction;
    const struct anketa_item *item;
    const struct anketa_point *point;
    const char *channel;    /* NULL: the campaign's channel */
    const char *event;      /* "control", "prevention" or NULL */
};

/* Expands a template: {campaign.id} {authority.id} {authority.name}
 * {direction.id} {direction.name} {item.id} {item.name} {item.kind}
 * {point.id} {point.name} {municipality} {channel} {event}; "{{" is a
 * literal "{".
 * Returns a malloc'd string (caller frees) or NULL with err set. */
ANKETA_API char *anketa_campaign_expand(const char *template_text,
                                        const struct anketa_code_context *ctx,
                                        struct anketa_error *err);

/* Whether a template's placeholders are all known (0), else an error. */
ANKETA_API int anketa_campaign_check_template(const char *template_text, struct anketa_error *err);

#ifdef __cplusplus
}
#endif

#endif
