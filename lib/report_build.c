/* What the report says: tally tables turned into blocks, in Russian. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

#define RANK_CHART_MAX 25   /* groups drawn in a ranking's chart, */
#define RANK_CHART_END 12   /* else the top and bottom this many */
#define LOWEST_MAX 10       /* lowest-rated items listed */
#define LABEL_CHARS 40      /* chart labels are cut to this many characters */

enum cell_tone report_tone(const struct anketa_report *r, const struct tally_row *t)
{
    if (r->target <= 0 || isnan(t->csat))
        return TONE_NONE;
    return fig_cmp(t->f_csat, r->f_target) >= 0 ? TONE_GOOD
         : t->hi >= r->target ? TONE_NEAR : TONE_BAD;
}

/* The question the rankings speak of: q.overall, else the campaign's first
 * question present, else the table's first. */
const char *main_question(const struct anketa_report *r, const struct tally_table *t)
{
    for (size_t i = 0; i < t->row_count; i++)
        if (strcmp(t->rows[i].question, "q.overall") == 0)
            return "q.overall";
    const struct anketa_campaign *c = r->o.campaign;
    for (size_t q = 0; c && q < c->question_count; q++)
        for (size_t i = 0; i < t->row_count; i++)
            if (strncmp(t->rows[i].question, "q.", 2) == 0 &&
                strcmp(t->rows[i].question + 2, c->questions[q].id) == 0)
                return t->rows[i].question;
    return t->row_count ? t->rows[0].question : "";
}

static int has_key(const struct tally_table *t, const char *key)
{
    for (size_t k = 0; k < t->key_count; k++)
        if (strcmp(t->key_names[k], key) == 0)
            return 1;
    return 0;
}

/* Rows of the main question, totals apart; sorted by csat, hidden last. */
int by_csat_desc(const void *a, const void *b)
{
    const struct tally_row *x = *(const struct tally_row *const *)a;
    const struct tally_row *y = *(const struct tally_row *const *)b;
    int hx = isnan(x->csat), hy = isnan(y->csat);
    if (hx != hy)
        return hx - hy;
    return x->csat < y->csat ? 1 : x->csat > y->csat ? -1 : 0;
}

static int by_csat_asc(const void *a, const void *b)
{
    return -by_csat_desc(a, b);
}

static size_t pick_rows(const struct tally_table *t, const char *q, int totals,
                        const struct tally_row **out)
{
    size_t n = 0;
    for (size_t i = 0; i < t->row_count; i++)
        if (strcmp(t->rows[i].question, q) == 0 && t->rows[i].total == totals &&
            !t->rows[i].subtotal)
            out[n++] = &t->rows[i];
    return n;
}

/* The standard columns of a group row: answered, share, interval, mean. */
void fill_figures(struct anketa_report *r, struct doc_block *b, size_t row, size_t col,
                         const struct tally_row *t)
{
    set_count(b, row, col, t->f_answered);
    if (t->suppressed) {
        set_hidden(b, row, col + 1);
        set_hidden(b, row, col + 2);
        set_hidden(b, row, col + 3);
        return;
    }
    set_share(b, row, col + 1, t->f_csat, report_tone(r, t));
    set_interval(b, row, col + 2, t->lo, t->hi);
    set_number(b, row, col + 3, t->f_mean, 2);
}

/* A ranking's chart: every group, or past RANK_CHART_MAX the top and the
 * bottom RANK_CHART_END with a gap mark between them. */
