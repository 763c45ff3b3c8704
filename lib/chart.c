#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"

#define BAR_ROW 7.0      /* mm per bar */
#define LABEL_SHARE 0.42 /* of the width, for the labels of bars */
#define INK 0x222222
#define GRID 0xBBBBBB
#define ACCENT 0x1F4E9A

unsigned chart_tone_rgb(int tone)
{
    static const unsigned tones[] = { 0x1F4E9A, 0x2E8B57, 0xE0A800, 0xC0392B, 0x999999 };
    return tones[tone >= 0 && tone <= 4 ? tone : 0];
}

struct chart *chart_new(enum chart_kind kind, size_t n, double target)
{
    struct chart *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->kind = kind;
    c->count = n;
    c->target = target;
    for (int i = 0; i < 5; i++)
        c->tones[i] = chart_tone_rgb(i);
    c->labels = calloc(n ? n : 1, sizeof *c->labels);
    c->value = calloc(n ? n : 1, sizeof *c->value);
    c->lo = calloc(n ? n : 1, sizeof *c->lo);
    c->hi = calloc(n ? n : 1, sizeof *c->hi);
    c->empty = calloc(n ? n : 1, sizeof *c->empty);
    c->value_text = calloc(n ? n : 1, sizeof *c->value_text);
    if (!c->value_text || !c->labels || !c->value || !c->lo || !c->hi || !c->empty) {
        chart_free(c);
        return NULL;
    }
    return c;
}

void chart_free(struct chart *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->count; i++) {
        free(c->labels[i]);
        if (c->value_text)
            free(c->value_text[i]);
    }
    free(c->labels);
    free(c->value_text);
    free(c->value);
    free(c->lo);
    free(c->hi);
    free(c->empty);
    free(c);
}

double chart_height(const struct chart *c, double width)
{
    if (c->kind == CHART_BARS)
        return 10 + BAR_ROW * (double)c->count;
    return width * 0.42;
}

static int tone_of(const struct chart *c, size_t i)
{
    if (c->target <= 0)
        return 0;
    return c->value[i] >= c->target ? 1 : c->hi[i] >= c->target ? 2 : 3;
}

static void axis_ticks(const struct canvas *cv, double x0, double w, double top, double bottom,
                       int vertical)
{
    char label[16];
    for (int t = 0; t <= 100; t += 20) {
        double pos = vertical ? bottom - (bottom - top) * t / 100.0 : x0 + w * t / 100.0;
        snprintf(label, sizeof label, "%d %%", t);
        if (vertical) {
            cv->line(cv->ctx, x0, pos, x0 + w, pos, 0.15, GRID, 0);
            cv->text(cv->ctx, x0 - 1.5, pos + 1, 2.6, label, TEXT_RIGHT, INK);
        } else {
            cv->line(cv->ctx, pos, top, pos, bottom, 0.15, GRID, 0);
            cv->text(cv->ctx, pos, bottom + 4, 2.6, label, TEXT_CENTER, INK);
        }
    }
}

static void draw_bars(const struct chart *c, double width, const struct canvas *cv)
{
    double x0 = width * LABEL_SHARE, w = width - x0 - 14, top = 2;
    double bottom = top + BAR_ROW * (double)c->count;
    axis_ticks(cv, x0, w, top, bottom, 0);
    for (size_t i = 0; i < c->count; i++) {
        double y = top + BAR_ROW * (double)i;
        cv->text(cv->ctx, x0 - 2, y + BAR_ROW * 0.62, 2.8, c->labels[i], TEXT_RIGHT, INK);
        if (c->empty[i] == CHART_GAP) { /* groups left out: a dashed break */
            cv->line(cv->ctx, 2, y + BAR_ROW / 2, x0 + w, y + BAR_ROW / 2, 0.3, GRID, 1);
            cv->rect(cv->ctx, x0 + w / 2 - 18, y + 1, 36, BAR_ROW - 2, 0xFFFFFF);
            cv->text(cv->ctx, x0 + w / 2, y + BAR_ROW * 0.62, 2.6,
                     c->value_text[i] ? c->value_text[i] : "", TEXT_CENTER, INK);
            continue;
        }
        if (isnan(c->value[i])) {
            cv->text(cv->ctx, x0 + 1, y + BAR_ROW * 0.62, 2.6,
                     c->empty[i] ? "нет ответов" : "скрыто: мало ответов", TEXT_LEFT,
                     c->tones[4]);
            continue;
        }
        cv->rect(cv->ctx, x0, y + 1.2, w * c->value[i], BAR_ROW - 2.4,
                 c->tones[tone_of(c, i)]);
        /* The 95% interval as a whisker across the bar's end. */
        double ym = y + BAR_ROW / 2;
        cv->line(cv->ctx, x0 + w * c->lo[i], ym, x0 + w * c->hi[i], ym, 0.3, INK, 0);
        cv->line(cv->ctx, x0 + w * c->lo[i], ym - 1.2, x0 + w * c->lo[i], ym + 1.2, 0.3, INK, 0);
        cv->line(cv->ctx, x0 + w * c->hi[i], ym - 1.2, x0 + w * c->hi[i], ym + 1.2, 0.3, INK, 0);
        cv->text(cv->ctx, x0 + w * c->hi[i] + 1.5, y + BAR_ROW * 0.62, 2.6,
                 c->value_text[i] ? c->value_text[i] : "", TEXT_LEFT, INK);
    }
    if (c->target > 0) {
        cv->line(cv->ctx, x0 + w * c->target, top - 1, x0 + w * c->target, bottom + 1, 0.4,
                 0xC0392B, 1);
    }
}

static void draw_line(const struct chart *c, double width, const struct canvas *cv)
{
    double x0 = 14, w = width - x0 - 4, top = 3, bottom = chart_height(c, width) - 9;
    double step = w / (double)(c->count ? c->count : 1);
    axis_ticks(cv, x0, w, top, bottom, 1);
    if (c->target > 0) {
        double ty = bottom - (bottom - top) * c->target;
        cv->line(cv->ctx, x0, ty, x0 + w, ty, 0.4, 0xC0392B, 1);
    }
    double px = NAN, py = NAN;
    for (size_t i = 0; i < c->count; i++) {
        double x = x0 + step * ((double)i + 0.5);
        cv->text(cv->ctx, x, bottom + 4.5, 2.6, c->labels[i], TEXT_CENTER, INK);
        if (isnan(c->value[i])) {
            px = NAN;
            continue;
        }
        double y = bottom - (bottom - top) * c->value[i];
        cv->line(cv->ctx, x, bottom - (bottom - top) * c->lo[i], x,
                 bottom - (bottom - top) * c->hi[i], 0.3, GRID, 0);
        if (!isnan(px))
            cv->line(cv->ctx, px, py, x, y, 0.6, ACCENT, 0);
        cv->dot(cv->ctx, x, y, 1.0, c->tones[tone_of(c, i)]);
        cv->text(cv->ctx, x, y - 2.2, 2.5, c->value_text[i] ? c->value_text[i] : "", TEXT_CENTER,
                 INK);
        px = x;
        py = y;
    }
}

void chart_draw(const struct chart *c, double width, const struct canvas *cv)
{
    if (c->kind == CHART_BARS)
        draw_bars(c, width, cv);
    else
        draw_line(c, width, cv);
}
