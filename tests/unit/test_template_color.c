/* Template colours: #RRGGBB, or {rgb, cmyk} for print (anketa-template(5)). */
#include <stdlib.h>
#include <string.h>

#include <anketa/template.h>

#include "check.h"

int main(void)
{
    struct anketa_error err;
    static const char yaml[] =
        "name: t\npage: { width: 50, height: 50 }\nelements:\n"
        "  - { type: box, w: 10, h: 10, color: { rgb: \"#1F4E9A\", cmyk: [96, 79, 6, 0] } }\n"
        "  - { type: box, w: 10, h: 10, color: { cmyk: [0, 100, 100, 0] } }\n"
        "  - { type: box, w: 10, h: 10, color: \"#808080\" }\n";
    struct anketa_template *t = anketa_template_parse(yaml, sizeof yaml - 1, "t.yaml", &err);
    CHECK(t != NULL);
    if (t) {
        const struct anketa_color *c = &t->elements[0].color;
        CHECK(c->has_cmyk && c->c == 0.96 && c->m == 0.79 && c->y == 0.06 && c->k == 0);
        CHECK(c->r > 0.121 && c->r < 0.122);
        c = &t->elements[1].color;
        CHECK(c->has_cmyk && c->r == 1 && c->g == 0 && c->b == 0);
        CHECK(!t->elements[2].color.has_cmyk);
    }
    anketa_template_free(t);
    static const char bad[] =
        "name: t\npage: { width: 50, height: 50 }\nelements:\n"
        "  - { type: box, w: 10, h: 10, color: { rgb: \"#1F4E9A\", cmyk: [96, 79] } }\n";
    CHECK(anketa_template_parse(bad, sizeof bad - 1, "t.yaml", &err) == NULL);
    CHECK(strstr(err.message, "t.yaml:4:") && strstr(err.message, "four per cent values"));
    return check_summary();
}
