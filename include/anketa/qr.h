#ifndef ANKETA_QR_H
#define ANKETA_QR_H

#include <stddef.h>
#include <stdio.h>

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A QR code as a plain matrix of modules, encoded by libqrencode (8-bit mode,
 * so a URL goes in byte for byte). */
struct anketa_qr {
    int width;               /* modules per side, without the quiet zone */
    int version;
    unsigned char *modules;  /* width*width, row-major, 1 = dark */
};

enum anketa_qr_ec { ANKETA_QR_EC_L, ANKETA_QR_EC_M, ANKETA_QR_EC_Q, ANKETA_QR_EC_H };

/* Encodes text; NULL with err set (ANKETA_ERR_LIMIT) when it does not fit in
 * a version 40 code at that error-correction level. Free with anketa_qr_free. */
ANKETA_API struct anketa_qr *anketa_qr_encode(const char *text, enum anketa_qr_ec ec,
                                              struct anketa_error *err);
ANKETA_API void anketa_qr_free(struct anketa_qr *qr);

/* Whether module (x, y) is dark; outside the matrix (the quiet zone) it is not. */
static inline int anketa_qr_dark(const struct anketa_qr *qr, int x, int y)
{
    return x >= 0 && y >= 0 && x < qr->width && y < qr->width && qr->modules[y * qr->width + x];
}

/* Writers. `margin` is the quiet zone in modules (4 by the standard).
 * PNG: 1-bit greyscale, `scale` pixels per module, `dpi` recorded (0: none).
 * SVG: one path for all dark modules, `module_mm` the module size in mm.
 * PDF/EPS: vector, through cairo, `module_mm` the module size.
 * Text: UTF-8 half blocks, two rows of modules per line; as qrencode's UTF8
 * output, light modules are drawn (for the usual light-on-dark terminal).
 * PDF output honours SOURCE_DATE_EPOCH for its dates. */
ANKETA_API int anketa_qr_write_png(const struct anketa_qr *qr, FILE *fp, int scale, int margin,
                                   int dpi, struct anketa_error *err);
ANKETA_API int anketa_qr_write_svg(const struct anketa_qr *qr, FILE *fp, double module_mm,
                                   int margin, struct anketa_error *err);
ANKETA_API int anketa_qr_write_pdf(const struct anketa_qr *qr, FILE *fp, double module_mm,
                                   int margin, int eps, struct anketa_error *err);
ANKETA_API int anketa_qr_write_text(const struct anketa_qr *qr, FILE *fp, int margin,
                                    struct anketa_error *err);

/* Calls run(x, y, length) for each horizontal run of dark modules, row by
 * row: the shape of the code as few rectangles, for drawing it as one path. */
ANKETA_API void anketa_qr_runs(const struct anketa_qr *qr,
                               void (*run)(void *ctx, int x, int y, int length), void *ctx);

#ifdef __cplusplus
}
#endif

#endif
