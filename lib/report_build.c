/* What the report says: tally tables turned into blocks, in Russian. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

#define RANK_CHART_MAX 25   /* groups drawn in a ranking's chart */
#define LOWEST_MAX 10       /* lowest-rated items listed */
#define LABEL_CHARS 40      /* chart labels are cut to this many characters */

static struct doc_block *add_block(struct anketa_report *r, enum block_kind kind, char *text)
{
    struct doc_block *b = realloc(r->blocks, (r->block_count + 1) * sizeof *b);
    if (b == NULL) {
        free(text);
        return NULL;
    }
    r->blocks = b;
    b = &r->blocks[r->block_count++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->text = text;
    b->level = 1;
    return b;
}

static int table_block(struct doc_block *b, const char *sheet, size_t columns,
                       const char *const *head, size_t rows)
{
    b->sheet = xstrdup(sheet);
    b->columns = columns;
    b->rows = rows;
    b->head = calloc(columns, sizeof *b->head);
    b->cells = calloc(columns * (rows ? rows : 1), sizeof *b->cells);
    if (b->head == NULL || b->cells == NULL)
        return -1;
    for (size_t i = 0; i < columns; i++)
        b->head[i] = xstrdup(head[i]);
    for (size_t i = 0; i < columns * rows; i++)
        b->cells[i].value = NAN;
    return 0;
}

static struct doc_cell *cell(struct doc_block *b, size_t row, size_t col)
{
    return &b->cells[row * b->columns + col];
}

static void set_text(struct doc_block *b, size_t row, size_t col, const char *text)
{
    cell(b, row, col)->text = xstrdup(text);
}

static void set_number(struct doc_block *b, size_t row, size_t col, struct figure v, int decimals)
{
    struct doc_cell *c = cell(b, row, col);
    c->value = v.value;
    c->decimals = decimals;
    c->text = ru_number(v, 0, decimals);
}

/* A count: whole, or weighted with one decimal shown. */
static void set_count(struct doc_block *b, size_t row, size_t col, struct figure v)
{
    int whole = v.den > 0 ? v.num % v.den == 0 : v.value == floor(v.value);
    set_number(b, row, col, v, whole ? 0 : 1);
}

static void set_share(struct doc_block *b, size_t row, size_t col, struct figure v,
                      enum cell_tone tone)
{
    struct doc_cell *c = cell(b, row, col);
    c->value = v.value;
    c->percent = 1;
    c->decimals = 1;
    c->text = ru_percent(v, 1);
    c->tone = tone;
}

static void set_interval(struct doc_block *b, size_t row, size_t col, double lo, double hi)
{
    char *a = ru_number(fig_double(lo), 2, 1), *z = ru_number(fig_double(hi), 2, 1);
    cell(b, row, col)->text = isnan(lo) ? xstrdup("") : xprintf("%s\xE2\x80\x93%s\xC2\xA0%%", a, z);
    free(a);
    free(z);
}

static void set_hidden(struct doc_block *b, size_t row, size_t col)
{
    struct doc_cell *c = cell(b, row, col);
    c->text = xstrdup("скрыто");
    c->tone = TONE_HIDDEN;
}

static enum cell_tone tone(const struct anketa_report *r, const struct tally_row *t)
{
    if (r->target <= 0 || isnan(t->csat))
        return TONE_NONE;
    return fig_cmp(t->f_csat, r->f_target) >= 0 ? TONE_GOOD
         : t->hi >= r->target ? TONE_NEAR : TONE_BAD;
}

static const char *key_title(const char *key)
{
    static const char *const names[][2] = {
        { "authority", "Орган власти" }, { "direction", "Направление" },
        { "item", "Услуга, мера поддержки, вид контроля" }, { "point", "Точка взаимодействия" },
        { "municipality", "Муниципальное образование" }, { "channel", "Канал" },
        { "source", "Источник" }, { "year", "Год" }, { "quarter", "Квартал" },
        { "month", "Месяц" }, { "week", "Неделя" }, { "day", "День" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], key) == 0)
            return names[i][1];
    return key;
}

