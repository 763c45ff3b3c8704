/* Charts drawn once, as shapes on an abstract canvas that the PDF writer
 * (cairo) and the HTML writer (SVG) each implement, so both agree. Units are
 * millimetres; shares are 0..1. */
#ifndef ANKETA_CHART_H
#define ANKETA_CHART_H

#include <stddef.h>

enum chart_kind { CHART_BARS, CHART_LINE };
enum { CHART_GAP = 2 };

struct chart {
    enum chart_kind kind;
    size_t count;
    char **labels;
    double *value, *lo, *hi;   /* NAN: not shown */
    char **value_text;         /* each value as printed ("73,1 %"), rounded by the report */
    unsigned char *empty;      /* with NAN: no answers at all (else suppressed), or
                                  CHART_GAP: groups left out, value_text says how many */
    double target;             /* 0: none */
    unsigned tones[5];         /* bar colours: plain, good, near, bad, hidden */
};

enum { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT };

struct canvas {
    void *ctx;
    void (*rect)(void *ctx, double x, double y, double w, double h, unsigned rgb);
    void (*line)(void *ctx, double x1, double y1, double x2, double y2, double width,
                 unsigned rgb, int dashed);
    /* y is the text's baseline; size in mm */
    void (*text)(void *ctx, double x, double y, double size, const char *text, int align,
                 unsigned rgb);
    void (*dot)(void *ctx, double x, double y, double r, unsigned rgb);
};

/* A chart of n points, with copies of the labels; NULL when out of memory. */
struct chart *chart_new(enum chart_kind kind, size_t n, double target);
void chart_free(struct chart *c);

/* The height the chart takes at `width` mm. */
double chart_height(const struct chart *c, double width);
void chart_draw(const struct chart *c, double width, const struct canvas *cv);

/* Tone colours shared by every writer: good, near (interval reaches the
 * target), bad, none. */
unsigned chart_tone_rgb(int tone);

#endif
