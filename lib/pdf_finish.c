/* cairo's PDF finished with libqpdf: TrimBox and BleedBox on every page
 * (cairo writes only a MediaBox), and PDF/X when asked for. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf_int.h"
#include "util.h"

cairo_status_t pdf_buffer_write(void *closure, const unsigned char *data, unsigned int len)
{
    struct pdf_buffer *b = closure;
    if (b->len + len > b->cap) {
        size_t cap = (b->len + len) * 2 + 65536;
        unsigned char *d = realloc(b->data, cap);
        if (d == NULL)
            return CAIRO_STATUS_NO_MEMORY;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return CAIRO_STATUS_SUCCESS;
}

static qpdf_oh box(qpdf_data q, const double v[4])
{
    qpdf_oh a = qpdf_oh_new_array(q);
    for (int i = 0; i < 4; i++)
        qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, v[i], 6));
    return a;
}

/* cairo 1.16 writes its dates without the "D:" of a PDF date. */
static void info_dates(qpdf_data q)
{
    time_t t = anketa_now();
    struct tm tm;
    char date[32];
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "D:%Y%m%d%H%M%SZ", &tm);
    qpdf_set_info_key(q, "/CreationDate", date);
    qpdf_set_info_key(q, "/ModDate", date);
}

static int qpdf_failed(qpdf_data q, const char *name, struct anketa_error *err)
{
    qpdf_error e = qpdf_get_error(q);
    return anketa_error_at(err, ANKETA_ERR_IO, name, 0, 0, "cannot finish the PDF: %s",
                           e ? qpdf_get_error_full_text(q, e) : "qpdf failed");
}

int pdf_finish_write(const unsigned char *pdf, size_t len, const struct pdf_finish *f, FILE *out,
                     const char *name, struct anketa_error *err)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    int rc = 0;
    if (qpdf_read_memory(q, name, (const char *)pdf, (unsigned long long)len, NULL) &
        QPDF_ERRORS) {
        rc = qpdf_failed(q, name, err);
        qpdf_cleanup(&q);
        return rc;
    }
    int pages = qpdf_get_num_pages(q);
    for (int i = 0; i < pages && !qpdf_has_error(q); i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        qpdf_oh_replace_key(q, page, "/TrimBox", box(q, f->trim));
        qpdf_oh_replace_key(q, page, "/BleedBox", box(q, f->bleed));
    }
    info_dates(q);
    if (qpdf_has_error(q))
        rc = qpdf_failed(q, name, err);
    else if (f->pdfx)
        rc = pdf_x_apply(q, f, name, err);
    if (rc == 0) {
        /* The same input gives the same bytes: the /ID comes from the content. */
        qpdf_init_write_memory(q);
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        qpdf_set_compress_streams(q, QPDF_TRUE);
        if (qpdf_write(q) & QPDF_ERRORS)
            rc = qpdf_failed(q, name, err);
        else if (fwrite(qpdf_get_buffer(q), 1, qpdf_get_buffer_length(q), out) !=
                 qpdf_get_buffer_length(q))
            rc = anketa_error_at(err, ANKETA_ERR_IO, name, 0, 0, "write failed");
    }
    qpdf_cleanup(&q);
    return rc;
}
