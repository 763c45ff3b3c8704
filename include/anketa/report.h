#ifndef ANKETA_REPORT_H
#define ANKETA_REPORT_H

#include <stdio.h>

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The report: tally output (doc/architecture.md "Figures") turned into what a
 * ministry sends upward and publishes, in Russian: headline figures, the
 * ranking of the groups against the target, satisfaction by direction, the
 * monthly trend, the lowest-rated items, readiness tables for 0/1 columns, a
 * note on the method. Written as PDF, HTML, XLSX, Markdown or CSV. */
struct anketa_report;

enum anketa_report_format {
    ANKETA_REPORT_PDF, ANKETA_REPORT_HTML, ANKETA_REPORT_XLSX, ANKETA_REPORT_MD,
    ANKETA_REPORT_CSV
};

/* The campaign is borrowed and must outlive the report; the strings are
 * copied by anketa_report_new(). */
struct anketa_report_options {
    const struct anketa_campaign *campaign; /* names, target, method; may be NULL */
    const char *title;      /* NULL: from the campaign, else a default */
    const char *period;     /* NULL: the campaign's period, if any */
    double target;          /* share 0..1; < 0: the campaign's (0: none) */
    int excel;              /* CSV for Russian Excel: ';', decimal comma, BOM */
    const char *comments;   /* canonical responses for the comments section; may be NULL */
    long comments_max;      /* comments shown per group (0: 5) */
    const char *template_name; /* a report template (anketa-report(5)): a name in the
                                  share folder or a path; NULL: none */
};

/* Parses "pdf", "html", "xlsx", "md", "csv" (or a file name's extension);
 * -1 when unknown. */
ANKETA_API int anketa_report_format_parse(const char *name);

ANKETA_API struct anketa_report *anketa_report_new(const struct anketa_report_options *o,
                                                   struct anketa_error *err);
/* NULL is allowed. */
ANKETA_API void anketa_report_free(struct anketa_report *r);

/* Reads one tally output (path "-" or NULL: standard input). A file without
 * tally's columns, or without rows, is an error naming it. */
ANKETA_API int anketa_report_add_file(struct anketa_report *r, const char *path,
                                      struct anketa_error *err);

/* Reads one tally output of the previous period (--compare): tables with the
 * same group columns as one of the report's get the change of each group's
 * satisfaction against it, with its significance at 95 %. */
ANKETA_API int anketa_report_add_compare(struct anketa_report *r, const char *path,
                                         struct anketa_error *err);

/* Writes the report to path ("-": standard output), atomically. */
ANKETA_API int anketa_report_write(struct anketa_report *r, enum anketa_report_format format,
                                   const char *path, struct anketa_error *err);

#ifdef __cplusplus
}
#endif

#endif
