#ifndef ANKETA_TALLY_H
#define ANKETA_TALLY_H

#include <stdio.h>

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/error.h>

/* Streaming group statistics of survey answers (doc/architecture.md, "Figures").
 * A tally reads canonical responses (or any CSV with score columns), keeps
 * exact counts per group, question and scale point, and writes either the
 * figures or the counts themselves (a partial) that other tallies merge.
 * Memory grows with the number of groups, never with the number of rows. */

/* keys and questions are copied by anketa_tally_new(); the campaign is
 * borrowed and must outlive the tally. */
struct anketa_tally_config {
    const char *const *keys;        /* group columns in order; may be derived:
                                       year, quarter, month, week, day */
    size_t key_count;
    const char *const *questions;   /* "column" or "column:LO-HI"; NULL: every q.* */
    size_t question_count;
    const struct anketa_campaign *campaign; /* scales, min_group, coverage; may be NULL */
    long min_n;                     /* < 0: the campaign's min_group, else 5 */
    int totals;                     /* add '*' rows and complementary suppression */
    int skip_invalid;               /* count bad values instead of failing */
    int threads;                    /* 0: as many as pay (at most 2) */
};

struct anketa_tally;

/* Checks the configuration (question specs). Returns NULL with err set. */
ANKETA_API struct anketa_tally *anketa_tally_new(const struct anketa_tally_config *cfg,
                                                 struct anketa_error *err);

/* NULL is allowed. */
ANKETA_API void anketa_tally_free(struct anketa_tally *t);

/* Reads a CSV of responses (path "-" or NULL: standard input). Errors name
 * file:line:column. Regular files are split between threads. */
ANKETA_API int anketa_tally_add_file(struct anketa_tally *t, const char *path,
                                     struct anketa_error *err);

/* Reads partials written by anketa_tally_write_partial (several may follow
 * each other in one stream). Partials made with other settings are refused. */
ANKETA_API int anketa_tally_add_partial(struct anketa_tally *t, const char *path,
                                        struct anketa_error *err);

/* Adds the groups the campaign knows (point x item and their roll-ups) with
 * no responses, so that points without feedback show up. Keys that are not
 * campaign dimensions (authority, direction, item, point, municipality) make
 * this a no-op. */
ANKETA_API int anketa_tally_add_coverage(struct anketa_tally *t, struct anketa_error *err);

/* Writes the figures (with coverage, totals and suppression) as CSV. It
 * adds the coverage and total groups to the tally: write once. */
ANKETA_API int anketa_tally_write(struct anketa_tally *t, FILE *fp, struct anketa_error *err);

/* Writes the sufficient statistics as a partial. */
ANKETA_API int anketa_tally_write_partial(struct anketa_tally *t, FILE *fp,
                                          struct anketa_error *err);

/* Records skipped for bad values under skip_invalid, and the first reason. */
ANKETA_API long anketa_tally_skipped(const struct anketa_tally *t, const char **first);

#endif
