/* Labels in Russian: the template's first, then the campaign's names, then
 * periods («март 2024», «I квартал 2024 г.», «неделя 9 (26.02–03.03.2024)»),
 * sources and channels; the value itself otherwise. */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

const char *report_label(const struct anketa_report *r, const char *name)
{
    for (size_t i = 0; i < r->label_count; i++)
        if (strcmp(r->label_names[i], name) == 0)
            return r->label_texts[i];
    return NULL;
}

static const char *lookup(const char *const (*names)[2], size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i][0], key) == 0)
            return names[i][1];
    return NULL;
}

#define LOOKUP(table, key) lookup(table, sizeof table / sizeof table[0], key)

static const char *const KEY_NAMES[][2] = {
        { "authority", "Орган власти" }, { "direction", "Направление" },
        { "item", "Услуга, мера поддержки, вид контроля" }, { "point", "Точка взаимодействия" },
        { "municipality", "Муниципальное образование" }, { "channel", "Канал" },
        { "source", "Источник" }, { "year", "Год" }, { "quarter", "Квартал" },
        { "month", "Месяц" }, { "week", "Неделя" }, { "day", "День" },
};

const char *key_title(const struct anketa_report *r, const char *key)
{
    const char *t = report_label(r, key);
    if (t == NULL && strcmp(key, "item") == 0 && r->item_title[0])
        t = r->item_title;      /* after the campaign's item kinds */
    if (t == NULL && strcmp(key, "point") == 0)
        t = report_point_title(r);
    if (t == NULL)
        t = LOOKUP(KEY_NAMES, key);
    return t ? t : strncmp(key, "q.", 2) == 0 ? question_label(r, key) : key;
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, size_t n, long *out)
{
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

char *report_iso_week(const char *date)
{
    long y, m, d;
    if (digits(date, 4, &y) != 0 || digits(date + 5, 2, &m) != 0 || digits(date + 8, 2, &d) != 0)
        return NULL;
    long days = days_from_civil(y, m, d), wd = ((days % 7) + 7 + 3) % 7; /* 0 = Monday */
    long thursday = days - wd + 3, ty, tm, td; /* the week's year is its Thursday's */
    civil_from_days(thursday, &ty, &tm, &td);
    return xprintf("%04ld-W%02ld", ty, (thursday - days_from_civil(ty, 1, 1)) / 7 + 1);
}

/* tally's period keys: 2024, 2024-Q1, 2024-03, 2024-W09, 2024-03-05. */
static char *period_label(const char *key, const char *v)
{
    static const char *const months[] = { "январь", "февраль", "март", "апрель", "май", "июнь",
                                          "июль", "август", "сентябрь", "октябрь", "ноябрь",
                                          "декабрь" };
    static const char *const roman[] = { "I", "II", "III", "IV" };
    size_t len = strlen(v);
    long y, a, b;
    if (len < 4 || digits(v, 4, &y) != 0)
        return NULL;
    if (strcmp(key, "year") == 0 && len == 4)
        return xprintf("%ld г.", y);
    if (strcmp(key, "quarter") == 0 && len == 7 && strncmp(v + 4, "-Q", 2) == 0 &&
        v[6] >= '1' && v[6] <= '4')
        return xprintf("%s квартал %ld г.", roman[v[6] - '1'], y);
    if (strcmp(key, "month") == 0 && len == 7 && v[4] == '-' && digits(v + 5, 2, &a) == 0 &&
        a >= 1 && a <= 12)
        return xprintf("%s %ld", months[a - 1], y);
    if (strcmp(key, "day") == 0 && len == 10 && v[4] == '-' && v[7] == '-' &&
        digits(v + 5, 2, &a) == 0 && digits(v + 8, 2, &b) == 0)
        return xprintf("%.2s.%.2s.%ld", v + 8, v + 5, y);
    if (strcmp(key, "week") == 0 && len == 8 && strncmp(v + 4, "-W", 2) == 0 &&
        digits(v + 6, 2, &a) == 0 && a >= 1 && a <= 53) {
        /* ISO 8601: week 1 holds 4 January; weeks start on Monday */
        long jan4 = days_from_civil(y, 1, 4), wd = ((jan4 % 7) + 7 + 3) % 7; /* 0 = Monday */
        long monday = jan4 - wd + (a - 1) * 7, y1, m1, d1, y2, m2, d2;
        civil_from_days(monday, &y1, &m1, &d1);
        civil_from_days(monday + 6, &y2, &m2, &d2);
        if (y1 != y2)
            return xprintf("неделя %ld (%02ld.%02ld.%ld\xE2\x80\x93%02ld.%02ld.%ld)", a, d1, m1, y1,
                           d2, m2, y2);
        return xprintf("неделя %ld (%02ld.%02ld\xE2\x80\x93%02ld.%02ld.%ld)", a, d1, m1, d2, m2, y2);
    }
    return NULL;
}

char *value_label(const struct anketa_report *r, const char *key, const char *v)
{
    static const char *const sources[][2] = {
        { "yf", "Яндекс Формы" }, { "pos", "ПОС" }, { "site", "сайт" },
        { "paper", "бумажные анкеты" },
    };
    static const char *const channels[][2] = {
        { "qr", "QR-код" }, { "site", "сайт" }, { "pos", "ПОС" }, { "paper", "бумажная анкета" },
        { "yf", "Яндекс Формы" }, { "email", "электронная почта" }, { "sms", "СМС" },
        { "vk", "ВКонтакте" }, { "mfc", "МФЦ" }, { "phone", "телефон" },
    };
    const struct anketa_campaign *c = r->o.campaign;
    if (strcmp(v, "*") == 0)
        return xstrdup("Итого");
    char *name = xprintf("%s.%s", key, v);
    const char *t = name ? report_label(r, name) : NULL;
    free(name);
    if (t)
        return xstrdup(t);
    if (strcmp(key, "authority") == 0 && anketa_campaign_authority(c, v)) {
        const struct anketa_authority *a = anketa_campaign_authority(c, v);
        return xstrdup(a->short_name ? a->short_name : a->name);
    }
    if (strcmp(key, "direction") == 0 && anketa_campaign_direction(c, v))
        return xstrdup(anketa_campaign_direction(c, v)->name);
    if (strcmp(key, "item") == 0 && anketa_campaign_item(c, v))
        return xstrdup(anketa_campaign_item(c, v)->name);
    if (strcmp(key, "point") == 0 && anketa_campaign_point(c, v))
        return xstrdup(anketa_campaign_point(c, v)->name);
    if (strcmp(key, "source") == 0 && LOOKUP(sources, v))
        return xstrdup(LOOKUP(sources, v));
    if (strcmp(key, "channel") == 0 && LOOKUP(channels, v))
        return xstrdup(LOOKUP(channels, v));
    char *p = period_label(key, v);
    if (p)
        return p;
    /* a key that is a yes/no question (or a 0/1 column): да/нет */
    const struct anketa_question *q =
        strncmp(key, "q.", 2) == 0 ? anketa_campaign_question(c, key + 2) : NULL;
    int plain = strncmp(key, "q.", 2) != 0 && LOOKUP(KEY_NAMES, key) == NULL;
    if ((plain || (q && q->yes_no)) && (strcmp(v, "0") == 0 || strcmp(v, "1") == 0))
        return xstrdup(strcmp(v, "1") == 0 ? "да" : "нет");
    return xstrdup(*v ? v : "(не указано)");
}

char *group_label(const struct anketa_report *r, const struct tally_table *t,
                  const struct tally_row *row)
{
    char *label = xstrdup("");
    for (size_t k = 0; label && k < t->key_count; k++) {
        if (k > 0 && strcmp(row->keys[k], "*") == 0)
            continue;
        char *v = value_label(r, t->key_names[k], row->keys[k]);
        char *next = v ? xprintf("%s%s%s", label, k ? " — " : "", v) : NULL;
        free(v);
        free(label);
        label = next;
    }
    return label;
}

const char *question_label(const struct anketa_report *r, const char *q)
{
    const char *t = report_label(r, q);
    const struct anketa_question *cq =
        strncmp(q, "q.", 2) == 0 ? anketa_campaign_question(r->o.campaign, q + 2) : NULL;
    if (t == NULL && cq == NULL && strncmp(q, "q.", 2) == 0)
        t = report_label(r, q + 2);
    return t ? t : cq ? cq->text : strncmp(q, "q.", 2) == 0 ? q + 2 : q;
}
