#ifndef ANKETA_FORM_H
#define ANKETA_FORM_H

#include <stdio.h>

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/csv.h>
#include <anketa/error.h>
#include <anketa/leaflet.h>
#include <anketa/template.h>

/* The printable paper questionnaire (leaflet -t form): one A4 form per
 * manifest row, an item at a point (or a direction, the item left for the
 * respondent to write), with every question of the campaign and a tick box
 * for each point of its scale, a form number field and a small QR code that
 * carries the form's ids:
 *     anketa:form?c=CAMPAIGN&a=AUTHORITY&d=DIRECTION&i=ITEM&p=POINT
 * (empty ids left out). Boxes stand on a fixed grid (lib/leaflet_form.c), so
 * that a later version can read filled forms from scans. */

/* The form's template, drawn by code: a leaflet made with it takes rows
 * through anketa_form_add(), and needs the campaign (its questions). NULL
 * with err set; free with anketa_template_free(). */
ANKETA_API struct anketa_template *anketa_form_template(struct anketa_error *err);

/* Whether a template is the form's. */
ANKETA_API int anketa_form_is(const struct anketa_template *t);

/* Draws the form of one manifest row (the header checked with
 * anketa_leaflet_check_header). 1 when drawn, 0 for an authority-level row,
 * or an error naming file:line and the item: ids not in the campaign, or a
 * form that does not fit its page (too many or too long questions). */
ANKETA_API int anketa_form_add(struct anketa_leaflet *l, const struct anketa_csv_row *row,
                               const char *file, struct anketa_error *err);

/* The data-entry CSV for clerks, one row a form: its header, which the
 * shipped `paper` profile of ingest(1) reads as it is: "Номер анкеты",
 * "Дата", "Офис", "Услуга", each question's text, "Комментарий". */
ANKETA_API int anketa_form_entry_header(const struct anketa_campaign *c, FILE *out,
                                        struct anketa_error *err);

#endif
