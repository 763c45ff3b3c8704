/* Clickable links in PDF: a code's URL under the text that shows it and
 * under the code itself, so a reply sent as PDF opens its survey on a click. */
#include <stdlib.h>
#include <string.h>

#include "leaflet_int.h"

int leaflet_link_begin(struct anketa_leaflet *l, const char *url)
{
    /* http(s) only: a form's code carries ids, not a link */
    if (l->o.format != ANKETA_LEAFLET_PDF || url == NULL || strncmp(url, "http", 4) != 0)
        return 0;
    /* cairo's attribute syntax: a quoted string with \ and ' escaped */
    size_t n = strlen(url);
    char *attr = malloc(2 * n + 8);
    if (attr == NULL)
        return 0;
    char *q = attr + 5;
    memcpy(attr, "uri='", 5);
    for (const char *s = url; *s; s++) {
        if (*s == '\\' || *s == '\'')
            *q++ = '\\';
        *q++ = *s;
    }
    memcpy(q, "'", 2);
    cairo_tag_begin(l->cr, CAIRO_TAG_LINK, attr);
    free(attr);
    return 1;
}

void leaflet_link_end(struct anketa_leaflet *l, int begun)
{
    if (begun)
        cairo_tag_end(l->cr, CAIRO_TAG_LINK);
}
