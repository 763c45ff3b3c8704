/* The comments section (--comments FILE, canonical responses): the number
 * of comments per group of the report's first grouped table, and the
 * comments of each group's lowest-rated responses, most recent first. Never
 * from a group the tally suppressed, nor from a group or a date the report
 * does not cover. Comments are taken as ingest wrote them (masked when it
 * ran --anonymous). */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "report_int.h"

#define COMMENTS_MAX_DEFAULT 5
#define KEY_SEP "\x1F" /* between the key values of a group */

struct kept {
    long rating;        /* LONG_MAX: not rated */
    char *when, *text;
};

struct group {
    char *key;          /* the key values joined by KEY_SEP */
    const struct tally_row *row;
    long count;
    struct kept *kept;  /* the lowest-rated so far, best first */
    size_t kept_count;
};

/* a before b: lower rating, then more recent */
static int before(const struct kept *a, long rating, const char *when)
{
    if (a->rating != rating)
        return a->rating < rating;
    return strcmp(a->when, when) > 0;
}

static void keep(struct group *g, size_t max, long rating, const char *when, const char *text)
{
    size_t at = g->kept_count;
    while (at > 0 && !before(&g->kept[at - 1], rating, when))
        at--;
    if (at >= max)
        return;
    if (g->kept_count == max) { /* the last one drops out */
        free(g->kept[max - 1].when);
        free(g->kept[max - 1].text);
        g->kept_count--;
    }
    memmove(g->kept + at + 1, g->kept + at, (g->kept_count - at) * sizeof *g->kept);
    g->kept[at].rating = rating;
    g->kept[at].when = xstrdup(when);
    g->kept[at].text = xstrdup(text);
    g->kept_count++;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct group *)a)->key, ((const struct group *)b)->key);
}

/* The table the comments are grouped by: the first with groups that is
 * neither a trend nor a readiness table; else the one without groups. */
static const struct tally_table *group_table(const struct anketa_report *r)
{
    static const char *const periods[] = { "year", "quarter", "month", "week", "day" };
    const struct tally_table *none = NULL;
    for (size_t i = 0; i < r->table_count; i++) {
        const struct tally_table *t = &r->tables[i];
        if (is_readiness(r, t))
            continue;
        if (t->key_count == 0) {
            none = none ? none : t;
            continue;
        }
        int trend = 0;
        for (size_t p = 0; p < 5; p++)
            trend |= strcmp(t->key_names[0], periods[p]) == 0;
        if (!trend)
            return t;
    }
    return none;
}

/* A key of a response: its column, or a period derived from submitted_at
 * as tally derives it. NULL when it has none. */
static char *response_key(const char *key, int col, const struct anketa_csv_row *row, int when)
{
    if (col >= 0)
        return xstrdup(row->fields[col]);
    const char *s = when >= 0 ? row->fields[when] : "";
    if (strlen(s) < 10)
        return NULL;
    if (strcmp(key, "year") == 0)
        return xprintf("%.4s", s);
    if (strcmp(key, "month") == 0)
        return xprintf("%.7s", s);
    if (strcmp(key, "day") == 0)
        return xprintf("%.10s", s);
    if (strcmp(key, "quarter") == 0)
        return xprintf("%.4s-Q%d", s, ((s[5] - '0') * 10 + (s[6] - '0') - 1) / 3 + 1);
    if (strcmp(key, "week") == 0)
        return report_iso_week(s);
    return NULL;
}

