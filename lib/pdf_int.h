/* Finishing cairo's PDF for print (internal): page boxes, and for PDF/X the
 * colours rewritten to DeviceCMYK, the output intent and the metadata.
 * cairo 1.16 can do none of this, so its output is kept in memory and
 * rewritten with libqpdf before it is written out. */
#ifndef ANKETA_PDF_INT_H
#define ANKETA_PDF_INT_H

#include <stddef.h>
#include <stdio.h>

#include <cairo.h>
#include <qpdf/qpdf-c.h>

#include <anketa/error.h>

/* The profile of the output intent: Ghostscript's CMYK profile (package
 * libgs-common), which Debian ships with every Ghostscript. */
#define PDF_CMYK_PROFILE "/usr/share/color/icc/ghostscript/default_cmyk.icc"

/* A growing buffer that cairo writes into. */
struct pdf_buffer {
    unsigned char *data;
    size_t len, cap;
};

/* cairo's write function into a struct pdf_buffer. */
cairo_status_t pdf_buffer_write(void *closure, const unsigned char *data, unsigned int len);

/* One colour as cairo writes it (RGB, 0..1) and the CMYK it is printed in. */
struct pdf_ink {
    double r, g, b;
    double c, m, y, k;
};

/* The CMYK of an RGB colour: the inks first, then greys (black and white
 * included) as K only. 0 when found, -1 when the colour is not known. */
int pdf_ink_find(const struct pdf_ink *inks, size_t n, const double rgb[3], double cmyk[4]);

/* Rewrites the colour operators of a content stream for DeviceCMYK: rg and
 * RG by pdf_ink_find, g and G as K, /DeviceRGB cs/CS as /DeviceCMYK with the
 * sc/scn that follow. Returns 0 with a malloc'd *out; -1 out of memory; 1
 * with `why` set when the stream has a colour that cannot be converted. */
int pdf_cmyk_rewrite(const unsigned char *in, size_t len, const struct pdf_ink *inks, size_t n,
                     unsigned char **out, size_t *out_len, char *why, size_t why_len);

/* How to finish a document. Boxes in points, [llx lly urx ury]. */
struct pdf_finish {
    double trim[4], bleed[4];
    int pdfx;                     /* PDF/X-4, with inks for the colours */
    const struct pdf_ink *inks;
    size_t ink_count;
    const char *title;
};

/* Makes a read document PDF/X-4: every colour DeviceCMYK (content streams,
 * RGB images through the profile), the output intent, XMP and Info. 0, or
 * an error naming `name`. */
int pdf_x_apply(qpdf_data q, const struct pdf_finish *f, const char *name,
                struct anketa_error *err);

/* Reads cairo's PDF from memory, finishes it and writes it to out. Errors
 * name `name` (the output). */
int pdf_finish_write(const unsigned char *pdf, size_t len, const struct pdf_finish *f, FILE *out,
                     const char *name, struct anketa_error *err);

#endif
