#ifndef ANKETA_QRFILE_H
#define ANKETA_QRFILE_H

#include <anketa/common.h>
#include <anketa/error.h>
#include <anketa/qr.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writing one code to a file in a chosen format, atomically. */
enum anketa_qr_format { ANKETA_QR_PNG, ANKETA_QR_SVG, ANKETA_QR_PDF, ANKETA_QR_EPS, ANKETA_QR_TXT };

struct anketa_qr_style {
    enum anketa_qr_format format;
    int margin;          /* quiet zone in modules */
    int pixels;          /* PNG pixels per module, when > 0 */
    double size_mm;      /* else the whole code's side in mm (quiet zone included) */
    int dpi;             /* PNG resolution for size_mm, and recorded in the file */
};

/* Parses "png", "svg", "pdf", "eps", "txt"; -1 when unknown. */
ANKETA_API int anketa_qr_format_parse(const char *name);
/* The file extension of a format, without the dot. */
ANKETA_API const char *anketa_qr_format_ext(enum anketa_qr_format f);

/* Parses a size: "8px" (pixels per module) or "40mm" (side of the code);
 * 0 or an error. */
ANKETA_API int anketa_qr_size_parse(const char *spec, struct anketa_qr_style *style,
                                    struct anketa_error *err);

/* Writes qr to path (anketa/output.h: synced, then renamed into place); the
 * folder is not synced, so that a batch costs one anketa_output_sync_dir(). */
ANKETA_API int anketa_qr_write_file(const struct anketa_qr *qr, const struct anketa_qr_style *s,
                                    const char *path, struct anketa_error *err);

/* One code to make: `text` encoded and, when `path` is not NULL, written
 * there. status and err are filled by anketa_qr_make_batch. */
struct anketa_qr_job {
    const char *text;
    const char *path;
    int status;
    struct anketa_error err;
};

/* Makes every job, on `threads` threads (1 or more): encoding and writing are
 * independent per code, so a batch scales with the cores. Returns the number
 * of jobs that failed (each with its status and message). */
ANKETA_API size_t anketa_qr_make_batch(struct anketa_qr_job *jobs, size_t count,
                                       enum anketa_qr_ec ec, const struct anketa_qr_style *style,
                                       int threads);

/* The number of threads worth using here: the online processors, at most 8. */
ANKETA_API int anketa_qr_default_threads(void);

#ifdef __cplusplus
}
#endif

#endif
