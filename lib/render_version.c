#include <stdio.h>

#include <cairo.h>
#include <lcms2.h>
#include <pango/pango.h>
#include <png.h>
#include <qpdf/qpdf-c.h>
#include <qrencode.h>
#include <xlsxwriter.h>

#include <anketa/render.h>

const char *anketa_render_version_details(void)
{
    static char buf[320];
    if (buf[0] == '\0')
        snprintf(buf, sizeof buf, "libqrencode %s, cairo %s, pango %s, libpng %s, libxlsxwriter %s, "
                 "libqpdf %s, lcms2 %d.%d", QRcode_APIVersionString(), cairo_version_string(),
                 pango_version_string(), png_get_libpng_ver(NULL), LXW_VERSION,
                 qpdf_get_qpdf_version(), cmsGetEncodedCMMversion() / 1000,
                 cmsGetEncodedCMMversion() / 10 % 100);
    return buf;
}