static struct chart *chart_of(struct anketa_report *r, enum chart_kind kind,
                              const struct tally_table *t, const struct tally_row **rows, size_t n)
{
    int cut = n > RANK_CHART_MAX;
    size_t shown = cut ? 2 * RANK_CHART_END + 1 : n;
    struct chart *c = chart_new(kind, shown, r->target);
    if (c)
        memcpy(c->tones, r->ink, sizeof c->tones);
    for (size_t j = 0; c && j < shown; j++) {
        if (cut && j == RANK_CHART_END) {
            c->labels[j] = xstrdup("â¦");
            c->value[j] = NAN;
            c->empty[j] = CHART_GAP;
            c->value_text[j] = xprintf("ещё %zu в таблице", n - 2 * RANK_CHART_END);
            continue;
        }
        size_t i = cut && j > RANK_CHART_END ? n - shown + j : j;
        char *label = group_label(r, t, rows[i]);
        size_t chars = 0, at = 0;
        for (const unsigned char *p = (const unsigned char *)label; p && *p; p++)
            if ((*p & 0xC0) != 0x80 && ++chars <= LABEL_CHARS)
                at = (size_t)(p - (const unsigned char *)label);
        if (label && chars > LABEL_CHARS) {
            label[at] = '\0';
            char *shorter = xprintf("%s…", label);
            free(label);
            label = shorter;
        }
        c->labels[j] = label;
        int hidden = rows[i]->suppressed || isnan(rows[i]->csat);
        c->value[j] = hidden ? NAN : rows[i]->csat;
        c->value_text[j] = hidden ? NULL : ru_percent(rows[i]->f_csat, 1);
        c->empty[j] = !rows[i]->suppressed && !(rows[i]->answered > 0);
        c->lo[j] = rows[i]->lo;
        c->hi[j] = rows[i]->hi;
    }
    return c;
}

static const char *const GROUP_HEAD[] = { "№", "", "Ответов", "Удовлетворенность", "95% ДИ",
                                          "Средний балл" };

/* A ranking (or a listing in given order) of the groups of a table. */
static int ranking(struct anketa_report *r, const struct tally_table *t, const char *title,
                   const char *sheet, int sort, enum chart_kind kind, size_t limit)
{
    const char *q = main_question(r, t);
    /* --compare: beside each group its change; not for a trend, whose
     * periods are its groups */
    const struct tally_table *prev = kind == CHART_LINE ? NULL : compare_table(r, t);
    size_t cap = t->row_count + (prev ? prev->row_count : 0) + 1;
    const struct tally_row **rows = calloc(cap, sizeof *rows);
    const struct tally_row **totals = calloc(cap, sizeof *totals);
    const struct tally_row **gone = calloc(cap, sizeof *gone);
    if (rows == NULL || totals == NULL || gone == NULL) {
        free(rows);
        free(totals);
        free(gone);
        return -1;
    }
    size_t n = pick_rows(t, q, 0, rows), nt = pick_rows(t, q, 1, totals);
    if (sort > 0)
        qsort(rows, n, sizeof *rows, by_csat_desc);
    if (sort < 0) {
        size_t kept = 0; /* lowest first, only groups with figures shown */
        for (size_t i = 0; i < n; i++)
            if (!rows[i]->suppressed && !isnan(rows[i]->csat))
                rows[kept++] = rows[i];
        n = kept;
        qsort(rows, n, sizeof *rows, by_csat_asc);
    }
    if (limit && n > limit)
        n = limit;
    size_t ng = prev && sort >= 0 ? compare_gone(r, t, q, gone) : 0;
    struct doc_block *h = add_block(r, BLOCK_HEADING, xprintf("%s", title));
    struct doc_block *p = add_block(r, BLOCK_PARAGRAPH,
                                    xprintf("Вопрос: «%s». Удовлетворенность — доля ответов "
                                            "с двумя высшими баллами шкалы.", question_label(r, q)));
    struct doc_block *b = add_block(r, BLOCK_TABLE, xstrdup(title));
    const char *head[8];
    memcpy(head, GROUP_HEAD, sizeof GROUP_HEAD);
    head[6] = "Изменение к пред. периоду";
    head[7] = "Значимость (95%)";
    char *group_head = NULL;
    for (size_t k = 0; k < t->key_count; k++) {
        char *next = xprintf("%s%s%s", group_head ? group_head : "", k ? " / " : "",
                             key_title(r, t->key_names[k]));
        free(group_head);
        group_head = next;
    }
    head[1] = group_head ? group_head : "Группа";
    int rc = h && p && b ? table_block(b, sheet, prev ? 8 : 6, head, n + ng + nt) : -1;
    free(group_head);
    for (size_t i = 0; rc == 0 && i < n + ng + nt; i++) {
        const struct tally_row *row = i < n ? rows[i] : i < n + ng ? gone[i - n]
                                                      : totals[i - n - ng];
        char *label = group_label(r, t, row);
        if (i < n)
            set_number(b, i, 0, fig_double((double)(i + 1)), 0);
        set_text(b, i, 1, label ? label : "");
        free(label);
        if (i >= n && i < n + ng) {
            struct change ch = { CH_GONE, { NAN, 0, 0 }, 0 };
            set_change(b, i, 6, ch);
            continue;
        }
        fill_figures(r, b, i, 2, row);
        if (prev)
            set_change(b, i, 6, compare_of(r, t, row));
    }
    if (rc == 0 && n > 0 && (kind != CHART_LINE || n <= RANK_CHART_MAX)) {
        struct doc_block *c = add_block(r, BLOCK_CHART, xstrdup(title));
        if (c == NULL || (c->chart = chart_of(r, kind, t, rows, n)) == NULL)
            rc = -1;
    }
    free(rows);
    free(totals);
    free(gone);
    return rc;
}

