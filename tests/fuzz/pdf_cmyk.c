/* Fuzz target: the content-stream tokenizer of leaflet --pdfx. */
#include <stdint.h>
#include <stdlib.h>

#include "pdf_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct pdf_ink inks[] = { { 0.121569, 0.305882, 0.603922, 0.96, 0.79, 0.06, 0 } };
    unsigned char *out = NULL;
    size_t len;
    char why[128];
    if (pdf_cmyk_rewrite(data, size, inks, 1, &out, &len, why, sizeof why) == 0)
        free(out);
    return 0;
}
