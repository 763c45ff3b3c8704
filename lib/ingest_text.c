/* Text for ingest: folding headers and option texts for matching, UTF-8
 * checks, and Windows-1251 decoding. */
#include <string.h>

#include "ingest_int.h"

/* A space-like character at s (ASCII blank, NBSP, narrow NBSP): its length, or 0. */
static size_t space_at(const unsigned char *s, const unsigned char *end)
{
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        return 1;
    if (end - s >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (end - s >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
        return 3;
    return 0;
}

/* The lower case of a Cyrillic letter U+0400..U+052F (Unicode's simple case
 * folding), with ё as е. */
static unsigned fold_cyrillic(unsigned u)
{
    if (u == 0x0401 || u == 0x0451)
        return 0x0435;                           /* Ё, ё -> е */
    if (u <= 0x040F)
        return u + 0x50;                         /* Ѐ..Џ */
    if (u <= 0x042F)
        return u + 0x20;                         /* А..Я */
    if ((u >= 0x0460 && u <= 0x0481) || (u >= 0x048A && u <= 0x04BF) ||
        (u >= 0x04D0 && u <= 0x052F))
        return u | 1;                            /* pairs: upper even, lower odd */
    if (u == 0x04C0)
        return 0x04CF;                           /* Ӏ */
    if (u >= 0x04C1 && u <= 0x04CE)
        return (u & 1) ? u + 1 : u;              /* pairs: upper odd */
    return u;
}

size_t ingest_fold(const char *str, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)str, *end = s + len;
    size_t n = 0, k;
    int pending_space = 0;
    while (s < end) {
        if ((k = space_at(s, end)) != 0) {
            pending_space = n > 0;
            s += k;
            continue;
        }
        if (pending_space) {
            out[n++] = ' ';
            pending_space = 0;
        }
        unsigned char c = *s;
        if (c >= 'A' && c <= 'Z') {
            out[n++] = (char)(c + 32);
            s++;
        } else if (c >= 0xD0 && c <= 0xD4 && s + 1 < end && (s[1] & 0xC0) == 0x80) {
            /* Two bytes a letter either way: the length never grows. */
            unsigned u = fold_cyrillic((unsigned)(c & 0x1F) << 6 | (s[1] & 0x3F));
            out[n++] = (char)(0xC0 | (u >> 6));
            out[n++] = (char)(0x80 | (u & 0x3F));
            s += 2;
        } else {
            out[n++] = (char)c;
            s++;
        }
    }
    out[n] = '\0';
    return n;
}

/* A dash at s ('-', en or em dash): its length, or 0. */
static size_t dash_at(const char *s)
{
    if (*s == '-')
        return 1;
    return strncmp(s, "\xE2\x80\x93", 3) == 0 || strncmp(s, "\xE2\x80\x94", 3) == 0 ? 3 : 0;
}

size_t ingest_question_key(const char *folded, char *out)   /* out may be folded */
{
    const char *s = folded, *p = s;
    /* Numbering: "1.", "1)", "1 -", "2.3." or "12:" before the text. */
    while (*p >= '0' && *p <= '9') {
        const char *q = p;
        while (*q >= '0' && *q <= '9' && q - p < 3)
            q++;
        if (*q >= '0' && *q <= '9')
            break;
        size_t d = 0;
        if (*q == '.' || *q == ')' || *q == ':')
            d = 1;
        else if ((d = dash_at(q)) == 0 && *q == ' ' && (d = dash_at(q + 1)) != 0)
            d++;
        if (d == 0)
            break;
        s = p = q + d;
        if (*p == ' ')
            s = ++p;
    }
    /* Punctuation aside ("услуги ?", "услуги", «…»), spaces as one. */
    size_t n = 0;
    for (; *s; s++) {
        if (strchr(".,:;?!\"'()", *s) != NULL)
            continue;
        if (strncmp(s, "\xC2\xAB", 2) == 0 || strncmp(s, "\xC2\xBB", 2) == 0) {
            s++;
            continue;
        }
        if (*s == ' ' && (n == 0 || out[n - 1] == ' '))
            continue;
        out[n++] = *s;
    }
    /* A required question's star, as form builders mark one. */
    while (n > 0 && (out[n - 1] == '*' || out[n - 1] == ' '))
        n--;
    out[n] = '\0';
    return n;
}

int ingest_glob(const char *p, const char *t)
{
    const char *star = NULL, *resume = NULL;
    while (*t) {
        if (*p == '*') {
            star = ++p;
            resume = t;
        } else if (*p == *t) {
            p++;
            t++;
        } else if (star) {
            p = star;
            t = ++resume;
        } else {
            return 0;
        }
    }
    while (*p == '*')
        p++;
    return *p == '\0';
}

/* Length of the well-formed UTF-8 sequence at s, or 0. */
static size_t utf8_sequence(const unsigned char *s, const unsigned char *end)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) { n = 3; lo = 0xA0; }
    else if (c == 0xED) { n = 3; hi = 0x9F; }          /* no surrogates */
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) { n = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) { n = 4; hi = 0x8F; }
    else return 0;
    if ((size_t)(end - s) < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return n;
}

int ingest_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str, *end = s + len;
    while (s < end) {
        /* Runs of ASCII are the common case: eight bytes at a time. */
        while (end - s >= 8) {
            uint64_t w;
            memcpy(&w, s, 8);
            if (w & 0x8080808080808080ULL)
                break;
            s += 8;
        }
        if (s == end)
            break;
        /* Then two-byte letters (Cyrillic) and single ASCII bytes, inline. */
        while (s < end) {
            if (s[0] < 0x80)
                s++;
            else if (s[0] >= 0xC2 && s[0] <= 0xDF && end - s >= 2 && (s[1] & 0xC0) == 0x80)
                s += 2;
            else
                break;
        }
        if (s == end)
            break;
        size_t n = utf8_sequence(s, end);
        if (n == 0)
            return 0;
        s += n;
    }
    return 1;
}

size_t ingest_utf8_repair(const char *str, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)str, *end = s + len;
    size_t n = 0;
    while (s < end) {
        size_t k = utf8_sequence(s, end);
        if (k == 0) {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
            s++;
        } else {
            memcpy(out + n, s, k);
            n += k;
            s += k;
        }
    }
    out[n] = '\0';
    return n;
}

/* Unicode of Windows-1251 bytes 0x80..0xFF (0: undefined). A table, not
 * iconv: a field is a few bytes, and a call per field costs more than it. */
static const unsigned short cp1251[128] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
};

long ingest_cp1251_to_utf8(const char *str, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        /* ASCII runs eight bytes at a time. */
        while (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            memcpy(out + n, &w, 8);
            n += 8;
            i += 8;
        }
        if (i == len)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            out[n++] = (char)c;
            continue;
        }
        /* A run of letters (Cyrillic text is mostly high bytes and spaces)
         * stays in this loop instead of retrying the ASCII words each byte. */
        for (;;) {
            unsigned u = cp1251[c - 0x80];
            if (u == 0) {
                out[n] = '\0';
                return -1;
            }
            if (u < 0x800) {
                out[n] = (char)(0xC0 | (u >> 6));
                out[n + 1] = (char)(0x80 | (u & 0x3F));
                n += 2;
            } else {
                out[n] = (char)(0xE0 | (u >> 12));
                out[n + 1] = (char)(0x80 | ((u >> 6) & 0x3F));
                out[n + 2] = (char)(0x80 | (u & 0x3F));
                n += 3;
            }
            if (i + 1 == len || (c = s[i + 1]) < 0x80)
                break;
            i++;
        }
    }
    out[n] = '\0';
    return (long)n;
}
