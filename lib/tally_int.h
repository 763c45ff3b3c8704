/* tally internals shared by lib/tally*.c (not installed). */
#ifndef ANKETA_TALLY_INT_H
#define ANKETA_TALLY_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <anketa/error.h>
#include <anketa/tally.h>

#include "csv_scan.h"
#include "figures.h"

#define TALLY_STAR UINT32_MAX   /* the id of '*' in a totals row */
/* All the weights of one tally add up to at most 10^12 responses: every
 * count, total and sum of scale point times count (at most 100 times the
 * total) then stays far inside int64. A partial holds no larger count. */
#define TALLY_UNITS_MAX (1000000000000LL * TALLY_UNIT)

/* ---- string dictionary and group table (tally_table.c) ---- */

struct tally_dict {
    char *arena;            /* the strings, each NUL-terminated */
    size_t arena_used, arena_cap;
    size_t *offset;         /* id -> offset in arena */
    uint32_t *length;
    uint32_t count, cap;
    uint64_t *slots;        /* (hash << 32) | (id + 1), 0 when empty */
    size_t slot_mask;
};

/* The id of s (added when new), or -1 when out of memory. */
int64_t tally_dict_intern(struct tally_dict *d, const char *s, size_t len);
const char *tally_dict_str(const struct tally_dict *d, uint32_t id, size_t *len);
void tally_dict_free(struct tally_dict *d);

/* Groups: the key ids and the counts of one group side by side in fixed-size
 * blocks of 32-bit words: keys ids, then a word `wide`, then nstats
 * counters. Counter 0 is the weighted number of rows; then for each question
 * its counts per scale point, all in weight units. Counters are 32 bits
 * (4,294,967,295 units: 429,496 responses of weight 1), which most groups of
 * a fine grouping never outgrow; the first add that would overflow one moves
 * all of the group's counters to a 64-bit block in `wide` (and `wide` then
 * holds that block's number + 1). Read them with tally_table_load, add with
 * tally_table_add. */
struct tally_table {
    size_t keys;            /* key columns */
    size_t nstats;          /* counters per group */
    size_t stride;          /* bytes per group */
    unsigned chunk_bits;    /* 2^chunk_bits groups per chunk */
    unsigned char **chunks;
    size_t chunk_count;
    size_t count;
    uint64_t *slots;
    size_t slot_mask;
    int64_t *wide;          /* nstats counters per widened group */
    size_t wide_count, wide_cap;
};

int tally_table_init(struct tally_table *t, size_t keys, size_t nstats);
/* The index of the group with these key ids (added, zeroed, when new), or -1. */
int64_t tally_table_find(struct tally_table *t, const uint32_t *ids);
/* The same in two steps: the hash (fetching its slot ahead), then the find. */
uint64_t tally_table_hash(const struct tally_table *t, const uint32_t *ids);
int64_t tally_table_find_hashed(struct tally_table *t, const uint32_t *ids, uint64_t h);
static inline uint32_t *tally_table_ids(const struct tally_table *t, size_t g)
{
    return (uint32_t *)(void *)(t->chunks[g >> t->chunk_bits] +
                                (g & (((size_t)1 << t->chunk_bits) - 1)) * t->stride);
}
/* Counters from..from+n-1 of group g into out. */
void tally_table_load(const struct tally_table *t, size_t g, size_t from, size_t n,
                      int64_t *out);
/* Moves group g's counters to 64 bits; -1 when out of memory. */
int tally_table_widen(struct tally_table *t, size_t g);
/* `more` zero counters after the others in every group (a question a later
 * file brings); -1, the table unchanged, when out of memory. */
int tally_table_add_columns(struct tally_table *t, size_t more);

/* Adds w (>= 0) to counter i of group g; -1 when out of memory. */
static inline int tally_table_add(struct tally_table *t, size_t g, size_t i, int64_t w)
{
    uint32_t *b = tally_table_ids(t, g) + t->keys;
    if (b[0] == 0) {
        if (w >= 0 && (uint64_t)b[1 + i] + (uint64_t)w <= UINT32_MAX) {
            b[1 + i] += (uint32_t)w;
            return 0;
        }
        if (tally_table_widen(t, g) != 0)
            return -1;
    }
    t->wide[(size_t)(b[0] - 1) * t->nstats + i] += w;
    return 0;
}

/* Adds all nstats counters of d to group g; -1 when out of memory. */
int tally_table_add_all(struct tally_table *t, size_t g, const int64_t *d);
/* Frees the hash index (the groups stay; a later find makes it again):
 * room for the output's sort. */
void tally_table_drop_index(struct tally_table *t);
/* Frees the blocks of groups below g (for a table read once, front to back). */
void tally_table_release(struct tally_table *t, size_t g);
void tally_table_free(struct tally_table *t);

