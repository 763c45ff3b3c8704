/* Content streams rewritten for DeviceCMYK: cairo writes every colour as
 * DeviceRGB, and a print shop wants the template's CMYK and K-only black. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_int.h"

#define TOLERANCE (0.5 / 255)   /* cairo prints 8-bit colours with 6 decimals */
#define MAX_OPERANDS 8

static double distance(double a, double b)
{
    return a > b ? a - b : b - a;
}

int pdf_ink_find(const struct pdf_ink *inks, size_t n, const double rgb[3], double cmyk[4])
{
    for (size_t i = 0; i < n; i++)
        if (distance(inks[i].r, rgb[0]) < TOLERANCE && distance(inks[i].g, rgb[1]) < TOLERANCE &&
            distance(inks[i].b, rgb[2]) < TOLERANCE) {
            cmyk[0] = inks[i].c, cmyk[1] = inks[i].m, cmyk[2] = inks[i].y, cmyk[3] = inks[i].k;
            return 0;
        }
    if (distance(rgb[0], rgb[1]) < TOLERANCE && distance(rgb[1], rgb[2]) < TOLERANCE) {
        cmyk[0] = cmyk[1] = cmyk[2] = 0;
        cmyk[3] = 1 - rgb[0] < TOLERANCE ? 0 : 1 - rgb[0];
        return 0;
    }
    return -1;
}

struct out {
    unsigned char *data;
    size_t len, cap;
    int failed;
};

static void put(struct out *o, const void *p, size_t n)
{
    if (o->failed || n == 0)
        return;
    if (o->len + n > o->cap) {
        size_t cap = (o->len + n) * 2 + 256;
        unsigned char *d = realloc(o->data, cap);
        if (d == NULL) {
            o->failed = 1;
            return;
        }
        o->data = d;
        o->cap = cap;
    }
    memcpy(o->data + o->len, p, n);
    o->len += n;
}

/* A value from 0 to 1 with at most 4 decimals, whatever the locale. */
static void put_value(struct out *o, double v)
{
    long x = v > 0 ? v < 1 ? (long)(v * 10000 + 0.5) : 10000 : 0;
    char buf[16];
    if (x <= 0)
        snprintf(buf, sizeof buf, "0");
    else if (x >= 10000)
        snprintf(buf, sizeof buf, "1");
    else {
        int len = snprintf(buf, sizeof buf, "0.%04ld", x);
        while (buf[len - 1] == '0')
            buf[--len] = '\0';
    }
    put(o, buf, strlen(buf));
}

static void put_cmyk(struct out *o, const double cmyk[4], const char *op)
{
    for (int i = 0; i < 4; i++) {
        put_value(o, cmyk[i]);
        put(o, " ", 1);
    }
    put(o, op, strlen(op));
}

static int is_space(int c)
{
    return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_delim(int c)
{
    return strchr("()<>[]{}/%", c) != NULL && c != 0;
}

/* A PDF number (digits, one point, a sign), parsed without the locale. */
static int number(const unsigned char *p, size_t n, double *v)
{
    double x = 0, scale = 0;
    int sign = 1, digits = 0;
    size_t i = 0;
    if (i < n && (p[i] == '-' || p[i] == '+'))
        sign = p[i++] == '-' ? -1 : 1;
    for (; i < n; i++) {
        if (p[i] >= '0' && p[i] <= '9') {
            x = x * 10 + (p[i] - '0');
            digits++;
            if (scale > 0)
                scale *= 10;
        } else if (p[i] == '.' && scale == 0) {
            scale = 1;
        } else {
            return 0;
        }
    }
    *v = sign * (scale > 0 ? x / scale : x);
    return digits > 0;
}

/* The end of the token that starts at i (after white space and comments). */
static size_t token_end(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    if (c == '(') {
        int depth = 0;
        for (; i < len; i++) {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '(')
                depth++;
            else if (s[i] == ')' && --depth == 0)
                return i + 1;
        }
        return len;
    }
    if (c == '<' || c == '>') {
        if (i + 1 < len && s[i + 1] == c)
            return i + 2;
        if (c == '>')
            return i + 1;
        while (i < len && s[i] != '>')
            i++;
        return i < len ? i + 1 : len;
    }
    if (strchr("[]{}", c))
        return i + 1;
    size_t start = i;
    if (c == '/')
        i++;
    while (i < len && !is_space(s[i]) && !is_delim(s[i]))
        i++;
    return i > start ? i : start + 1;   /* a stray ')' is a token of its own */
}

/* After the ID operator of an inline image: just past its EI. */
static size_t skip_image_data(const unsigned char *s, size_t len, size_t i)
{
    for (i++; i + 2 <= len; i++)
        if (is_space(s[i - 1]) && s[i] == 'E' && s[i + 1] == 'I' &&
            (i + 2 == len || is_space(s[i + 2])))
            return i + 2;
    return len;
}

struct operand {
    size_t start;
    int is_number;
    double value;
    int is_rgb_name;           /* /DeviceRGB */
};