static int read_comments(struct anketa_report *r, const struct tally_table *t, const char *q,
                         struct group *groups, size_t ng, size_t max, struct anketa_error *err)
{
    struct anketa_csv_reader *in = anketa_csv_reader_open(r->o.comments, ',', err);
    if (in == NULL || anketa_csv_reader_read_header(in, err) != 0) {
        anketa_csv_reader_free(in);
        return -1;
    }
    const char *name = anketa_csv_reader_name(in);
    int comment = anketa_csv_reader_column(in, "comment");
    int when = anketa_csv_reader_column(in, "submitted_at");
    int rating = anketa_csv_reader_column(in, q);
    int cols[16];
    int rc = 0;
    if (comment < 0 || when < 0)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, 1, 0,
                             "not canonical responses: no '%s' column",
                             comment < 0 ? "comment" : "submitted_at");
    for (size_t k = 0; rc == 0 && k < t->key_count && k < 16; k++) {
        cols[k] = anketa_csv_reader_column(in, t->key_names[k]);
        static const char *const periods = "|year|quarter|month|week|day|";
        char *bar = xprintf("|%s|", t->key_names[k]);
        if (cols[k] < 0 && (bar == NULL || strstr(periods, bar) == NULL))
            rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, 1, 0,
                                 "no '%s' column to group the comments by", t->key_names[k]);
        free(bar);
    }
    const struct anketa_campaign *c = r->o.campaign;
    char lo[16] = "", hi[16] = "";
    if (report_data_dates(r, lo, hi) != 0)
        *lo = '\0';
    const struct anketa_csv_row *row;
    while (rc == 0 && (rc = anketa_csv_reader_next(in, &row, err)) > 0) {
        rc = 0;
        const char *text = row->fields[comment];
        if (strspn(text, " \t\r\n") == strlen(text))
            continue;
        const char *date = row->fields[when];
        if (strlen(date) < 10)
            continue; /* not canonical: ingest writes ISO 8601 */
        if (c && c->period_start &&
            (strncmp(date, c->period_start, 10) < 0 || strncmp(date, c->period_end, 10) > 0))
            continue; /* outside the campaign's period */
        if (*lo && (strncmp(date, lo, 10) < 0 || strncmp(date, hi, 10) > 0))
            continue; /* outside the period the report's data cover */
        char *key = xstrdup("");
        for (size_t k = 0; key && k < t->key_count; k++) {
            char *v = response_key(t->key_names[k], cols[k], row, when);
            char *next = v ? xprintf("%s%s%s", key, k ? KEY_SEP : "", v) : NULL;
            free(v);
            free(key);
            key = next;
        }
        if (key == NULL)
            continue;
        struct group probe = { .key = key };
        struct group *g = bsearch(&probe, groups, ng, sizeof *groups, by_key);
        free(key);
        if (g == NULL || g->row->suppressed)
            continue; /* not in the report, or suppressed: never shown */
        g->count++;
        char *end;
        const char *v = rating >= 0 ? row->fields[rating] : "";
        long score = strtol(v, &end, 10);
        if (*v == '\0' || *end != '\0')
            score = LONG_MAX;
        size_t lead = strspn(text, " \t\r\n"), len = strlen(text + lead);
        while (len > 0 && strchr(" \t\r\n", text[lead + len - 1]) != NULL)
            len--;
        char *trimmed = xprintf("%.*s", (int)len, text + lead);
        if (trimmed)
            keep(g, max, score, date, trimmed);
        free(trimmed);
    }
    anketa_csv_reader_free(in);
    return rc;
}

