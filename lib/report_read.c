/* Reading tally's output into tables (doc/architecture.md "Figures"). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "report_int.h"

static const char *const REQUIRED[] = { "question", "responses", "answered", "mean", "csat",
                                        "csat_low", "csat_high", "suppressed", NULL };

static int number(const char *s, double *out)
{
    if (*s == '\0') {
        *out = NAN;
        return 0;
    }
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return errno != 0 || *end != '\0' ? -1 : 0;
}

int report_read_table(struct anketa_report *r, const char *path, struct anketa_error *err)
{
    struct anketa_csv_reader *in = anketa_csv_reader_open(path, ',', err);
    if (in == NULL || anketa_csv_reader_read_header(in, err) != 0) {
        anketa_csv_reader_free(in);
        return err->code;
    }
    const char *name = anketa_csv_reader_name(in);
    int col[8];
    for (int i = 0; REQUIRED[i]; i++)
        if ((col[i] = anketa_csv_reader_column(in, REQUIRED[i])) < 0) {
            anketa_error_at(err, ANKETA_ERR_INVALID, name, 1, 0,
                            "not a tally output: no '%s' column", REQUIRED[i]);
            anketa_csv_reader_free(in);
            return err->code;
        }
    int mean_pct = anketa_csv_reader_column(in, "mean_pct");
    int n0 = anketa_csv_reader_column(in, "n0"), n2 = anketa_csv_reader_column(in, "n2");
    struct tally_table *grown = realloc(r->tables, (r->table_count + 1) * sizeof *grown);
    if (grown == NULL) {
        anketa_csv_reader_free(in);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    r->tables = grown;
    struct tally_table *t = &r->tables[r->table_count++];
    memset(t, 0, sizeof *t);
    t->file = xstrdup(name);
    t->key_count = (size_t)col[0]; /* the group columns stand before 'question' */
    t->key_names = calloc(t->key_count + 1, sizeof *t->key_names);
    const struct anketa_csv_row *h = anketa_csv_reader_header(in);
    for (size_t i = 0; t->key_names && i < t->key_count; i++)
        t->key_names[i] = xstrdup(h->fields[i]);
    const struct anketa_csv_row *row;
    size_t cap = 0;
    int rc;
    while ((rc = anketa_csv_reader_next(in, &row, err)) > 0) {
        if (row->count != h->count) {
            rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, row->line, 0,
                                 "%zu fields where the header has %zu", row->count, h->count);
            break;
        }
        if (t->row_count == cap) {
            cap = cap ? cap * 2 : 64;
            struct tally_row *nr = realloc(t->rows, cap * sizeof *nr);
            if (nr == NULL) {
                rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
                break;
            }
            t->rows = nr;
        }
        struct tally_row *tr = &t->rows[t->row_count++];
        memset(tr, 0, sizeof *tr);
        tr->keys = calloc(t->key_count + 1, sizeof *tr->keys);
        tr->total = t->key_count > 0;
        for (size_t i = 0; tr->keys && i < t->key_count; i++) {
            tr->keys[i] = xstrdup(row->fields[i]);
            tr->total &= strcmp(row->fields[i], "*") == 0;
        }
        tr->question = xstrdup(row->fields[col[0]]);
        double *dst[] = { &tr->responses, &tr->answered, &tr->mean, &tr->csat, &tr->lo, &tr->hi };
        for (int i = 0; i < 6; i++)
            if (number(row->fields[col[i + 1]], dst[i]) != 0) {
                rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, row->line, 0,
                                     "'%s' holds '%s', not a number", REQUIRED[i + 1],
                                     row->fields[col[i + 1]]);
                break;
            }
        if (rc < 0)
            break;
        tr->mean_pct = NAN;
        if (mean_pct >= 0)
            number(row->fields[mean_pct], &tr->mean_pct);
        tr->suppressed = strcmp(row->fields[col[7]], "1") == 0;
        /* A yes/no question has its n0 filled and n2 empty (outside its scale). */
        tr->yes_no = n0 >= 0 && *row->fields[n0] && (n2 < 0 || *row->fields[n2] == '\0');
    }
    if (rc == 0 && t->row_count == 0)
        rc = anketa_error_at(err, ANKETA_ERR_INVALID, name, 0, 0, "no rows: nothing to report");
    anketa_csv_reader_free(in); /* name dies with it: every message is made above */
    return rc < 0 ? rc : 0;
}

void report_free_tables(struct anketa_report *r)
{
    for (size_t t = 0; t < r->table_count; t++) {
        struct tally_table *tab = &r->tables[t];
        for (size_t i = 0; i < tab->row_count; i++) {
            for (size_t k = 0; tab->rows[i].keys && k < tab->key_count; k++)
                free(tab->rows[i].keys[k]);
            free(tab->rows[i].keys);
            free(tab->rows[i].question);
        }
        for (size_t k = 0; tab->key_names && k < tab->key_count; k++)
            free(tab->key_names[k]);
        free(tab->key_names);
        free(tab->rows);
        free(tab->file);
    }
    free(r->tables);
    r->tables = NULL;
    r->table_count = 0;
}
