#include <stdio.h>

#include <csv.h>
#include <expat.h>
#include <idn2.h>
#include <sodium.h>
#include <yaml.h>
#include <zip.h>

#include <anketa/anketa.h>

const char *anketa_version(void)
{
    return ANKETA_VERSION_STRING;
}

const char *anketa_version_details(void)
{
    static char buf[256];
    if (buf[0] == '\0')
        snprintf(buf, sizeof buf, "libyaml %s, libcsv %d.%d.%d, libzip %s, %s, libsodium %s, libidn2 %s",
                 yaml_get_version_string(), CSV_MAJOR, CSV_MINOR, CSV_RELEASE,
                 zip_libzip_version(), XML_ExpatVersion(), sodium_version_string(),
                 idn2_check_version(NULL));
    return buf;
}
