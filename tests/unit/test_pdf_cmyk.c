/* The content-stream rewrite of leaflet --pdfx: colour operators become
 * CMYK, and nothing else changes (strings, inline images, other numbers). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pdf_int.h"

static const struct pdf_ink blue[] = {
    { 0.121569, 0.305882, 0.603922, 0.96, 0.79, 0.06, 0 },
};

/* The rewritten stream as a string, or the reason it was refused. */
static char *rewrite(const char *in)
{
    static char why[128];
    unsigned char *out;
    size_t len;
    int rc = pdf_cmyk_rewrite((const unsigned char *)in, strlen(in), blue, 1, &out, &len, why,
                              sizeof why);
    if (rc != 0)
        return strdup(rc > 0 ? why : "out of memory");
    char *s = malloc(len + 1);
    memcpy(s, out, len);
    s[len] = '\0';
    free(out);
    return s;
}

#define REWRITES(in, want) do { char *got_ = rewrite(in); CHECK_STR(got_, want); free(got_); } while (0)

int main(void)
{
    /* cairo's black, white and brand colour; black is K alone. */
    REWRITES("0 0 0 rg 1 0 0 -1 0 595.275591 cm\n1 1 1 RG /a0 gs",
             "0 0 0 1 k 1 0 0 -1 0 595.275591 cm\n0 0 0 0 K /a0 gs");
    REWRITES("0.121569 0.305882 0.603922 rg 0 0 419.527 85.039 re f",
             "0.96 0.79 0.06 0 k 0 0 419.527 85.039 re f");
    /* Greys go on the black plate; gray operators too. */
    REWRITES("0.333333 0.333333 0.333333 rg BT ET 0.5 G", "0 0 0 0.6667 k BT ET 0 0 0 0.5 K");
    /* Text that looks like an operator is left alone. */
    REWRITES("BT (0 0 0 rg \\) 1 1 1 rg) Tj [<0001>15<0002>]TJ ET",
             "BT (0 0 0 rg \\) 1 1 1 rg) Tj [<0001>15<0002>]TJ ET");
    REWRITES("% 0 0 0 rg\n0 0 0 rg", "% 0 0 0 rg\n0 0 0 1 k");
    /* A colour space set by name, and the colours given in it. */
    REWRITES("/DeviceRGB cs 0 0 0 sc /DeviceRGB CS 1 1 1 SCN",
             "/DeviceCMYK cs 0 0 0 1 sc /DeviceCMYK CS 0 0 0 0 SCN");
    REWRITES("/P0 cs /p1 scn", "/P0 cs /p1 scn");
    REWRITES("/DeviceGray cs q /DeviceRGB cs 1 1 1 sc Q 0.5 sc",
             "/DeviceGray cs q /DeviceCMYK cs 0 0 0 0 sc Q 0.5 sc");
    /* Inline image data is skipped, whatever bytes it holds. */
    REWRITES("BI /W 1 /H 1 /CS /G /BPC 8 ID 0 0 0 rg EI 0 0 0 rg",
             "BI /W 1 /H 1 /CS /G /BPC 8 ID 0 0 0 rg EI 0 0 0 1 k");
    /* What cannot be printed as asked is refused, not guessed. */
    REWRITES("1 0 0 rg", "colour 1 0 0 has no CMYK value");
    REWRITES("BI /W 1 /H 1 /CS /RGB /BPC 8 ID abc EI", "an RGB inline image");
    REWRITES("BT ) 0 0 0 rg ET", "a colour operator without its operands");
    REWRITES("0 0 rg", "a colour operator without its operands");

    /* The inks: the map first, then greys. */
    double cmyk[4], red[3] = { 1, 0, 0 }, grey[3] = { 0.2, 0.2, 0.2 };
    CHECK(pdf_ink_find(blue, 1, red, cmyk) == -1);
    CHECK(pdf_ink_find(blue, 1, grey, cmyk) == 0 && cmyk[0] == 0 && cmyk[3] > 0.79 &&
          cmyk[3] < 0.81);

    return check_summary();
}