static void comment_tables(struct anketa_report *r, const struct tally_table *t,
                           struct group *groups, size_t ng)
{
    const char *head1[] = { t->key_count ? key_title(r, t->key_names[0]) : "Группа",
                            "Комментариев" };
    const char *head2[] = { head1[0], "Дата", "Оценка", "Комментарий" };
    struct doc_block *b = add_block(r, BLOCK_TABLE, xstrdup("Число комментариев по группам"));
    if (b == NULL || table_block(b, "Комментарии", 2, head1, ng) != 0)
        return;
    size_t lines = 0;
    for (size_t i = 0; i < ng; i++) {
        char *label = t->key_count ? group_label(r, t, groups[i].row) : xstrdup("Все ответы");
        set_text(b, i, 0, label);
        free(label);
        if (groups[i].row->suppressed)
            set_hidden(b, i, 1);
        else
            set_count(b, i, 1, fig_double((double)groups[i].count));
        lines += groups[i].kept_count;
    }
    struct doc_block *l = add_block(r, BLOCK_TABLE,
                                    xstrdup("Комментарии к самым низким оценкам"));
    if (l == NULL || table_block(l, "Низкие оценки", 4, head2, lines) != 0)
        return;
    size_t at = 0;
    for (size_t i = 0; i < ng; i++)
        for (size_t j = 0; j < groups[i].kept_count; j++, at++) {
            const struct kept *k = &groups[i].kept[j];
            char *label = t->key_count ? group_label(r, t, groups[i].row) : xstrdup("Все ответы");
            set_text(l, at, 0, label);
            free(label);
            char *date = xprintf("%.2s.%.2s.%.4s", k->when + 8, k->when + 5, k->when);
            set_text(l, at, 1, date);
            free(date);
            if (k->rating != LONG_MAX)
                set_number(l, at, 2, fig_double((double)k->rating), 0);
            set_text(l, at, 3, k->text);
        }
}

int report_comments(struct anketa_report *r, struct anketa_error *err)
{
    if (r->o.comments == NULL)
        return 0;
    const struct tally_table *t = group_table(r);
    if (t == NULL)
        return 0;
    if (t->key_count > 16)
        return anketa_error_set(err, ANKETA_ERR_INVALID, "too many group columns for comments");
    const char *q = main_question(r, t);
    size_t max = r->o.comments_max > 0 ? (size_t)r->o.comments_max : COMMENTS_MAX_DEFAULT;
    struct group *groups = calloc(t->row_count + 1, sizeof *groups);
    if (groups == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    size_t ng = 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < t->row_count; i++) {
        const struct tally_row *row = &t->rows[i];
        if (strcmp(row->question, q) != 0 || row->total || row->subtotal)
            continue;
        char *key = xstrdup("");
        for (size_t k = 0; key && k < t->key_count; k++) {
            char *next = xprintf("%s%s%s", key, k ? KEY_SEP : "", row->keys[k]);
            free(key);
            key = next;
        }
        struct kept *kept = calloc(max, sizeof *kept);
        if (key == NULL || kept == NULL) {
            free(key);
            free(kept);
            rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
            break;
        }
        groups[ng++] = (struct group){ .key = key, .row = row, .kept = kept };
    }
    /* the table's order for the document, sorted copies for the look-up */
    struct group *sorted = rc == 0 ? malloc((ng + 1) * sizeof *sorted) : NULL;
    if (rc == 0 && sorted == NULL)
        rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    if (rc == 0) {
        memcpy(sorted, groups, ng * sizeof *sorted);
        qsort(sorted, ng, sizeof *sorted, by_key);
        rc = read_comments(r, t, q, sorted, ng, max, err);
        for (size_t i = 0; i < ng; i++) { /* back to the table's order */
            struct group probe = { .key = groups[i].key };
            groups[i] = *(struct group *)bsearch(&probe, sorted, ng, sizeof *sorted, by_key);
        }
    }
    if (rc == 0) {
        add_block(r, BLOCK_HEADING, xstrdup("Комментарии граждан"));
        add_block(r, BLOCK_PARAGRAPH,
                  xprintf("Число комментариев по группам и комментарии к самым низким оценкам "
                          "вопроса «%s» (не более %zu на группу, сначала самые низкие оценки, "
                          "при равных — самые поздние). Комментарии скрытых групп не "
                          "приводятся.", question_label(r, q), max));
        comment_tables(r, t, groups, ng);
    }
    for (size_t i = 0; i < ng; i++) {
        for (size_t j = 0; j < groups[i].kept_count; j++) {
            free(groups[i].kept[j].when);
            free(groups[i].kept[j].text);
        }
        free(groups[i].kept);
        free(groups[i].key);
    }
    free(groups);
    free(sorted);
    return rc < 0 ? rc : 0;
}
