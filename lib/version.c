#include <anketa/anketa.h>

const char *anketa_version(void)
{
    return ANKETA_VERSION_STRING;
}
