/* Which records a tally counts: a range of local dates on submitted_at and
 * --where filters on any column or derived key. They look at parsed records
 * (quoted newlines and all), before anything else of the record is judged:
 * a record left out is only counted as left out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"

static int usage(struct anketa_error *err, const char *what, const char *opt, const char *value)
{
    return anketa_error_set(err, ANKETA_ERR_USAGE, "%s '%s': %s", opt, value, what);
}

static int date_bound(const char *s, char out[11], const char *opt, struct anketa_error *err)
{
    if (s == NULL)
        return 0;
    if (!tally_valid_day(s, strlen(s)))
        return usage(err, "not a date YYYY-MM-DD", opt, s);
    memcpy(out, s, 11);
    return 0;
}

/* "COLUMN=V1,V2..." into f. */
static int parse_where(struct anketa_tally *t, const char *spec, struct tally_filter *f,
                       struct anketa_error *err)
{
    const char *eq = strchr(spec, '=');
    if (eq == NULL || eq == spec)
        return usage(err, "want COLUMN=VALUE[,VALUE...]", "--where", spec);
    size_t n = 1;
    for (const char *p = eq + 1; *p; p++)
        n += *p == ',';
    if ((f->column = strndup(spec, (size_t)(eq - spec))) == NULL ||
        (f->values = calloc(n, sizeof *f->values)) == NULL ||
        (f->lengths = calloc(n, sizeof *f->lengths)) == NULL ||
        (f->meaning = calloc(n, sizeof *f->meaning)) == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    f->kind = tally_derived_kind(f->column);
    for (size_t i = 0; i < t->question_count; i++)
        if (t->questions[i].yesno && strcmp(t->questions[i].column, f->column) == 0)
            f->yesno = YESNO_QUESTION;
    for (const char *v = eq + 1;; v++) {
        const char *end = strchr(v, ',');
        size_t len = end ? (size_t)(end - v) : strlen(v);
        size_t i = f->count;
        if ((f->values[i] = strndup(v, len)) == NULL)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        f->count++;
        f->lengths[i] = len;
        f->meaning[i] = (signed char)tally_parse_yesno(v, len);
        if (f->yesno && f->meaning[i] < 0)
            return anketa_error_set(err, ANKETA_ERR_USAGE,
                                    "--where '%s': '%.*s' is not a yes/no answer of %s", spec,
                                    (int)len, v, f->column);
        if (end == NULL)
            break;
        v = end;
    }
    /* да, нет, yes or no on any other column: every spelling of the answer */
    int words = !f->yesno;
    for (size_t i = 0; i < f->count && words; i++) {
        const char *v = f->values[i];
        words = f->meaning[i] >= 0 && !(v[0] >= '0' && v[0] <= '9') && strcmp(v, "+") != 0 &&
                strcmp(v, "-") != 0;
    }
    if (words)
        f->yesno = YESNO_WORDS;
    return 0;
}

int tally_filters_init(struct anketa_tally *t, const struct anketa_tally_config *cfg,
                       struct anketa_error *err)
{
    if (cfg->period && (cfg->from || cfg->to))
        return anketa_error_set(err, ANKETA_ERR_USAGE, "--period excludes --from and --to");
    if (cfg->period && tally_period_range(cfg->period, t->from, t->to) != 0)
        return usage(err, "not a period (want 2024, 2024-Q1, 2024-03, 2024-W09 or 2024-03-05)",
                     "--period", cfg->period);
    if (date_bound(cfg->from, t->from, "--from", err) != 0 ||
        date_bound(cfg->to, t->to, "--to", err) != 0)
        return err->code;
    if (t->from[0] && t->to[0] && strcmp(t->from, t->to) > 0)
        return anketa_error_set(err, ANKETA_ERR_USAGE, "--from %s is after --to %s", t->from,
                                t->to);
    if (cfg->where_count > TALLY_FILTERS_MAX)
        return anketa_error_set(err, ANKETA_ERR_USAGE, "more than %d --where options",
                                TALLY_FILTERS_MAX);
    if (cfg->where_count == 0)
        return 0;
    if ((t->filters = calloc(cfg->where_count, sizeof *t->filters)) == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < cfg->where_count; i++) {
        t->filter_count++;
        if (parse_where(t, cfg->where[i], &t->filters[i], err) != 0)
            return err->code;
    }
    return 0;
}

void tally_filters_free(struct anketa_tally *t)
{
    for (size_t i = 0; i < t->filter_count; i++) {
        struct tally_filter *f = &t->filters[i];
        for (size_t v = 0; v < f->count; v++)
            free(f->values[v]);
        free(f->values);
        free(f->lengths);
        free(f->meaning);
        free(f->column);
    }
    free(t->filters);
    t->filters = NULL;
    t->filter_count = 0;
}

static long find(char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return (long)i;
    return -1;
}

int tally_filter_columns(struct tally_job *j, char *const *names, size_t n, long line)
{
    const struct anketa_tally *t = j->t;
    long stamp = find(names, n, "submitted_at");
    j->stamp_col = -1;
    if (t->from[0] || t->to[0]) {
        if (stamp < 0) {
            snprintf(j->fail.msg, sizeof j->fail.msg,
                     "no column 'submitted_at' to take the dates of --from, --to or --period from");
            goto fail;
        }
        j->stamp_col = (int)stamp;
    }
    for (size_t i = 0; i < t->filter_count; i++) {
        const struct tally_filter *f = &t->filters[i];
        long c = find(names, n, f->column);
        j->filter_derived[i] = c < 0 && f->kind != TALLY_KEY_PLAIN && stamp >= 0;
        if (j->filter_derived[i])
            c = stamp;
        if (c < 0) {
            snprintf(j->fail.msg, sizeof j->fail.msg, "--where: no column '%s'%s", f->column,
                     f->kind != TALLY_KEY_PLAIN ? " (nor submitted_at to derive it from)" : "");
            goto fail;
        }
        j->filter_col[i] = (int)c;
    }
    return 0;
fail:
    j->fail.code = ANKETA_ERR_INVALID;
    j->fail.line = line;
    j->fail.column = 0;
    return -1;
}

static int bad_value(struct tally_where *bad, long line, int col, const char *what,
                     const char *s, size_t len)
{
    bad->code = ANKETA_ERR_INVALID;
    bad->line = line;
    bad->column = col + 1;
    snprintf(bad->msg, sizeof bad->msg, "%s: '%.*s'", what, (int)(len > 40 ? 40 : len), s);
    return -1;
}

/* Whether field text s is one of f's values; -1 when it is no yes/no
 * answer on a yes/no question. */
static int matches(const struct tally_filter *f, const char *s, size_t len)
{
    if (f->yesno) {
        int v = tally_parse_yesno(s, len);
        for (size_t i = 0; i < f->count && v >= 0; i++)
            if (f->meaning[i] == v)
                return 1;
        return v < 0 && len > 0 && f->yesno == YESNO_QUESTION ? -1 : 0;
    }
    for (size_t i = 0; i < f->count; i++)
        if (f->lengths[i] == len && memcmp(f->values[i], s, len) == 0)
            return 1;
    return 0;
}

int tally_filter_record(struct tally_job *j, const struct csv_record *r, struct tally_where *bad)
{
    const struct anketa_tally *t = j->t;
    const char *s;
    size_t len;
    if (j->stamp_col >= 0) {
        if ((s = tally_field_text(j, &r->f[j->stamp_col], &len)) == NULL)
            return -2;
        if (len < 10 || !tally_valid_day(s, 10) || (len > 10 && s[10] != 'T' && s[10] != ' '))
            return bad_value(bad, r->line, j->stamp_col,
                             "submitted_at does not start with a date YYYY-MM-DD", s, len);
        if ((t->from[0] && memcmp(s, t->from, 10) < 0) || (t->to[0] && memcmp(s, t->to, 10) > 0)) {
            j->left_date++;
            return 0;
        }
    }
    for (size_t i = 0; i < t->filter_count; i++) {
        const struct tally_filter *f = &t->filters[i];
        int col = j->filter_col[i];
        if ((s = tally_field_text(j, &r->f[col], &len)) == NULL)
            return -2;
        char derived[16];
        if (j->filter_derived[i]) {
            int n = tally_derive(f->kind, s, len < 11 ? len : 11, derived);
            if (n < 0)
                return bad_value(bad, r->line, col,
                                 "submitted_at does not start with a date YYYY-MM-DD", s, len);
            s = derived;
            len = (size_t)n;
        }
        int m = matches(f, s, len);
        if (m < 0) {
            bad_value(bad, r->line, col, "", s, len);
            snprintf(bad->msg, sizeof bad->msg, "%s: '%.*s' is not a yes/no answer (да/нет, "
                     "yes/no, 1/0, +/-)", f->column, (int)(len > 40 ? 40 : len), s);
            return -1;
        }
        if (m == 0) {
            j->left_where++;
            return 0;
        }
    }
    return 1;
}
