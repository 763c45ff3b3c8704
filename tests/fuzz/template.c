/* Fuzz target: the leaflet template parser, and the text tables it holds. */
#include <stdint.h>
#include <stdlib.h>

#include <anketa/template.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct anketa_error err;
    struct anketa_template *t = anketa_template_parse((const char *)data, size, "fuzz.yaml", &err);
    if (t != NULL)
        (void)anketa_template_text(t, "heading", "service", "services");
    anketa_template_free(t);
    return 0;
}
