#include <stdio.h>

#include <cairo.h>
#include <csv.h>
#include <expat.h>
#include <idn2.h>
#include <pango/pango.h>
#include <png.h>
#include <qrencode.h>
#include <xlsxwriter.h>
#include <yaml.h>
#include <zip.h>

#include <anketa/anketa.h>

const char *anketa_version(void)
{
    return ANKETA_VERSION_STRING;
}

const char *anketa_version_details(void)
{
    static char buf[512];
    if (buf[0] == '\0')
        snprintf(buf, sizeof buf,
                 "libqrencode %s, cairo %s, pango %s, libpng %s, libyaml %s, libcsv %d.%d.%d, "
                 "libxlsxwriter %s, libzip %s, %s, libidn2 %s",
                 QRcode_APIVersionString(), cairo_version_string(), pango_version_string(),
                 png_get_libpng_ver(NULL), yaml_get_version_string(), CSV_MAJOR, CSV_MINOR,
                 CSV_RELEASE, LXW_VERSION, zip_libzip_version(), XML_ExpatVersion(),
                 idn2_check_version(NULL));
    return buf;
}
