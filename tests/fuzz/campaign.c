/* Fuzz target: the campaign parser, and the codes built from whatever it accepts. */
#include <stdint.h>
#include <stdlib.h>

#include <anketa/campaign.h>
#include <anketa/codes.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct anketa_error err;
    struct anketa_campaign *c = anketa_campaign_parse((const char *)data, size, "fuzz.yaml", &err);
    if (c != NULL) {
        struct anketa_code *codes;
        size_t n;
        if (anketa_codes_build(c, 7, NULL, &codes, &n, &err) == 0)
            anketa_codes_free(codes, n);
    }
    anketa_campaign_free(c);
    return 0;
}