static int op_is(const unsigned char *s, size_t start, size_t end, const char *name)
{
    return end - start == strlen(name) && memcmp(s + start, name, end - start) == 0;
}

int pdf_cmyk_rewrite(const unsigned char *s, size_t len, const struct pdf_ink *inks, size_t n,
                     unsigned char **out, size_t *out_len, char *why, size_t why_len)
{
    struct out o = { NULL, 0, 0, 0 };
    struct operand ops[MAX_OPERANDS];
    int count = 0, overflow = 0, rgb_space[2] = { 0, 0 }, in_inline = 0, status = 0;
    int saved[32][2], depth = 0;   /* q and Q save and restore the colour spaces */
    size_t copied = 0, i = 0;
    while (i < len && status == 0) {
        if (is_space(s[i])) {
            i++;
            continue;
        }
        if (s[i] == '%') {
            while (i < len && s[i] != '\n' && s[i] != '\r')
                i++;
            continue;
        }
        size_t start = i, end = token_end(s, len, i);
        i = end;
        int regular = !is_delim(s[start]) || s[start] == '/';
        double v;
        if (!regular || s[start] == '/' || number(s + start, end - start, &v)) {
            if (in_inline &&
                (op_is(s, start, end, "/RGB") || op_is(s, start, end, "/DeviceRGB"))) {
                snprintf(why, why_len, "an RGB inline image");
                status = 1;
            }
            if (count == MAX_OPERANDS) {
                memmove(ops, ops + 1, sizeof ops[0] * (MAX_OPERANDS - 1));
                count--;
                overflow = 1;
            }
            struct operand *op = &ops[count++];
            op->start = start;
            op->is_number = regular && s[start] != '/' && number(s + start, end - start, &op->value);
            op->is_rgb_name = op_is(s, start, end, "/DeviceRGB");
            continue;
        }
        /* An operator with the operands before it. */
        int stroke = s[start] >= 'A' && s[start] <= 'Z';
        int numbers = !overflow;
        for (int k = 0; k < count; k++)
            numbers = numbers && ops[k].is_number;
        double rgb[3], cmyk[4];
        const char *op = stroke ? "K" : "k";
        int replace = 0;
        int rgb_op = op_is(s, start, end, "rg") || op_is(s, start, end, "RG") ||
                     ((op_is(s, start, end, "sc") || op_is(s, start, end, "scn") ||
                       op_is(s, start, end, "SC") || op_is(s, start, end, "SCN")) &&
                      rgb_space[stroke]);
        int gray_op = op_is(s, start, end, "g") || op_is(s, start, end, "G");
        if ((rgb_op && !(numbers && count == 3)) || (gray_op && !(numbers && count == 1))) {
            /* Left as it is, it would stay RGB in a CMYK file. */
            snprintf(why, why_len, "a colour operator without its operands");
            status = 1;
            break;
        }
        if (rgb_op) {
            for (int k = 0; k < 3; k++)
                rgb[k] = ops[k].value;
            if (pdf_ink_find(inks, n, rgb, cmyk) != 0) {
                snprintf(why, why_len, "colour %.4g %.4g %.4g has no CMYK value", rgb[0], rgb[1],
                         rgb[2]);
                status = 1;
                break;
            }
            replace = s[start] == 's' || s[start] == 'S' ? 2 : 1;
        } else if (gray_op) {
            cmyk[0] = cmyk[1] = cmyk[2] = 0;
            cmyk[3] = 1 - ops[0].value;
            replace = 1;
        } else if ((op_is(s, start, end, "cs") || op_is(s, start, end, "CS")) && count == 1) {
            rgb_space[stroke] = ops[0].is_rgb_name;
            if (rgb_space[stroke]) {
                put(&o, s + copied, ops[0].start - copied);
                put(&o, "/DeviceCMYK ", 12);
                copied = start;
            }
        } else if (op_is(s, start, end, "q")) {
            if (depth < 32)
                saved[depth][0] = rgb_space[0], saved[depth][1] = rgb_space[1];
            depth++;
        } else if (op_is(s, start, end, "Q") && depth > 0) {
            if (--depth < 32)
                rgb_space[0] = saved[depth][0], rgb_space[1] = saved[depth][1];
        } else if (op_is(s, start, end, "BI")) {
            in_inline = 1;
        } else if (op_is(s, start, end, "ID")) {
            in_inline = 0;
            i = skip_image_data(s, len, i);
        }
        if (replace) {
            put(&o, s + copied, ops[0].start - copied);
            if (replace == 2) {
                for (int k = 0; k < 4; k++) {
                    put_value(&o, cmyk[k]);
                    put(&o, " ", 1);
                }
                put(&o, s + start, end - start);
            } else {
                put_cmyk(&o, cmyk, op);
            }
            copied = end;
        }
        count = 0;
        overflow = 0;
    }
    if (status == 0)
        put(&o, s + copied, len - copied);
    if (status != 0 || o.failed) {
        free(o.data);
        return status ? status : -1;
    }
    *out = o.data ? o.data : malloc(1);
    *out_len = o.len;
    return *out ? 0 : -1;
}
