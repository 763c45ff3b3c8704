/* The printable paper questionnaire: one A4 form per manifest row, drawn by
 * code on the leaflet's pages, and the clerks' data-entry CSV. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/codes.h>
#include <anketa/form.h>

#include "leaflet_int.h"

/* The fixed grid, in mm from the page's top left corner. Every mark a scanner
 * will look for is placed from these numbers, and from nowhere else: the
 * registration squares, the form number's boxes and the tick boxes. */
#define PAGE_W 210.0
#define PAGE_H 297.0
#define MARK 6.0              /* registration squares in the four corners */
#define MARK_INSET 8.0
#define LEFT 18.0             /* text column */
#define NUMBER_X 52.0         /* form number: NUMBER_DIGITS boxes from here */
#define NUMBER_Y 49.0
#define NUMBER_DIGITS 6
#define DATE_X 124.0          /* the date's boxes: DD.MM.YYYY, on the number's row */
#define ROW 7.0               /* a question grid row */
#define BOX 5.0               /* a tick box's side */
#define BOX_PITCH 7.0
#define MAX_BOXES 11          /* 0-10, the widest scale */
#define BOX_X (PAGE_W - LEFT - (MAX_BOXES - 1) * BOX_PITCH - BOX) /* the first column */
#define QUESTIONS_Y 96.0      /* the first question row */
#define COMMENT_H 32.0        /* the comment block under the questions */
#define BOTTOM 270.0          /* nothing reaches below (the footer does) */
#define TEXT_W (BOX_X - 4 - LEFT)
#define QUESTION_PT 10.0

/* Where the tick box of column `col` in grid row `row` stands. */
static void box_at(int row, int col, double *x, double *y)
{
    *x = BOX_X + col * BOX_PITCH;
    *y = QUESTIONS_Y + row * ROW + (ROW - BOX) / 2;
}

static const char FORM_NAME[] = "form";