/* A group value as people read it: campaign names for ids, "Итого" for '*'. */
static const char *value_label(const struct anketa_report *r, const char *key, const char *v)
{
    const struct anketa_campaign *c = r->o.campaign;
    if (strcmp(v, "*") == 0)
        return "Итого";
    if (strcmp(key, "authority") == 0 && anketa_campaign_authority(c, v)) {
        const struct anketa_authority *a = anketa_campaign_authority(c, v);
        return a->short_name ? a->short_name : a->name;
    }
    if (strcmp(key, "direction") == 0 && anketa_campaign_direction(c, v))
        return anketa_campaign_direction(c, v)->name;
    if (strcmp(key, "item") == 0 && anketa_campaign_item(c, v))
        return anketa_campaign_item(c, v)->name;
    if (strcmp(key, "point") == 0 && anketa_campaign_point(c, v))
        return anketa_campaign_point(c, v)->name;
    return *v ? v : "(не указано)";
}

static char *group_label(const struct anketa_report *r, const struct tally_table *t,
                         const struct tally_row *row)
{
    char *label = xstrdup("");
    for (size_t k = 0; label && k < t->key_count; k++) {
        if (k > 0 && strcmp(row->keys[k], "*") == 0)
            continue;
        char *next = xprintf("%s%s%s", label, k ? " — " : "",
                             value_label(r, t->key_names[k], row->keys[k]));
        free(label);
        label = next;
    }
    return label;
}

static const char *question_label(const struct anketa_report *r, const char *q)
{
    const struct anketa_question *cq =
        strncmp(q, "q.", 2) == 0 ? anketa_campaign_question(r->o.campaign, q + 2) : NULL;
    return cq ? cq->text : q;
}

/* The question the rankings speak of: q.overall, else the campaign's first
 * question present, else the table's first. */
static const char *main_question(const struct anketa_report *r, const struct tally_table *t)
{
    for (size_t i = 0; i < t->question_count; i++)
        if (strcmp(t->questions[i], "q.overall") == 0)
            return "q.overall";
    const struct anketa_campaign *c = r->o.campaign;
    for (size_t q = 0; c && q < c->question_count; q++)
        for (size_t i = 0; i < t->question_count; i++)
            if (strncmp(t->questions[i], "q.", 2) == 0 &&
                strcmp(t->questions[i] + 2, c->questions[q].id) == 0)
                return t->questions[i];
    return t->question_count ? t->questions[0] : "";
}

static int has_key(const struct tally_table *t, const char *key)
{
    for (size_t k = 0; k < t->key_count; k++)
        if (strcmp(t->key_names[k], key) == 0)
            return 1;
    return 0;
}

static int by_period(const struct tally_table *t)
{
    return t->key_count == 1 && (has_key(t, "month") || has_key(t, "quarter") ||
                                 has_key(t, "week") || has_key(t, "day") || has_key(t, "year"));
}

size_t report_rank_limit(const struct tally_table *t)
{
    if (t->key_count == 0 || by_period(t) || (t->key_count == 1 && has_key(t, "direction")))
        return 0;
    return has_key(t, "item") ? LOWEST_MAX : 0;
}

/* Rows of the main question, totals apart; sorted by csat, hidden last. */
static int by_csat_desc(const void *a, const void *b)
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
        if (strcmp(t->rows[i].question, q) == 0 && t->rows[i].total == totals)
            out[n++] = &t->rows[i];
    return n;
}

/* The standard columns of a group row: answered, share, interval, mean. */
static void fill_figures(struct anketa_report *r, struct doc_block *b, size_t row, size_t col,
                         const struct tally_row *t)
{
    set_count(b, row, col, t->f_answered);
    if (t->suppressed) {
        set_hidden(b, row, col + 1);
        set_hidden(b, row, col + 2);
        set_hidden(b, row, col + 3);
        return;
    }
    set_share(b, row, col + 1, t->f_csat, tone(r, t));
    set_interval(b, row, col + 2, t->lo, t->hi);
    set_number(b, row, col + 3, t->f_mean, 2);
}

