/* Fuzz target: the profile parser over arbitrary YAML. */
#include <stdint.h>
#include <stdlib.h>

#include <anketa/ingest.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct anketa_error err;
    struct anketa_profile *p = anketa_profile_parse((const char *)data, size, "fuzz.yaml", &err);
    if (p == NULL && err.message[0] == '\0')
        abort();   /* a refusal always says why */
    anketa_profile_free(p);
    return 0;
}
