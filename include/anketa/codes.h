#ifndef ANKETA_CODES_H
#define ANKETA_CODES_H

#include <stddef.h>

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The codes of a campaign at its three levels (doc/architecture.md, qrgen(1)):
 *   authority  one per authority: its feedback page;
 *   direction  one per survey of an authority: the form, nothing pre-filled;
 *   item       one per item at every point that offers it (one without a
 *              point for an item offered nowhere): pre-filled link.
 * A kind of control with both event types enabled has two item codes at a
 * point, one per event type, whose ids end in .control and .prevention.
 * code_id is built from campaign ids only, so it is stable across runs:
 *   AUTH, AUTH.DIR, AUTH.DIR.ITEM.POINT (or AUTH.DIR.ITEM), [.EVENT]. */
enum anketa_code_level {
    ANKETA_LEVEL_AUTHORITY = 1,
    ANKETA_LEVEL_DIRECTION = 2,
    ANKETA_LEVEL_ITEM = 4
};

struct anketa_code {
    char *code_id;
    enum anketa_code_level level;
    const struct anketa_authority *authority;
    const struct anketa_direction *direction; /* NULL at authority level */
    const struct anketa_item *item;           /* NULL above item level */
    const struct anketa_point *point;         /* NULL when none */
    const char *event;                        /* "control", "prevention" or NULL */
    char *url;                                /* in URI form */
};

/* The manifest header (doc/architecture.md), in order, NULL-terminated:
 *   code_id,level,authority,authority_name,direction,item,item_name,kind,
 *   event,point,point_name,point_label,municipality,url,file
 * kind is the item's (service, measure, control, process, appeal,
 * information) on item rows and the direction's on direction rows; event is
 * control or prevention for a kind of control; point_label is «Подразделение»
 * where the campaign's points are units. Readers find columns by name, so
 * columns may be added; none is ever renamed or removed. */
#define ANKETA_MANIFEST_COLUMNS 15
ANKETA_API extern const char *const anketa_manifest_columns[];

/* Fills row[ANKETA_MANIFEST_COLUMNS] with the manifest fields of a code
 * (pointers into the code and campaign; NULL for an empty field); `file` is
 * the code's image path or NULL. */
ANKETA_API void anketa_code_manifest_row(const struct anketa_campaign *c,
                                         const struct anketa_code *k, const char *file,
                                         const char **row);

/* Name of a level ("authority", "direction", "item"). */
ANKETA_API const char *anketa_code_level_name(enum anketa_code_level level);

/* Parses "authority,direction,item" (any subset) into a bit set; 0 and err
 * set on an unknown name. */
ANKETA_API unsigned anketa_code_levels_parse(const char *list, struct anketa_error *err);

/* Builds every code of the chosen levels, in campaign order. `channel` fills
 * {channel} (NULL: the campaign's). Returns 0 with *codes (free with
 * anketa_codes_free) or an error. */
ANKETA_API int anketa_codes_build(const struct anketa_campaign *c, unsigned levels,
                                  const char *channel, struct anketa_code **codes,
                                  size_t *count, struct anketa_error *err);
ANKETA_API void anketa_codes_free(struct anketa_code *codes, size_t count);

/* A file-system-safe base name from s: '/', '\\', control characters and
 * leading dots become '_', so no name can climb out of its folder; UTF-8
 * letters stay. Returns a malloc'd string, or NULL when s is empty. */
ANKETA_API char *anketa_safe_filename(const char *s);

#ifdef __cplusplus
}
#endif

#endif