static struct chart *chart_of(struct anketa_report *r, enum chart_kind kind,
                              const struct tally_table *t, const struct tally_row **rows, size_t n)
{
    struct chart *c = chart_new(kind, n, r->target);
    for (size_t i = 0; c && i < n; i++) {
        char *label = group_label(r, t, rows[i]);
        size_t chars = 0, cut = 0;
        for (const unsigned char *p = (const unsigned char *)label; p && *p; p++)
            if ((*p & 0xC0) != 0x80 && ++chars <= LABEL_CHARS)
                cut = (size_t)(p - (const unsigned char *)label);
        if (label && chars > LABEL_CHARS) {
            label[cut] = '\0';
            char *shorter = xprintf("%s…", label);
            free(label);
            label = shorter;
        }
        c->labels[i] = label;
        int hidden = rows[i]->suppressed || isnan(rows[i]->csat);
        c->value[i] = hidden ? NAN : rows[i]->csat;
        c->value_text[i] = hidden ? NULL : ru_percent(rows[i]->f_csat, 1);
        c->empty[i] = !rows[i]->suppressed && !(rows[i]->answered > 0);
        c->lo[i] = rows[i]->lo;
        c->hi[i] = rows[i]->hi;
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
    const struct tally_row **rows = calloc(t->row_count + 1, sizeof *rows);
    const struct tally_row **totals = calloc(t->row_count + 1, sizeof *totals);
    if (rows == NULL || totals == NULL) {
        free(rows);
        free(totals);
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
    struct doc_block *h = add_block(r, BLOCK_HEADING, xprintf("%s", title));
    struct doc_block *p = add_block(r, BLOCK_PARAGRAPH,
                                    xprintf("Вопрос: «%s». Удовлетворенность — доля ответов "
                                            "с двумя высшими баллами шкалы.", question_label(r, q)));
    struct doc_block *b = add_block(r, BLOCK_TABLE, xstrdup(title));
    const char *head[6];
    memcpy(head, GROUP_HEAD, sizeof head);
    char *group_head = NULL;
    for (size_t k = 0; k < t->key_count; k++) {
        char *next = xprintf("%s%s%s", group_head ? group_head : "", k ? " / " : "",
                             key_title(t->key_names[k]));
        free(group_head);
        group_head = next;
    }
    head[1] = group_head ? group_head : "Группа";
    int rc = h && p && b ? table_block(b, sheet, 6, head, n + nt) : -1;
    free(group_head);
    for (size_t i = 0; rc == 0 && i < n + nt; i++) {
        const struct tally_row *row = i < n ? rows[i] : totals[i - n];
        char *label = group_label(r, t, row);
        if (i < n)
            set_number(b, i, 0, fig_double((double)(i + 1)), 0);
        set_text(b, i, 1, label ? label : "");
        free(label);
        fill_figures(r, b, i, 2, row);
    }
    if (rc == 0 && n > 0 && n <= RANK_CHART_MAX) {
        struct doc_block *c = add_block(r, BLOCK_CHART, xstrdup(title));
        if (c == NULL || (c->chart = chart_of(r, kind, t, rows, n)) == NULL)
            rc = -1;
    }
    free(rows);
    free(totals);
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
    const char *head[18] = { "№", key_title(t->key_count ? t->key_names[0] : "Группа"), "Всего" };
    for (size_t j = 0; j < nq; j++)
        head[3 + j] = questions[j];
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
                                        "Средний балл" };
    add_block(r, BLOCK_HEADING, xstrdup("Оценки по вопросам анкеты"));
    struct doc_block *b = add_block(r, BLOCK_TABLE, xstrdup("Оценки по вопросам"));
    int rc = b ? table_block(b, "По вопросам", 5, head, t->row_count) : -1;
    for (size_t i = 0; rc == 0 && i < t->row_count; i++) {
        set_text(b, i, 0, question_label(r, t->rows[i].question));
        fill_figures(r, b, i, 1, &t->rows[i]);
    }
    return rc;
}

/* A table of 0/1 columns that are not campaign questions (connected, ready):
 * a readiness table, not satisfaction. Hidden rows have no distribution to
 * tell their scale by, so they do not count either way. */
static int is_readiness(const struct anketa_report *r, const struct tally_table *t)
{
    return t->yes_no_only > 0 && t->key_count > 0 &&
           !anketa_campaign_question(r->o.campaign, t->questions[0] + 2);
}

/* The overall row of the main question: from a table without groups, else a
 * total ('*' in every key). */
static const struct tally_row *overall(const struct anketa_report *r, const char **q)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t t = 0; t < r->table_count; t++) {
            const struct tally_table *tab = &r->tables[t];
            if ((pass == 0) != (tab->key_count == 0) || is_readiness(r, tab))
                continue;
            *q = main_question(r, tab);
            for (size_t i = 0; i < tab->row_count; i++)
                if (strcmp(tab->rows[i].question, *q) == 0 && (pass == 0 || tab->rows[i].total))
                    return &tab->rows[i];
        }
    return NULL;
}