/* ---- values (tally_values.c) ---- */

/* Parses a weight ("1", "0.5", empty = 1) into units; 0 or an error message. */
const char *tally_parse_weight(const char *s, size_t len, int64_t *units);
/* Parses an integer answer; 0 or an error message. */
const char *tally_parse_score(const char *s, size_t len, int *value);
/* A yes/no answer (да/нет, yes/no, 1/0, +/-, any case, spaces around):
 * 1 or 0, or -1 for anything else. */
int tally_parse_yesno(const char *s, size_t len);
/* Whether s is a valid date YYYY-MM-DD (10 bytes). */
int tally_valid_day(const char *s, size_t len);
/* The first and last day (YYYY-MM-DD, NUL-terminated) of a period: 2024,
 * 2024-Q1, 2024-03, 2024-W09 (ISO week, Monday to Sunday) or 2024-03-05.
 * 0, or -1 when it is none of these. */
int tally_period_range(const char *period, char from[11], char to[11]);

enum tally_derived { TALLY_KEY_PLAIN, TALLY_KEY_YEAR, TALLY_KEY_QUARTER, TALLY_KEY_MONTH,
                     TALLY_KEY_WEEK, TALLY_KEY_DAY };
enum tally_derived tally_derived_kind(const char *name);
/* Writes the derived key of an ISO 8601 timestamp into out (at least 16
 * bytes); returns its length, or -1 when s does not start with a valid date. */
int tally_derive(enum tally_derived kind, const char *s, size_t len, char *out);

/* ---- figures and formatting (tally_stats.c) ---- */

struct tally_figures {
    double mean, csat, low, high, mean_pct, nps;
    int has_nps;
};

/* Figures of one question from its counts (units) on scale lo..hi; returns 0
 * when nothing was answered (no figures). */
int tally_figures(const int64_t *counts, int lo, int hi, struct tally_figures *out);
/* Formats a unit amount: whole numbers plain, else 4 decimals. */
void tally_format_units(int64_t units, char *buf, size_t size);
/* Formats a figure with exactly 4 decimals (never "-0.0000"). */
void tally_format_fixed(double v, char *buf, size_t size);

/* ---- the tally itself (tally.c) ---- */

struct tally_question {
    char *column;
    int lo, hi;
    int explicit_scale;     /* the range came from the user or a partial */
    int yesno;              /* "column:yes/no": answers read as 1/0, scale 0-1 */
    size_t offset;          /* index of its first count in a group's stats */
};

struct tally_key {
    char *column;
    enum tally_derived kind;
    struct tally_dict values;
    struct tally_dict dates;    /* derived: date text -> index in date_value */
    uint32_t *date_value;       /* date id -> id in values */
    size_t date_value_cap;
};

/* A --where filter: the column (or a derived key) is one of the values; on a
 * yes/no question, or when the values are all да, нет, yes or no, they are
 * compared as 1/0 (a cell of a yes/no question that is neither is a bad
 * value; in another column it matches nothing). */
enum { YESNO_QUESTION = 1, YESNO_WORDS = 2 };
struct tally_filter {
    char *column;
    enum tally_derived kind;
    char **values;
    size_t *lengths;
    size_t count;
    int yesno;              /* YESNO_*, or 0: compared byte for byte */
    signed char *meaning;   /* 1/0 of each value when yesno */
};

/* An input file read and which of the questions it had (for the notes on
 * files that lack some). */
struct tally_file {
    char *name;
    unsigned char *has;     /* one per question known when it was read */
    size_t count;
};

#define TALLY_FILTERS_MAX 64

struct anketa_tally {
    struct anketa_tally_config cfg;
    struct tally_key *keys;
    size_t key_count;
    struct tally_question *questions;
    size_t question_count;
    int settled;                /* questions and scales known, table made */
    struct tally_table table;
    int lo, hi;                 /* the widest scale */
    long skipped;
    char first_skip[ANKETA_ERROR_MAX];
    int64_t rows;
    int64_t units;              /* the sum of all weights, <= TALLY_UNITS_MAX */
    struct tally_filter *filters;
    size_t filter_count;
    char from[11], to[11];      /* the date range ("" open) */
    long left_date, left_where; /* records left out */
    struct tally_file *files;
    size_t file_count;
};

/* Parses the date range and the where filters of cfg into t (tally_filter.c);
 * the yes/no questions must be known. 0 or ANKETA_ERR_USAGE. */
int tally_filters_init(struct anketa_tally *t, const struct anketa_tally_config *cfg,
                       struct anketa_error *err);
