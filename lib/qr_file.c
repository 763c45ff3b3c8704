#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <anketa/output.h>
#include <anketa/qrfile.h>

static const char *const FORMATS[] = { "png", "svg", "pdf", "eps", "txt" };

int anketa_qr_format_parse(const char *name)
{
    for (int i = 0; i < 5; i++)
        if (strcasecmp(name, FORMATS[i]) == 0)
            return i;
    return -1;
}

const char *anketa_qr_format_ext(enum anketa_qr_format f)
{
    return FORMATS[f];
}

int anketa_qr_size_parse(const char *spec, struct anketa_qr_style *style, struct anketa_error *err)
{
    char *end;
    errno = 0;
    double v = strtod(spec, &end);
    if (errno == 0 && end != spec && strcmp(end, "px") == 0 && v >= 1 && v <= 100 && v == floor(v)) {
        style->pixels = (int)v;
        style->size_mm = 0;
        return 0;
    }
    if (errno == 0 && end != spec && strcmp(end, "mm") == 0 && v >= 5 && v <= 2000) {
        style->size_mm = v;
        style->pixels = 0;
        return 0;
    }
    return anketa_error_set(err, ANKETA_ERR_USAGE,
                            "size '%s' must be pixels per module (1px..100px) or the side of "
                            "the code in millimetres (5mm..2000mm)", spec);
}

int anketa_qr_write_file(const struct anketa_qr *qr, const struct anketa_qr_style *s,
                         const char *path, struct anketa_error *err)
{
    int modules = qr->width + 2 * s->margin;
    double module_mm = s->size_mm > 0 ? s->size_mm / modules : s->pixels * 25.4 / s->dpi;
    /* Synced one by one; the folder once at the end (anketa_output_sync_dir). */
    struct anketa_output *out = anketa_output_open_flags(path, ANKETA_OUTPUT_NO_DIRSYNC, err);
    if (out == NULL)
        return err ? err->code : ANKETA_ERR_IO;
    FILE *fp = anketa_output_stream(out);
    int rc;
    switch (s->format) {
    case ANKETA_QR_PNG: {
        int px = s->pixels > 0 ? s->pixels : (int)lround(module_mm / 25.4 * s->dpi);
        rc = anketa_qr_write_png(qr, fp, px < 1 ? 1 : px, s->margin, s->dpi, err);
        break;
    }
    case ANKETA_QR_SVG:
        rc = anketa_qr_write_svg(qr, fp, module_mm, s->margin, err);
        break;
    case ANKETA_QR_PDF:
    case ANKETA_QR_EPS:
        rc = anketa_qr_write_pdf(qr, fp, module_mm, s->margin, s->format == ANKETA_QR_EPS, err);
        break;
    default:
        rc = anketa_qr_write_text(qr, fp, s->margin, err);
        break;
    }
    if (rc != 0) {
        anketa_output_abort(out);
        /* name the file in the message */
        char msg[ANKETA_ERROR_MAX];
        snprintf(msg, sizeof msg, "%s", err ? err->message : "");
        return anketa_error_at(err, rc, path, 0, 0, "%s", msg);
    }
    return anketa_output_commit(out, err);
}
