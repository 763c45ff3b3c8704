/* One rule for weights: the whole field is a decimal number, exactly, or it
 * is refused with the reason. Nothing is skipped or cut: "1 2" is not 12,
 * and a long run of leading zeros is still read to its end. */
#include "weight.h"

/* Length of a thousands separator at s (space, NBSP, narrow NBSP), or 0. */
static size_t separator(const char *s, size_t left)
{
    const unsigned char *p = (const unsigned char *)s;
    if (left >= 1 && p[0] == ' ')
        return 1;
    if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
        return 3;
    return 0;
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

const char *weight_parse(const char *s, size_t len, int flags, int64_t *units)
{
    const char *const not_number = WEIGHT_NOT_NUMBER;
    int grouped = flags & WEIGHT_GROUPED;
    size_t i = 0, end = len;
    if (grouped) {          /* exports pad cells */
        while (i < end && s[i] == ' ')
            i++;
        while (end > i && s[end - 1] == ' ')
            end--;
    }
    int64_t whole = 0, frac = 0;
    int big = 0, groups = 0;
    size_t run = 0;         /* digits since the start or the last separator */
    while (i < end) {
        size_t sep;
        if (digit(s[i])) {
            if (whole > WEIGHT_MAX)
                big = 1;    /* read on: the rest may still not be a number */
            else
                whole = whole * 10 + (s[i] - '0');
            run++;
            i++;
        } else if (grouped && (sep = separator(s + i, end - i)) > 0) {
            if (run == 0 || (groups == 0 ? run > 3 : run != 3))
                return "digits wrongly grouped (thousands go in groups of three)";
            groups++;
            run = 0;
            i += sep;
        } else {
            break;
        }
    }
    if (groups > 0 && run != 3)
        return "digits wrongly grouped (thousands go in groups of three)";
    if (run == 0)
        return not_number;
    if (i < end && (s[i] == '.' || (grouped && s[i] == ','))) {
        size_t start = ++i, places = 0;
        for (; i < end && digit(s[i]); i++) {
            if (places == 4) {
                if (s[i] != '0')
                    return "more than 4 decimals";
                continue;
            }
            frac = frac * 10 + (s[i] - '0');
            places++;
        }
        if (i == start)
            return not_number;
        /* "1,000" or "1.000": one thousand in one export, one in another */
        if (grouped && groups == 0 && i - start == 3 && whole > 0 && run <= 3)
            return "ambiguous: three digits after a single comma or point may be thousands";
        for (; places < 4; places++)
            frac *= 10;
    }
    if (i != end)
        return not_number;
    if (big || whole > WEIGHT_MAX || (whole == WEIGHT_MAX && frac > 0))
        return "above 1000000000";
    *units = whole * WEIGHT_UNIT + frac;
    return NULL;
}
