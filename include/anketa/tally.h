#ifndef ANKETA_TALLY_H
#define ANKETA_TALLY_H

#include <stdio.h>

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

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
    const char *const *questions;   /* "column", "column:LO-HI" or "column:yes/no";
                                       NULL: every q.* */
    size_t question_count;
    const struct anketa_campaign *campaign; /* scales, min_group, coverage; may be NULL */
    long min_n;                     /* < 0: the campaign's min_group, else 5 */
    int totals;                     /* add '*' rows and complementary suppression */
    int skip_invalid;               /* count bad values instead of failing */
    int threads;                    /* 0: as many as pay (at most 2) */
    /* Which records count: submitted_at's local date (as written, in its own
     * offset) from `from` to `to` inclusive (YYYY-MM-DD; NULL: open), or in
     * `period` (2024, 2024-Q1, 2024-03, 2024-W09, 2024-03-05); and every
     * `where` ("COLUMN=V1,V2...": the column, or a derived key, is one of the
     * values). Left-out records are counted, not judged further. */
    const char *from, *to, *period;
    const char *const *where;
    size_t where_count;
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

/* Records left out by the dates and by the where filters; *from and *to get
 * the inclusive range ("" when open). Any pointer may be NULL. */
ANKETA_API void anketa_tally_left_out(const struct anketa_tally *t, long *by_date,
                                      long *by_where, const char **from, const char **to);

/* Input files that lack some of the questions (whose answers count as not
 * given there): for the i-th file read, 1 with msg set ("FILE: no column
 * q.x: ..."), 0 when it has them all, -1 past the last file. */
ANKETA_API int anketa_tally_gap(const struct anketa_tally *t, size_t i, char *msg, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
