/* Report internals: the tally tables read, and the document built from them
 * that every writer renders. */
#ifndef ANKETA_REPORT_INT_H
#define ANKETA_REPORT_INT_H

#include <stddef.h>
#include <stdio.h>

#include <anketa/report.h>

#include "chart.h"

/* One row of a tally table; numbers are NAN when empty. */
struct tally_row {
    char **keys;
    char *question;
    double responses, answered, mean, csat, lo, hi, mean_pct;
    int suppressed;
    int total;           /* '*' in every key: a total */
    int yes_no;          /* answered on a 0-1 scale */
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
    char *title, *period, *generated;
    struct tally_table *tables;
    size_t table_count;
    struct doc_block *blocks;
    size_t block_count;
};

/* report_read.c */
int report_read_table(struct anketa_report *r, const char *path, struct anketa_error *err);
void report_free_tables(struct anketa_report *r);

/* report_build.c: tables to blocks. */
int report_build(struct anketa_report *r, struct anketa_error *err);
void report_free_blocks(struct anketa_report *r);

/* report_format.c: Russian typography. */
char *ru_number(double v, int decimals);      /* "1 234,5" */
char *ru_percent(double share, int decimals); /* "78,4 %" */
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