static int headline(struct anketa_report *r)
{
    const char *q = NULL;
    const struct tally_row *o = overall(r, &q);
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
        set_share(b, 2, 1, o->f_csat, tone(r, o));
        set_interval(b, 3, 1, o->lo, o->hi);
        set_number(b, 4, 1, o->f_mean, 2);
    }
    set_text(b, 5, 0, "Целевое значение");
    set_text(b, 6, 0, "Отклонение от цели");
    if (r->target > 0) {
        set_share(b, 5, 1, r->f_target, TONE_NONE);
        if (!o->suppressed && !isnan(o->csat)) {
            struct doc_cell *c = cell(b, 6, 1);
            struct figure gap = fig_sub(o->f_csat, r->f_target);
            char *n = ru_number(gap, 2, 1);
            c->value = gap.value * 100;
            c->decimals = 1;
            c->signed_points = 1;
            /* "+" unless the rounded gap is negative ("−6,9") */
            const char *sign = n && strncmp(n, "\xE2\x88\x92", 3) != 0 ? "+" : "";
            c->text = xprintf("%s%s\xC2\xA0п.\xC2\xA0п.", sign, n ? n : "");
            c->tone = tone(r, o);
            free(n);
        }
    } else {
        set_text(b, 5, 1, "не задано");
    }
    return 0;
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
}

int report_build(struct anketa_report *r, struct anketa_error *err)
{
    r->f_target = fig_decimal(r->target);
    struct doc_block *title = add_block(r, BLOCK_HEADING, xstrdup(r->title));
    if (title)
        title->level = 0;
    add_block(r, BLOCK_PARAGRAPH,
              r->period ? xprintf("Период: %s. Отчет сформирован %s.", r->period, r->generated)
                        : xprintf("Отчет сформирован %s.", r->generated));
    int rc = headline(r);
    for (size_t i = 0; rc == 0 && i < r->table_count; i++) {
        const struct tally_table *t = &r->tables[i];
        if (t->key_count == 0)
            rc = criteria(r, t);
        else if (is_readiness(r, t))
            rc = readiness(r, t);
        else if (by_period(t))
            rc = ranking(r, t, "Динамика удовлетворенности", "Динамика", 0, CHART_LINE, 0);
        else if (t->key_count == 1 && has_key(t, "direction"))
            rc = ranking(r, t, "Удовлетворенность по направлениям", "Направления", 1, CHART_BARS, 0);
        else if (report_rank_limit(t) > 0) {
            rc = ranking(r, t, "Наименее высоко оцененные услуги и меры", "Низкие оценки", -1,
                         CHART_BARS, report_rank_limit(t));
        } else {
            char *title_text = xprintf("Рейтинг: %s", key_title(t->key_names[0]));
            rc = title_text ? ranking(r, t, title_text, "Рейтинг", 1, CHART_BARS, 0) : -1;
            free(title_text);
        }
    }
    method_note(r);
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