/* Readiness: 0/1 columns (connected, ready...) as shares per group. */
static int readiness(struct anketa_report *r, const struct tally_table *t)
{
    const char *questions[16] = { "" };
    size_t nq = 0;
    for (size_t i = 0; i < t->row_count && nq < 16; i++) {
        size_t j = 0;
        while (j < nq && strcmp(questions[j], t->rows[i].question) != 0)
            j++;
        if (j == nq)
            questions[nq++] = t->rows[i].question;
    }
    const struct tally_row **rows = calloc(t->row_count + 1, sizeof *rows);
    if (rows == NULL)
        return -1;
    size_t n = pick_rows(t, questions[0], 0, rows), nt = 0;
    qsort(rows, n, sizeof *rows, by_csat_desc);
    nt = pick_rows(t, questions[0], 1, rows + n);
    const char *head[18] = { "№", t->key_count ? key_title(r, t->key_names[0]) : "Группа", "Всего" };
    for (size_t j = 0; j < nq; j++)
        head[3 + j] = question_label(r, questions[j]);
    add_block(r, BLOCK_HEADING, xstrdup("Готовность и подключение"));
    add_block(r, BLOCK_PARAGRAPH, xstrdup("Доля организаций с признаком «да» по каждому "
                                          "показателю, по убыванию первого из них."));
    struct doc_block *b = add_block(r, BLOCK_TABLE, xstrdup("Готовность"));
    int rc = b ? table_block(b, "Готовность", 3 + nq, head, n + nt) : -1;
    for (size_t i = 0; rc == 0 && i < n + nt; i++) {
        char *label = group_label(r, t, rows[i]);
        if (i < n)
            set_number(b, i, 0, fig_double((double)(i + 1)), 0);
        set_text(b, i, 1, label ? label : "");
        free(label);
        set_count(b, i, 2, rows[i]->f_responses);
        for (size_t j = 0; j < nq; j++) {
            const struct tally_row *m = NULL;
            for (size_t k = 0; k < t->row_count && !m; k++) {
                const struct tally_row *x = &t->rows[k];
                int same = strcmp(x->question, questions[j]) == 0;
                for (size_t key = 0; same && key < t->key_count; key++)
                    same = strcmp(x->keys[key], rows[i]->keys[key]) == 0;
                if (same)
                    m = x;
            }
            if (m && m->suppressed)
                set_hidden(b, i, 3 + j);
            else if (m)
                set_share(b, i, 3 + j, m->f_csat, TONE_NONE);
        }
    }
    free(rows);
    return rc;
}

/* Per-question figures of a table without groups: each criterion's score. */
static int criteria(struct anketa_report *r, const struct tally_table *t)
{
    static const char *const head[] = { "Вопрос", "Ответов", "Удовлетворенность", "95% ДИ",
                                        "Средний балл", "Изменение к пред. периоду",
                                        "Значимость (95%)" };
    int cmp = compare_table(r, t) != NULL;
    add_block(r, BLOCK_HEADING, xstrdup("Оценки по вопросам анкеты"));
    struct doc_block *b = add_block(r, BLOCK_TABLE, xstrdup("Оценки по вопросам"));
    int rc = b ? table_block(b, "По вопросам", cmp ? 7 : 5, head, t->row_count) : -1;
    for (size_t i = 0; rc == 0 && i < t->row_count; i++) {
        set_text(b, i, 0, question_label(r, t->rows[i].question));
        fill_figures(r, b, i, 1, &t->rows[i]);
        if (cmp)
            set_change(b, i, 5, compare_of(r, t, &t->rows[i]));
    }
    return rc;
}