void tally_filters_free(struct anketa_tally *t);
/* Appends a question found in a later file (or partial) and widens every
 * group's counts for it; its scale from the campaign, else 1-5, unless
 * lo <= hi are given. Returns its index, or -1 when out of memory. */
long tally_add_question(struct anketa_tally *t, const char *column, int lo, int hi);
/* Notes that a file was read and which questions it had (has: one flag per
 * question, count of them). 0 or -1 when out of memory. */
int tally_note_file(struct anketa_tally *t, const char *name, const int *q_col, size_t count);

/* Adds w to t's sum of weights; -1 (nothing added) past TALLY_UNITS_MAX. */
int tally_add_units(struct anketa_tally *t, int64_t w);
#define TALLY_UNITS_MSG "the weights add up to more than 1000000000000 responses, " \
                        "the most one tally counts"

/* ---- counting records (tally_read.c) ---- */

/* Where a problem was found; lines are relative to the job's first line. */
struct tally_where {
    int code;
    long line, column;
    char msg[512];
};

/* One reader's state: a file's column map and the record being counted.
 * Two threads on one file have a job each (and a tally each). */
struct tally_job {
    struct anketa_tally *t;
    const char *name;
    size_t ncols;               /* 0 until the header is read */
    int key_col[64];
    int key_derived[64];
    int *q_col;
    int weight_col;
    int stamp_col;              /* submitted_at, for the date range; -1 */
    int filter_col[TALLY_FILTERS_MAX];
    unsigned char filter_derived[TALLY_FILTERS_MAX];
    long left_date, left_where;
    struct csv_dialect dialect; /* the file's delimiter (strict quoting) */
    struct csv_record rec;
    char *scratch;
    size_t scratch_cap;
    int *vals;
    long skipped;
    struct tally_where skip;    /* the first skipped record */
    struct tally_where fail;
    size_t pos;                 /* in the current buffer */
    long line;
};

/* Counts the records of buf[j->pos..len) (the first one being the header
 * when j->ncols is 0); at_eof says whether more input follows. Returns 0
 * with j->pos at the first unfinished record, or -1 with j->fail set. */
int tally_job_run(struct tally_job *j, const char *buf, size_t len, int at_eof);
/* Turns the job's failure and skips into err and t's counts; lines shift by
 * line_base. */
int tally_job_report(struct anketa_tally *t, struct tally_job *j, long line_base,
                     struct anketa_error *err);
void tally_job_free(struct tally_job *j);
/* Takes one record from a reader that is not CSV text (XLSX): the header
 * first, then the records. 0, or -1 with j->fail set. */
int tally_job_take(struct tally_job *j, const struct csv_record *r);
/* Whether a record passes the date range and the filters (tally_filter.c):
 * 1 yes, 0 left out (counted in j), -1 bad value (in *bad), -2 out of memory. */
int tally_filter_record(struct tally_job *j, const struct csv_record *r,
                        struct tally_where *bad);
/* The filters' columns in a header (names[0..n)): 0, or -1 with j->fail set. */
int tally_filter_columns(struct tally_job *j, char *const *names, size_t n, long line);
/* A field's text with "" pairs undone (in the job's scratch when needed). */
const char *tally_field_text(struct tally_job *j, const struct csv_field *f, size_t *len);

/* Counts the first worksheet of an XLSX workbook (tally_xlsx.c). */
int tally_add_xlsx(struct anketa_tally *t, const char *path, struct anketa_error *err);
/* Counts a CSV held in memory (the fuzz targets' door). */
int tally_add_buffer(struct anketa_tally *t, const char *buf, size_t len, const char *name,
                     struct anketa_error *err);
/* Reads partials from an open stream (the caller closes it). */
int tally_add_partial_stream(struct anketa_tally *t, FILE *fp, const char *name,
                             struct anketa_error *err);

/* A question's scale from the campaign, unless it has an explicit one. */
void tally_campaign_scale(const struct anketa_tally *t, struct tally_question *q);
/* Fixes the question list and makes the group table. */
int tally_settle(struct anketa_tally *t, struct anketa_error *err);
/* Adds src's groups (with its own dictionaries) into dst; name is the file
 * they were read from, for messages. With release, src's group blocks are
 * freed as they are read (src is then only fit for freeing). */
int tally_absorb(struct anketa_tally *dst, struct anketa_tally *src, int release,
                 const char *name, struct anketa_error *err);

/* The id of a key value in key column k, or -1 when out of memory. */
int64_t tally_key_id(struct tally_key *k, const char *s, size_t len);

/* Suppression flags, one per group and question (tally_suppress.c). */
unsigned char *tally_suppress(struct anketa_tally *t, long min_n, int totals,
                              const uint32_t *pos);
/* Fixes the settings from a partial's header (tally_partial.c). */

#endif
