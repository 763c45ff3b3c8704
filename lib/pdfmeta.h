/* PDF metadata shared by every PDF writer (internal). */
#ifndef ANKETA_PDFMETA_H
#define ANKETA_PDFMETA_H

#include <cairo.h>
#include <stdio.h>

/* Dates from SOURCE_DATE_EPOCH (else now), so the same input gives the same
 * bytes; creator "anketa". */
void pdfmeta_set(cairo_surface_t *pdf, const char *title);

/* A cairo write function into a FILE *. */
cairo_status_t pdfmeta_write_stream(void *closure, const unsigned char *data, unsigned int len);

#endif
