#ifndef ANKETA_PASTE_H
#define ANKETA_PASTE_H

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/csv.h>
#include <anketa/error.h>

/* Texts to paste, from the code manifest (leaflet -f html|txt):
 *   site   the module of an authority's «Оценить работу» section (§2.1 of
 *          the regional recommendations): its heading, paragraph and four
 *          questions, each with the link of its direction's code;
 *   reply  the closing paragraph of a reply to an appeal sent by e-mail (§4),
 *          with an active link to the row's survey.
 * HTML fragments (text escaped, links as <a href>) or plain text, in UTF-8. */
struct anketa_paste;

enum anketa_paste_kind { ANKETA_PASTE_SITE, ANKETA_PASTE_REPLY };

struct anketa_paste_options {
    enum anketa_paste_kind kind;
    int html;                                /* 1: HTML; 0: plain text */
    const struct anketa_campaign *campaign;  /* optional: direction kinds and names */
    const char *output;                      /* path, or "-" for standard output */
    /* Warnings (a direction none of the four questions takes); may be NULL. */
    anketa_diag_fn *warn;
    void *ctx;
};

/* Whether NAME is the name of a paste kind ("site", "reply"); sets *kind. */
ANKETA_API int anketa_paste_kind_parse(const char *name, enum anketa_paste_kind *kind);

/* Starts the output. NULL with err set. */
ANKETA_API struct anketa_paste *anketa_paste_new(const struct anketa_paste_options *o,
                                                 struct anketa_error *err);
/* Checks a manifest header: code_id, level, authority, authority_name,
 * direction and url are needed. */
ANKETA_API int anketa_paste_check_header(struct anketa_paste *p,
                                         const struct anketa_csv_row *header,
                                         const char *file, struct anketa_error *err);
/* Adds one row: 1 when taken, 0 when its level is not the text's (the site
 * takes direction codes; the reply any), or an error naming file:line. */
ANKETA_API int anketa_paste_add(struct anketa_paste *p, const struct anketa_csv_row *row,
                                const char *file, struct anketa_error *err);
/* Writes the texts and commits the output; an error when no row was taken. */
ANKETA_API int anketa_paste_finish(struct anketa_paste *p, struct anketa_error *err);
/* Texts written (authorities for the site, rows for the reply). */
ANKETA_API long anketa_paste_count(const struct anketa_paste *p);
/* NULL is allowed; an unfinished output is discarded. */
ANKETA_API void anketa_paste_free(struct anketa_paste *p);

#endif