/* A table of 0/1 columns that are not campaign questions (connected, ready):
 * a readiness table, not satisfaction. Hidden rows have no distribution to
 * tell their scale by, so they do not count either way. */
int is_readiness(const struct anketa_report *r, const struct tally_table *t)
{
    int seen = 0;
    for (size_t j = 0; j < t->row_count; j++) {
        const struct tally_row *row = &t->rows[j];
        if (row->suppressed || !(row->answered > 0))
            continue;
        if (!row->yes_no)
            return 0;
        seen = 1;
    }
    return seen && t->key_count > 0 &&
           !anketa_campaign_question(r->o.campaign, t->rows[0].question + 2);
}

/* The overall row of the main question: from a table without groups, else a
 * total ('*' in every key). */
static const struct tally_row *overall(const struct anketa_report *r,
                                       const struct tally_table *tables, size_t count,
                                       const char **q)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t t = 0; t < count; t++) {
            const struct tally_table *tab = &tables[t];
            if ((pass == 0) != (tab->key_count == 0) || is_readiness(r, tab))
                continue;
            *q = main_question(r, tab);
            for (size_t i = 0; i < tab->row_count; i++)
                if (strcmp(tab->rows[i].question, *q) == 0 && (pass == 0 || tab->rows[i].total))
                    return &tab->rows[i];
        }
    return NULL;
}

/* The headline's change against the previous period (--compare). */
static int headline_change(struct anketa_report *r, struct doc_block *b, const struct tally_row *o)
{
    const char *pq = NULL;
    const struct tally_row *before = overall(r, r->prev, r->prev_count, &pq);
    if (r->prev_count == 0)
        return 0;
    size_t at = b->rows;
    struct doc_cell *grown = realloc(b->cells, (at + 3) * 2 * sizeof *grown);
    if (grown == NULL)
        return -1;
    b->cells = grown;
    memset(b->cells + at * 2, 0, 6 * sizeof *grown);
    for (size_t i = at * 2; i < (at + 3) * 2; i++)
        b->cells[i].value = NAN;
    b->rows = at + 3;
    set_text(b, at, 0, "Удовлетворенность в предыдущем периоде");
    set_text(b, at + 1, 0, "Изменение к предыдущему периоду");
    set_text(b, at + 2, 0, "Значимость изменения (95%)");
    if (before == NULL || strcmp(before->question, o->question) != 0) {
        set_text(b, at, 1, "нет данных");
        return 0;
    }
    if (before->suppressed)
        set_hidden(b, at, 1);
    else
        set_share(b, at, 1, before->f_csat, TONE_NONE);
    struct change ch = compare_row(o, before);
    if (ch.state == CH_SAME) {
        set_points(b, at + 1, 1, ch.diff, TONE_NONE);
        set_text(b, at + 2, 1, ch.significant ? "значимо" : "незначимо");
    } else {
        set_text(b, at + 1, 1, "нет данных");
    }
    return 0;
}

