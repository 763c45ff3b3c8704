/* Values of command-line options: numbers, COLUMN=VALUE pairs, --where. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

long cli_number(const char *s, long min, long max, const char *opt)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
        cli_usage_error("%s: '%s' is not a whole number from %ld to %ld", opt, s, min, max);
    return v;
}

double cli_decimal(const char *s, double min, double max, const char *opt)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !isfinite(v) || v < min || v > max)
        cli_usage_error("%s: '%s' is not a number from %g to %g", opt, s, min, max);
    return v;
}

void cli_pair(char *s, const char *opt, char **col, const char **val)
{
    char *eq = strchr(s, '=');
    if (eq == NULL || eq == s)
        cli_usage_error("%s: '%s' is not COLUMN=VALUE", opt, s);
    *eq = '\0';
    *col = s;
    *val = eq + 1;
}

void cli_where_add(struct cli_where *w, char *arg)
{
    if (w->count == CLI_WHERE_MAX)
        cli_usage_error("--where: at most %d conditions", CLI_WHERE_MAX);
    cli_pair(arg, "--where", &w->col[w->count], &w->val[w->count]);
    w->count++;
}

int cli_where_columns(const struct cli_where *w, const struct anketa_csv_reader *r)
{
    for (int i = 0; i < w->count; i++)
        if (anketa_csv_reader_column(r, w->col[i]) < 0) {
            cli_error("%s: --where: no column '%s'", anketa_csv_reader_name(r), w->col[i]);
            return -1;
        }
    return 0;
}

int cli_where_match(const struct cli_where *w, const struct anketa_csv_reader *r,
                    const struct anketa_csv_row *row)
{
    for (int i = 0; i < w->count; i++) {
        int c = anketa_csv_reader_column(r, w->col[i]);
        if (c < 0 || (size_t)c >= row->count || strcmp(row->fields[c], w->val[i]) != 0)
            return 0;
    }
    return 1;
}
