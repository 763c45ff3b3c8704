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
    int subtotal;        /* '*' in some keys (tally --totals): never ranked with its parts */
    int yes_no;          /* answered on a 0-1 scale */
    int nps_scale;       /* answered on a 0-10 scale, with figures: the NPS shares */
    struct figure f_promoters, f_passives, f_detractors, f_nps;
};

struct tally_table {
    char *file;
    char **key_names;
    size_t key_count;
    struct tally_row *rows;
    size_t row_count;
};

/* The document: a list of blocks, in Russian. */
enum cell_tone { TONE_NONE, TONE_GOOD, TONE_NEAR, TONE_BAD, TONE_HIDDEN };

struct doc_cell {
    char *text;          /* as shown, Russian typography */
    double value;        /* the full-precision number (NAN: text only) */
    int percent;         /* value is a share shown as a percentage */
    int decimals;        /* as many as the text shows */
    int signed_points;   /* a difference in percentage points, "+1,2 п. п." */
    int interval;        /* a 95% interval: its bounds lo, hi (shares; NAN: none) */
    double lo, hi;
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

/* Sections of the document, in the order the template lists them. */
enum report_section {
    SEC_HEADLINE, SEC_QUESTIONS, SEC_TREND, SEC_DIRECTIONS, SEC_RANKINGS, SEC_MATRIX,
    SEC_LOWEST, SEC_READINESS, SEC_NPS, SEC_COMMENTS, SEC_METHOD,
    SEC_TABLES /* every table, in the order of the inputs */
};
#define SECTIONS_MAX 32

struct anketa_report {
    struct anketa_report_options o;
    double target;
    struct figure f_target;
    char *title, *period, *generated;
    struct tally_table *tables;
    size_t table_count;
    struct tally_table *prev;    /* --compare: the previous period's tables */
    size_t prev_count;
    struct doc_block *blocks;
    size_t block_count;
    char **label_names, **label_texts; /* the template's labels */
    size_t label_count;
    char *subtitle;              /* the template's, or NULL */
    int sections[SECTIONS_MAX];  /* the template's order; none: the default */
    size_t section_count;
    unsigned fill[4];            /* cell colours by tone: none, good, near, bad */
    unsigned ink[5];             /* chart colours: plain, good, near, bad, hidden */
    char item_title[160];       /* "Услуга, мера поддержки, вид контроля" */
    char items_title[200];      /* "услуги, меры поддержки и виды контроля" */
};

/* report_template.c: loads a report template (anketa-report(5)) into r:
 * title, subtitle, sections, labels, colours, target. */
int report_template_load(struct anketa_report *r, const char *name_or_path,
                         struct anketa_error *err);
void report_template_free(struct anketa_report *r);
/* The same from text in memory (path names it in messages). */
int report_template_parse(struct anketa_report *r, const char *text, size_t len,
                          const char *path, struct anketa_error *err);

/* report_cells.c: blocks and cells of the document. */
struct doc_block *add_block(struct anketa_report *r, enum block_kind kind, char *text);
int table_block(struct doc_block *b, const char *sheet, size_t columns,
                const char *const *head, size_t rows);
struct doc_cell *cell(struct doc_block *b, size_t row, size_t col);
void set_text(struct doc_block *b, size_t row, size_t col, const char *text);
void set_number(struct doc_block *b, size_t row, size_t col, struct figure v, int decimals);
void set_count(struct doc_block *b, size_t row, size_t col, struct figure v);
void set_share(struct doc_block *b, size_t row, size_t col, struct figure v,
               enum cell_tone tone);
void set_interval(struct doc_block *b, size_t row, size_t col, double lo, double hi);
void set_hidden(struct doc_block *b, size_t row, size_t col);
void set_points(struct doc_block *b, size_t row, size_t col, struct figure diff,
                enum cell_tone tone);

/* report_compare.c: --compare. The change of a group's satisfaction against
 * the previous period and its significance at 95 % (two-proportion z-test). */
struct change {
    enum { CH_NONE, CH_NEW, CH_GONE, CH_HIDDEN, CH_SAME } state;
    struct figure diff;  /* CH_SAME: now − before, a share */
    int significant;
};
const struct tally_table *compare_table(const struct anketa_report *r,
                                        const struct tally_table *t);
int compare_significant(double p1, double n1, double p0, double n0);
struct change compare_row(const struct tally_row *now, const struct tally_row *before);
struct change compare_of(const struct anketa_report *r, const struct tally_table *t,
                         const struct tally_row *row);
/* Fills the change (col) and its significance (col + 1). */
void set_change(struct doc_block *b, size_t row, size_t col, struct change ch);
/* The groups of the previous period that the table lacks (question q). */
size_t compare_gone(const struct anketa_report *r, const struct tally_table *t, const char *q,
                    const struct tally_row **out);

/* report_labels.c: what people read for ids, keys and questions: the
 * template's labels first, then the campaign's names, then Russian names of
 * periods, sources and channels, else the value itself. */
const char *report_label(const struct anketa_report *r, const char *name); /* NULL: none */
const char *key_title(const struct anketa_report *r, const char *key);
char *value_label(const struct anketa_report *r, const char *key, const char *v);
char *group_label(const struct anketa_report *r, const struct tally_table *t,
                  const struct tally_row *row);
const char *question_label(const struct anketa_report *r, const char *q);
char *report_iso_week(const char *date); /* "2024-W09" for "2024-02-26..." */

/* report_read.c */
int report_read_table(struct tally_table **tables, size_t *count, const char *path,
                      struct anketa_error *err);
void report_free_tables(struct tally_table *tables, size_t count);

/* report_build.c: tables to blocks. */
const char *main_question(const struct anketa_report *r, const struct tally_table *t);
int is_readiness(const struct anketa_report *r, const struct tally_table *t);
enum cell_tone report_tone(const struct anketa_report *r, const struct tally_row *t);
int by_csat_desc(const void *a, const void *b); /* tally_row pointers, hidden last */
/* The columns answered, share, interval, mean of a group row from col on. */
void fill_figures(struct anketa_report *r, struct doc_block *b, size_t row, size_t col,
                  const struct tally_row *t);
/* report_matrix.c: a table of two group columns: the matrix of shares and
 * the rankings within each group of the first key. */
int report_matrix(struct anketa_report *r, const struct tally_table *t);
int report_within(struct anketa_report *r, const struct tally_table *t);
/* report_nps.c, report_comments.c: their sections (none when nothing to say). */
int report_nps(struct anketa_report *r);
int report_comments(struct anketa_report *r, struct anketa_error *err);
/* report_period.c: the period the data's period keys cover («март 2024»,
 * "01.02.2024 – 31.03.2024"), NULL when none; and the sentence on responses
 * dated outside the campaign's period, NULL when none are. */
char *report_period_of_data(const struct anketa_report *r);
/* The first and last dates (YYYY-MM-DD) the data's period keys cover into
 * lo and hi (11 bytes each); -1 when no input has period keys. */
int report_data_dates(const struct anketa_report *r, char *lo, char *hi);
char *report_outside_period(const struct anketa_report *r);
int report_build(struct anketa_report *r, struct anketa_error *err);
void report_free_blocks(struct anketa_report *r);

/* report_kinds.c: labels after the campaign's item kinds and points. */
void report_kind_labels(struct anketa_report *r);
const char *report_point_title(const struct anketa_report *r);

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
/* tmpdir: where libxlsxwriter keeps its temporaries (NULL: its default). */
int report_write_xlsx(struct anketa_report *r, const char *path, const char *tmpdir,
                      struct anketa_error *err);

#endif
