/* The XLSX writer's parts (report_xlsx.c, report_xlsx_chart.c). */
#ifndef ANKETA_REPORT_XLSX_H
#define ANKETA_REPORT_XLSX_H

#include <xlsxwriter.h>

#include "report_int.h"

/* Text as Excel reads it back (controls as U+FFFD; with xstring, _xHHHH_
 * escaped). A new string; NULL when out of memory. */
char *xl_text(const char *text, int xstring);
void put_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                lxw_format *format);

/* A table's chart: its data (labels, shares, bounds, target) from column
 * col0 of the sheet, in the chart's order, and a native chart below the
 * table drawn like the PDF's: the same colours by tone, the 95% bounds, the
 * target line, as wide as the table (`pixels`). pct is the share format. */
void xlsx_chart(lxw_workbook *wb, lxw_worksheet *ws, const char *sheet,
                const struct anketa_report *r, const struct doc_block *table,
                const struct chart *c, size_t col0, lxw_format *pct, double pixels);

#endif