static int headline(struct anketa_report *r)
{
    const char *q = NULL;
    const struct tally_row *o = overall(r, r->tables, r->table_count, &q);
    size_t satisfaction_tables = 0;
    for (size_t t = 0; t < r->table_count; t++)
        satisfaction_tables += !is_readiness(r, &r->tables[t]);
    if (satisfaction_tables == 0)
        return 0; /* a readiness report has no satisfaction to head it */
    add_block(r, BLOCK_HEADING, xstrdup("Основные показатели"));
    if (o == NULL) {
        add_block(r, BLOCK_PARAGRAPH,
                  xstrdup("Итоговых показателей нет: добавьте вывод tally без группировки "
                          "(или с --totals)."));
        return 0;
    }
    static const char *const head[] = { "Показатель", "Значение" };
    struct doc_block *b = add_block(r, BLOCK_FIGURES, xstrdup("Основные показатели"));
    if (b == NULL || table_block(b, "Итоги", 2, head, 7) != 0)
        return -1;
    b->kind = BLOCK_FIGURES;
    set_text(b, 0, 0, "Получено ответов");
    set_count(b, 0, 1, o->f_responses);
    char *label = xprintf("Ответили на вопрос «%s»", question_label(r, q));
    set_text(b, 1, 0, label);
    free(label);
    set_count(b, 1, 1, o->f_answered);
    set_text(b, 2, 0, "Удовлетворенность (доля двух высших баллов)");
    set_text(b, 3, 0, "95% доверительный интервал");
    set_text(b, 4, 0, "Средний балл");
    if (o->suppressed) {
        set_hidden(b, 2, 1);
        set_hidden(b, 3, 1);
        set_hidden(b, 4, 1);
    } else {
        set_share(b, 2, 1, o->f_csat, report_tone(r, o));
        set_interval(b, 3, 1, o->lo, o->hi);
        set_number(b, 4, 1, o->f_mean, 2);
    }
    set_text(b, 5, 0, "Целевое значение");
    set_text(b, 6, 0, "Отклонение от цели");
    if (r->target > 0) {
        set_share(b, 5, 1, r->f_target, TONE_NONE);
        if (!o->suppressed && !isnan(o->csat)) {
            set_points(b, 6, 1, fig_sub(o->f_csat, r->f_target), report_tone(r, o));
        }
    } else {
        set_text(b, 5, 1, "не задано");
    }
    return o->suppressed ? 0 : headline_change(r, b, o);
}

static void method_note(struct anketa_report *r)
{
    long min_n = r->o.campaign ? r->o.campaign->min_group : 5;
    add_block(r, BLOCK_HEADING, xstrdup("О методике"));
    add_block(r, BLOCK_PARAGRAPH,
              xprintf("Удовлетворенность — доля ответов с двумя высшими баллами шкалы "
                      "(4–5 по пятибалльной, 9–10 по шкале 0–10, «да» по вопросам да/нет) среди "
                      "всех ответивших на вопрос; ответы бумажных анкет учтены с их весом. "
                      "Для каждой доли указан 95%% доверительный интервал Уилсона. Группы, "
                      "в которых на вопрос ответили менее %ld человек, не публикуются "
                      "(«скрыто»), но входят во все итоги; если по итогу и остальным группам "
                      "скрытое значение можно вычислить, скрывается и соседняя группа. "
                      "Цвет: зеленый — цель достигнута, желтый — не достигнута, но интервал "
                      "ее включает, красный — не достигнута.", min_n));
    if (r->prev_count > 0)
        add_block(r, BLOCK_PARAGRAPH,
                  xstrdup("Изменение к предыдущему периоду — разность долей удовлетворенных "
                          "в процентных пунктах. Оно значимо, если двусторонний z-критерий "
                          "для разности двух долей (с объединенной оценкой доли) отвергает "
                          "равенство долей на уровне 95 % (|z| > 1,96). «Новая группа» — "
                          "группы не было в предыдущем периоде, «нет в периоде» — группа "
                          "была, но в этом периоде ответов нет."));
}

/* The section a table belongs to, by its group columns. */
static int table_section(const struct anketa_report *r, const struct tally_table *t)
{
    if (t->key_count == 0)
        return SEC_QUESTIONS;
    if (is_readiness(r, t))
        return SEC_READINESS;
    if (t->key_count == 1 && (has_key(t, "month") || has_key(t, "quarter") ||
                              has_key(t, "week") || has_key(t, "day") || has_key(t, "year")))
        return SEC_TREND;
    if (t->key_count == 1 && has_key(t, "direction"))
        return SEC_DIRECTIONS;
    if (has_key(t, "item"))
        return SEC_LOWEST;
    return t->key_count == 2 ? SEC_MATRIX : SEC_RANKINGS;
}