struct anketa_template *anketa_form_template(struct anketa_error *err)
{
    struct anketa_template *t = calloc(1, sizeof *t);
    if (t == NULL || (t->name = strdup(FORM_NAME)) == NULL ||
        (t->path = strdup("(the form)")) == NULL || (t->dir = strdup(".")) == NULL) {
        anketa_template_free(t);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    t->width = PAGE_W;
    t->height = PAGE_H;
    t->levels = ANKETA_LEVEL_DIRECTION | ANKETA_LEVEL_ITEM;
    return t;
}

int anketa_form_is(const struct anketa_template *t)
{
    return t && t->name && strcmp(t->name, FORM_NAME) == 0 && t->element_count == 0;
}

static char ARIAL[] = "Arial";

static struct anketa_element text_el(double x, double y, double w, double h, double size,
                                     int bold)
{
    struct anketa_element e = { .type = ANKETA_EL_TEXT, .x = x, .y = y, .w = w, .h = h,
                                .font = ARIAL, .bold = bold, .size = size,
                                .min_size = size < 8 ? size : 8, .line_spacing = 1 };
    return e;
}

/* Rows of the grid that `text` takes at QUESTION_PT in the text column. */
static int rows_of(struct anketa_leaflet *l, const char *text)
{
    PangoFontDescription *fd = pango_font_description_from_string("Arial");
    pango_font_description_set_absolute_size(fd, QUESTION_PT * PT_TO_MM * PANGO_SCALE);
    pango_layout_set_font_description(l->layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(l->layout, text, -1);
    pango_layout_set_width(l->layout, (int)(TEXT_W * PANGO_SCALE));
    pango_layout_set_wrap(l->layout, PANGO_WRAP_WORD);
#if PANGO_VERSION_CHECK(1, 44, 0)
    pango_layout_set_line_spacing(l->layout, 1);
#endif
    PangoRectangle logical;
    pango_layout_get_extents(l->layout, NULL, &logical);
    int rows = (int)((double)logical.height / PANGO_SCALE / ROW + 0.999);
    return rows < 1 ? 1 : rows;
}

static void square(struct anketa_leaflet *l, double x, double y, double side, int fill)
{
    cairo_rectangle(l->cr, x, y, side, side);
    cairo_set_source_rgb(l->cr, 0, 0, 0);
    if (fill) {
        cairo_fill(l->cr);
    } else {
        cairo_set_line_width(l->cr, 0.3);
        cairo_stroke(l->cr);
    }
}

static void rule(struct anketa_leaflet *l, double x0, double y, double x1, double grey)
{
    cairo_move_to(l->cr, x0, y);
    cairo_line_to(l->cr, x1, y);
    cairo_set_line_width(l->cr, 0.2);
    cairo_set_source_rgb(l->cr, grey, grey, grey);
    cairo_stroke(l->cr);
}

/* The item's label as the paper profile's headers name it: after the
 * item's kind, or on a direction's form the direction's (which a direction
 * of mixed kinds leaves out). */
static const char *item_label(const struct anketa_item *item, const struct anketa_direction *d)
{
    const char *k = item ? item->kind : d && d->kind ? d->kind : "";
    if (strcmp(k, "support") == 0 || strcmp(k, "measure") == 0)
        return "Мера поддержки:";
    if (strcmp(k, "control") == 0 || strcmp(k, "prevention") == 0)
        return "Вид контроля (надзора):";
    if (strcmp(k, "appeal") == 0)
        return "Обращение:";
    if (strcmp(k, "information") == 0)
        return "Информация:";
    return "Услуга:";
}

struct form {
    const struct anketa_campaign *c;
    const struct anketa_authority *a;
    const struct anketa_direction *d;
    const struct anketa_item *item;
    const struct anketa_point *point;
};

/* The question rows: each question's grid row and its boxes. */
static int draw_questions(struct anketa_leaflet *l, const struct form *f,
                          const struct leaflet_row *row, struct anketa_error *err)
{
    int at = 0, rc = 0;
    for (size_t q = 0; rc == 0 && q < f->c->question_count; q++) {
        const struct anketa_question *qu = &f->c->questions[q];
        char text[1024];
        snprintf(text, sizeof text, "%zu. %s", q + 1, qu->text);
        int rows = rows_of(l, text);
        double x, y;
        box_at(at, 0, &x, &y);
        struct anketa_element e = text_el(LEFT, QUESTIONS_Y + at * ROW + 1, TEXT_W, rows * ROW,
                                          QUESTION_PT, 0);
        rc = leaflet_text(l, &e, text, row, err);
        for (int col = 0; rc == 0 && col <= qu->hi - qu->lo; col++) {
            /* «Да» first, «Нет» two columns on, with room for their words */
            int c = qu->yes_no ? (col ? 0 : 2) : col;
            box_at(at, c, &x, &y);
            square(l, x, y, BOX, 0);
            char label[8];
            snprintf(label, sizeof label, "%d", qu->lo + col);
            struct anketa_element n = qu->yes_no ? text_el(x + BOX + 1, y - 0.3, 8, BOX, 9, 0)
                                                 : text_el(x, y + 0.6, BOX, BOX, 7, 0);
            n.align = qu->yes_no ? ANKETA_ALIGN_LEFT : ANKETA_ALIGN_CENTER;
            n.color = qu->yes_no ? n.color : (struct anketa_color){ .r = 0.55, .g = 0.55, .b = 0.55 };
            rc = leaflet_text(l, &n, qu->yes_no ? (col ? "Да" : "Нет") : label, row, err);
        }
        at += rows;
        rule(l, LEFT, QUESTIONS_Y + at * ROW + 0.5, PAGE_W - LEFT, 0.75);
    }
    return rc;
}

/* The grid rows every question takes, or -1 with err when they do not fit. */
static int check_fit(struct anketa_leaflet *l, const struct form *f,
                     const struct leaflet_row *row, struct anketa_error *err)
{
    int rows = 0;
    for (size_t q = 0; q < f->c->question_count; q++) {
        char text[1024];
        snprintf(text, sizeof text, "%zu. %s", q + 1, f->c->questions[q].text);
        rows += rows_of(l, text);
        const struct anketa_question *qu = &f->c->questions[q];
        if (qu->hi - qu->lo + 1 > MAX_BOXES)
            return anketa_error_at(err, ANKETA_ERR_INVALID, row->file, row->line, 0,
                                   "form of '%s': question '%s' has %d points, more than "
                                   "the %d boxes of a form row", f->item ? f->item->id
                                   : f->d->id, qu->id, qu->hi - qu->lo + 1, MAX_BOXES);
    }
    double need = QUESTIONS_Y + rows * ROW + COMMENT_H;
    if (need > BOTTOM)
        return anketa_error_at(err, ANKETA_ERR_INVALID, row->file, row->line, 0,
                               "the form of '%s'%s%s does not fit an A4 page: its %zu "
                               "questions take %d rows of %g mm, %g mm more than the page has; "
                               "shorten or split the questions", f->item ? f->item->id : f->d->id,
                               f->point ? " at " : "", f->point ? f->point->id : "",
                               f->c->question_count, rows, ROW, need - BOTTOM);
    return rows;
}

static int draw_form(struct anketa_leaflet *l, const struct form *f, const struct leaflet_row *row,
                     const struct leaflet_row *qr_row, struct anketa_error *err)
{
    const double marks[4][2] = { { MARK_INSET, MARK_INSET },
                                 { PAGE_W - MARK_INSET - MARK, MARK_INSET },
                                 { MARK_INSET, PAGE_H - MARK_INSET - MARK },
                                 { PAGE_W - MARK_INSET - MARK, PAGE_H - MARK_INSET - MARK } };
    for (int i = 0; i < 4; i++)
        square(l, marks[i][0], marks[i][1], MARK, 1);
    int rows = check_fit(l, f, row, err);
    if (rows < 0)
        return rows;
    struct anketa_element qr = { .type = ANKETA_EL_QR, .x = 166, .y = 12, .w = 28, .h = 28,
                                 .margin = 4 };
    struct anketa_element e[] = {
        text_el(LEFT, 15, 142, 12, 11, 1), text_el(LEFT, 28, 142, 8, 16, 1),
        text_el(LEFT, 37, 142, 10, 10, 0), text_el(LEFT, NUMBER_Y + 0.5, 34, 6, 10, 1),
        text_el(LEFT, 60, 44, 12, 10, 1), text_el(LEFT + 46, 60, PAGE_W - 2 * LEFT - 46, 12, 11, 0),
        text_el(LEFT, 73, 44, 10, 10, 1), text_el(LEFT + 46, 73, PAGE_W - 2 * LEFT - 46, 10, 10, 0),
        text_el(LEFT, 84, PAGE_W - 2 * LEFT, 11, 9, 0), text_el(DATE_X - 14, NUMBER_Y + 0.5, 13, 6, 10, 1),
    };
    int has_scale = 0, has_10 = 0;
    for (size_t q = 0; q < f->c->question_count; q++) {
        has_scale |= !f->c->questions[q].yes_no && f->c->questions[q].hi <= 5;
        has_10 |= f->c->questions[q].hi == 10;
    }
    char hint[512];
    snprintf(hint, sizeof hint, "Отметьте в каждой строке один ответ знаком «V» или «X».%s%s",
             has_scale ? " Оценки: 1 — очень плохо, 5 — отлично." : "",
             has_10 ? " 0 — точно нет, 10 — точно да." : "");
    const char *texts[] = {
        f->a->name, "АНКЕТА", f->c->name, "Номер анкеты", item_label(f->item, f->d),
        f->item ? f->item->name : "", "Место приема:", f->point ? f->point->name : "", hint, "Дата",
    };
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < sizeof e / sizeof e[0]; i++)
        rc = leaflet_text(l, &e[i], texts[i], row, err);
    if (rc == 0)
        rc = leaflet_draw_elements(l, &qr, 1, qr_row, 0, 0, err);
    for (int i = 0; rc == 0 && i < NUMBER_DIGITS; i++)
        square(l, NUMBER_X + i * (BOX + 1), NUMBER_Y, BOX + 1, 0);
    for (int i = 0; rc == 0 && i < 8; i++)   /* two digits, a gap, two, a gap, four */
        square(l, DATE_X + i * (BOX + 1) + (i >= 2) * 2 + (i >= 4) * 2, NUMBER_Y, BOX + 1, 0);
    /* blank lines where the respondent writes what the form does not say */
    if (f->item == NULL)
        rule(l, LEFT + 46, 70, PAGE_W - LEFT, 0);
    if (f->point == NULL)
        rule(l, LEFT + 46, 81, PAGE_W - LEFT, 0);
    if (rc == 0)
        rc = draw_questions(l, f, row, err);
    double y = QUESTIONS_Y + rows * ROW + 3;
    struct anketa_element c = text_el(LEFT, y, PAGE_W - 2 * LEFT, 6, 10, 1);
    struct anketa_element thanks = text_el(LEFT, 272, PAGE_W - 2 * LEFT, 6, 10, 1);
    thanks.align = ANKETA_ALIGN_CENTER;
    if (rc == 0)
        rc = leaflet_text(l, &c, "Ваши замечания и предложения:", row, err);
    for (int i = 1; rc == 0 && i <= 3; i++)
        rule(l, LEFT, y + 6 + i * 7.5, PAGE_W - LEFT, 0.3);
    if (rc == 0)
        rc = leaflet_text(l, &thanks, "Благодарим за участие в опросе!", row, err);
    return rc;
}

/* The ids a form's code carries. */
static char *payload(const struct form *f)
{
    const char *keys[] = { "c", "a", "d", "i", "p" };
    const char *ids[] = { f->c->id, f->a->id, f->d->id, f->item ? f->item->id : NULL,
                          f->point ? f->point->id : NULL };
    size_t len = 16;
    for (int i = 0; i < 5; i++)
        len += ids[i] ? strlen(ids[i]) + 3 : 0;
    char *s = malloc(len);
    if (s == NULL)
        return NULL;
    size_t n = (size_t)snprintf(s, len, "anketa:form");
    for (int i = 0; i < 5; i++)
        if (ids[i])
            n += (size_t)snprintf(s + n, len - n, "%c%s=%s", n == 11 ? '?' : '&', keys[i], ids[i]);
    return s;
}

int anketa_form_add(struct anketa_leaflet *l, const struct anketa_csv_row *csv, const char *file,
                    struct anketa_error *err)
{
    struct leaflet_row row = { csv->line, (char *)(uintptr_t)file, csv->fields, csv->count };
    struct form f = { l->o.campaign, NULL, NULL, NULL, NULL };
    const char *level = leaflet_value(l, &row, "level");
    if (f.c == NULL)
        return anketa_error_set(err, ANKETA_ERR_USAGE, "the form needs the campaign (-c)");
    if (csv->count != l->column_count)
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, row.line, 0,
                               "%zu fields where the header has %zu", csv->count,
                               l->column_count);
    if (strcmp(level, "authority") == 0)
        return 0;
    const char *ids[] = { leaflet_value(l, &row, "authority"), leaflet_value(l, &row, "direction"),
                          leaflet_value(l, &row, "item"), leaflet_value(l, &row, "point") };
    f.a = anketa_campaign_authority(f.c, ids[0]);
    f.d = anketa_campaign_direction(f.c, ids[1]);
    f.item = *ids[2] ? anketa_campaign_item(f.c, ids[2]) : NULL;
    f.point = *ids[3] ? anketa_campaign_point(f.c, ids[3]) : NULL;
    if (f.a == NULL || f.d == NULL || (*ids[2] && f.item == NULL) || (*ids[3] && f.point == NULL))
        return anketa_error_at(err, ANKETA_ERR_INVALID, file, row.line, 0,
                               "'%s' of this row is not in campaign %s: a manifest of another "
                               "campaign?", f.a == NULL ? ids[0] : f.d == NULL ? ids[1]
                               : *ids[2] && f.item == NULL ? ids[2] : ids[3], f.c->path);
    size_t url_col = 0;
    while (url_col < l->column_count && strcmp(l->columns[url_col], "url") != 0)
        url_col++;
    char *code = payload(&f);
    char **fields = malloc((csv->count + 1) * sizeof *fields);
    if (code == NULL || fields == NULL || url_col == l->column_count) {
        free(code);
        free(fields);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    memcpy(fields, csv->fields, csv->count * sizeof *fields);
    fields[url_col] = code;
    struct leaflet_row qr_row = row;
    qr_row.fields = fields;
    int rc = leaflet_page_begin(l, err);
    if (rc == 0 && (rc = draw_form(l, &f, &row, &qr_row, err)) != 0) {
        struct anketa_error ignore;   /* the page closed, the run goes on to list every fault */
        leaflet_page_end(l, &ignore);
        if (rc != ANKETA_ERR_NOMEM && strstr(err->message, "the form of") == NULL) {
            char text[ANKETA_ERROR_MAX];   /* a text that does not fit: whose form it is */
            snprintf(text, sizeof text, "%s", err->message);
            anketa_error_set(err, rc, "%.800s; in the form of '%s'%s%s", text,
                             f.item ? f.item->id : f.d->id, f.point ? " at " : "",
                             f.point ? f.point->id : "");
        }
    } else if (rc == 0) {
        rc = leaflet_page_end(l, err);
    }
    free(fields);
    free(code);
    return rc == 0 ? 1 : rc;
}

int anketa_form_entry_header(const struct anketa_campaign *c, FILE *out, struct anketa_error *err)
{
    size_t n = c->question_count + 5;
    const char **h = malloc(n * sizeof *h);
    if (h == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    h[0] = "Номер анкеты";
    h[1] = "Дата";
    h[2] = "Офис";
    h[3] = "Услуга";
    for (size_t q = 0; q < c->question_count; q++)
        h[4 + q] = c->questions[q].text;
    h[n - 1] = "Комментарий";
    anketa_csv_write_row(out, h, NULL, n);
    free(h);
    return 0;
}
