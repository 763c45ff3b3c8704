/* Report internals: the tally tables read, and the document built from them
 * that every writer renders. */
#ifndef ANKETA_REPORT_INT_H
#define ANKETA_REPORT_INT_H

#include <stddef.h>
#include <stdio.h>

#include <anketa/report.h>

#include "chart.h"

/* A figure to print: exactly num/den when den > 0 (a ratio of counts, or a
 * decimal), else the double `value` (NAN: none). Printed figures are rounded
 * from this, once, by ru_number(). */
__extension__ typedef __int128 i128;
struct figure {
    double value;
    i128 num, den;
};

struct figure fig_double(double v);
struct figure fig_ratio(i128 num, i128 den);
struct figure fig_decimal(double v);         /* exact when v has at most 6 decimals */
struct figure fig_sub(struct figure a, struct figure b);
int fig_cmp(struct figure a, struct figure b); /* <0, 0, >0; both non-NAN */

/* One row of a tally table; numbers are NAN when empty. The doubles are
 * recomputed from the counts where the file has them; the figures f_* are
 * the exact fractions they come from. */
struct tally_row {
    char **keys;
    char *question;
    double responses, answered, mean, csat, lo, hi, mean_pct;
    struct figure f_responses, f_answered, f_mean, f_csat;
    int suppressed;
    int total;           /* '*' in every key: a total */
    int yes_no;          /* answered on a 0-1 scale */
    long line;           /* where it was read */
};

struct tally_table {
    char *file;
    char **key_names;
    size_t key_count;
    struct tally_row *rows;
    size_t row_count;
    /* Read from every row, whether or not the rows are all kept: */
    char **questions;       /* distinct, in order of first appearance */
    size_t question_count;
    int yes_no_only;        /* -1: a shown, answered row not on a 0-1 scale;
                               1: some shown, answered rows, all on 0-1; 0: none */
    int bounded;            /* only the rows its section shows were kept
                               (report_rank_limit): totals and, per question,
                               the lowest shown groups, in file order */
};

/* report_build.c: how many groups (the lowest by satisfaction) the section
 * of table t shows when it is not a readiness table; 0 when it shows all.
 * Only its key names are looked at, so the reader can ask before the rows. */
size_t report_rank_limit(const struct tally_table *t);

/* The document: a list of blocks, in Russian. */
enum cell_tone { TONE_NONE, TONE_GOOD, TONE_NEAR, TONE_BAD, TONE_HIDDEN };

struct doc_cell {
    char *text;          /* as shown, Russian typography */
    double value;        /* the full-precision number (NAN: text only) */
    int percent;         /* value is a share shown as a percentage */
    int decimals;        /* as many as the text shows */
    int signed_points;   /* a difference in percentage points, "+1,2 п. п." */
    enum cell_tone tone;
};

enum block_kind { BLOCK_HEADING, BLOCK_PARAGRAPH, BLOCK_FIGURES, BLOCK_TABLE, BLOCK_CHART };

struct doc_block {
    enum block_kind kind;
    int level;                   /* heading: 0 the title, 1 a section */
    char *text;                  /* heading, paragraph, table or chart title */
    char *sheet;                 /* short name for an XLSX sheet (tables) */
    size_t columns, rows;        /* table (and figures: 2 columns) */
    char **head;
    struct doc_cell *cells;      /* rows x columns */
    struct chart *chart;
};

struct anketa_report {
    struct anketa_report_options o;
    double target;
    struct figure f_target;
    char *title, *period, *generated;
    struct tally_table *tables;
    size_t table_count;
    struct doc_block *blocks;
    size_t block_count;
};

/* report_scan.c: tally output read record by record, fast (the same
 * records and failures as anketa_csv_reader, comma-separated). */
struct report_scan;
struct anketa_csv_row;
struct report_scan *report_scan_open(const char *path, struct anketa_error *err);
void report_scan_free(struct report_scan *s);
const char *report_scan_name(const struct report_scan *s);
/* The first record as the header (duplicate names are an error). */
int report_scan_header(struct report_scan *s, struct anketa_error *err);
const struct anketa_csv_row *report_scan_header_row(const struct report_scan *s);
int report_scan_column(const struct report_scan *s, const char *name);
/* 1 and the next record (valid until the next call), 0 at the end, or < 0. */
int report_scan_next(struct report_scan *s, const struct anketa_csv_row **row,
                     struct anketa_error *err);

/* report_read.c */
int report_read_table(struct anketa_report *r, const char *path, struct anketa_error *err);
void report_free_tables(struct anketa_report *r);

/* report_build.c: tables to blocks. */
int report_build(struct anketa_report *r, struct anketa_error *err);
void report_free_blocks(struct anketa_report *r);

/* report_format.c: Russian typography. ru_number() is the one rounding of
 * every figure the report prints (all five formats): v × 10^shift rounded
 * half away from zero to `decimals`, decided on exact decimal digits (on the
 * fraction when v is one, else on the shortest decimal that reads back as the
 * double). "1 234,5", "−6,9"; "" for NAN. */
char *ru_number(struct figure v, int shift, int decimals);
char *ru_percent(struct figure share, int decimals); /* "78,4 %" */
char *ru_date(long long epoch);               /* "22.11.2026" */
char *xstrdup(const char *s);
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The writers. */
int report_write_pdf(struct anketa_report *r, FILE *fp, struct anketa_error *err);
int report_write_html(struct anketa_report *r, FILE *fp, struct anketa_error *err);
int report_write_md(struct anketa_report *r, FILE *fp, struct anketa_error *err);
int report_write_csv(struct anketa_report *r, FILE *fp, struct anketa_error *err);
int report_write_xlsx(struct anketa_report *r, const char *path, struct anketa_error *err);

#endif