static int table_blocks(struct anketa_report *r, const struct tally_table *t)
{
    int rc;
    switch (table_section(r, t)) {
    case SEC_QUESTIONS: return criteria(r, t);
    case SEC_READINESS: return readiness(r, t);
    case SEC_TREND:
        return ranking(r, t, "Динамика удовлетворенности", "Динамика", 0, CHART_LINE, 0);
    case SEC_DIRECTIONS:
        return ranking(r, t, "Удовлетворенность по направлениям", "Направления", 1, CHART_BARS, 0);
    case SEC_LOWEST: {
        char *title_text = xprintf("Наименее высоко оцененные %s", r->items_title);
        rc = title_text ? ranking(r, t, title_text, "Низкие оценки", -1, CHART_BARS, LOWEST_MAX)
                        : -1;
        free(title_text);
        return rc;
    }
    case SEC_MATRIX:
        rc = report_matrix(r, t);
        return rc == 0 ? report_within(r, t) : rc;
    default: {
        char *title_text = xprintf("Рейтинг: %s", key_title(r, t->key_names[0]));
        rc = title_text ? ranking(r, t, title_text, "Рейтинг", 1, CHART_BARS, 0) : -1;
        free(title_text);
        return rc;
    }
    }
}

static int listed(const int *sections, size_t count, int section)
{
    for (size_t i = 0; i < count; i++)
        if (sections[i] == section)
            return 1;
    return 0;
}

int report_build(struct anketa_report *r, struct anketa_error *err)
{
    report_kind_labels(r);
    r->f_target = fig_decimal(r->target);
    struct doc_block *title = add_block(r, BLOCK_HEADING, xstrdup(r->title));
    if (title)
        title->level = 0;
    if (r->subtitle)
        add_block(r, BLOCK_PARAGRAPH, xstrdup(r->subtitle));
    char *from_data = r->period ? NULL : report_period_of_data(r);
    add_block(r, BLOCK_PARAGRAPH,
              r->period ? xprintf("Период: %s. Отчет сформирован %s.", r->period, r->generated)
              : from_data ? xprintf("Период: %s (по данным). Отчет сформирован %s.", from_data,
                                    r->generated)
                          : xprintf("Отчет сформирован %s.", r->generated));
    free(from_data);
    char *outside = report_outside_period(r);
    if (outside)
        add_block(r, BLOCK_PARAGRAPH, outside);
    static const int defaults[] = { SEC_HEADLINE, SEC_TABLES, SEC_NPS, SEC_COMMENTS, SEC_METHOD };
    const int *sections = r->section_count ? r->sections : defaults;
    size_t count = r->section_count ? r->section_count : sizeof defaults / sizeof defaults[0];
    int rc = 0;
    for (size_t s = 0; rc == 0 && s < count; s++) {
        switch (sections[s]) {
        case SEC_HEADLINE: rc = headline(r); break;
        case SEC_NPS: rc = report_nps(r); break;
        case SEC_COMMENTS:
            if ((rc = report_comments(r, err)) != 0)
                return rc;
            break;
        case SEC_METHOD: method_note(r); break;
        default: /* the tables of this kind, or all, in the order given */
            for (size_t i = 0; rc == 0 && i < r->table_count; i++)
                if (table_section(r, &r->tables[i]) == sections[s] ||
                    (sections[s] == SEC_TABLES && !listed(sections, count,
                                                          table_section(r, &r->tables[i]))))
                    rc = table_blocks(r, &r->tables[i]);
        }
    }
    if (rc != 0)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    return 0;
}

void report_free_blocks(struct anketa_report *r)
{
    for (size_t i = 0; i < r->block_count; i++) {
        struct doc_block *b = &r->blocks[i];
        for (size_t c = 0; b->head && c < b->columns; c++)
            free(b->head[c]);
        for (size_t c = 0; b->cells && c < b->columns * b->rows; c++)
            free(b->cells[c].text);
        free(b->head);
        free(b->cells);
        free(b->text);
        free(b->sheet);
        chart_free(b->chart);
    }
    free(r->blocks);
    r->blocks = NULL;
    r->block_count = 0;
}
