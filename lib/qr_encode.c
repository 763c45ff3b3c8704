#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include <anketa/qr.h>

struct anketa_qr *anketa_qr_encode(const char *text, enum anketa_qr_ec ec,
                                   struct anketa_error *err)
{
    static const QRecLevel levels[] = { QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H };
    size_t len = strlen(text);
    if (len == 0) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "nothing to encode: the text is empty");
        return NULL;
    }
    QRcode *code = QRcode_encodeData((int)len, (const unsigned char *)text, 0, levels[ec]);
    if (code == NULL) {
        if (errno == ERANGE)
            anketa_error_set(err, ANKETA_ERR_LIMIT,
                             "%zu bytes do not fit in a QR code at error correction %c "
                             "(a version 40 code holds at most %d)", len, "LMQH"[ec],
                             (int[]){ 2953, 2331, 1663, 1273 }[ec]);
        else
            anketa_error_set(err, ANKETA_ERR_NOMEM, "QR encoding failed: %s", strerror(errno));
        return NULL;
    }
    struct anketa_qr *qr = malloc(sizeof *qr);
    size_t n = (size_t)code->width * (size_t)code->width;
    if (qr == NULL || (qr->modules = malloc(n)) == NULL) {
        free(qr);
        QRcode_free(code);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    qr->width = code->width;
    qr->version = code->version;
    for (size_t i = 0; i < n; i++)
        qr->modules[i] = code->data[i] & 1;
    QRcode_free(code);
    return qr;
}

void anketa_qr_free(struct anketa_qr *qr)
{
    if (qr != NULL) {
        free(qr->modules);
        free(qr);
    }
}

void anketa_qr_runs(const struct anketa_qr *qr, void (*run)(void *ctx, int x, int y, int length),
                    void *ctx)
{
    for (int y = 0; y < qr->width; y++) {
        const unsigned char *row = qr->modules + (size_t)y * (size_t)qr->width;
        for (int x = 0; x < qr->width;) {
            if (!row[x]) {
                x++;
                continue;
            }
            int start = x;
            while (x < qr->width && row[x])
                x++;
            run(ctx, start, y, x - start);
        }
    }
}
