/* tally: streaming satisfaction statistics by group, exact and mergeable. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/anketa.h>
#include <anketa/campaign.h>
#include <anketa/output.h>
#include <anketa/tally.h>

#include "cli.h"

static void usage(void)
{
    printf("usage: tally [-c CAMPAIGN] [-g KEY,...] [--questions SPEC,...] [--min-n K]\n"
           "             [--from DATE] [--to DATE] [--period PERIOD] [--where COL=V,...]\n"
           "             [--totals] [--partial | --merge] [--skip-invalid] [--threads N]\n"
           "             [-o FILE] [-q] [FILE...|-]\n"
           "\n"
           "Counts answers per group and question and writes mean, share of satisfied\n"
           "(top two points) with its 95%% Wilson interval, distribution, mean as %% of\n"
           "the maximum and NPS as CSV. Input: canonical responses or any CSV (UTF-8 or\n"
           "Windows-1251, ',' ';' or tab) or XLSX (the first sheet).\n"
           "\n"
           "  -c, --campaign FILE  campaign: scales, minimum group, groups with no answers\n"
           "  -g, --group KEYS     group columns in order; also year, quarter, month,\n"
           "                       week, day from submitted_at (default: one group)\n"
           "      --questions SPECS  COLUMN, COLUMN:LO-HI or COLUMN:yes/no, comma-separated\n"
           "                       (default: every q.* column, scale from the campaign or 1-5)\n"
           "      --min-n K        hide figures answered by fewer than K (default: the\n"
           "                       campaign's min_group, else 5)\n"
           "      --from DATE      count responses from this local date on (YYYY-MM-DD)\n"
           "      --to DATE        ... up to this one, inclusive\n"
           "      --period PERIOD  2024, 2024-Q1, 2024-03, 2024-W09 or 2024-03-05\n"
           "      --where COL=V,...  count records whose column (or derived key) is one\n"
           "                       of the values; repeatable, all must hold\n"
           "      --totals         add total rows ('*' in the keys summed over) and hide\n"
           "                       what a total would reveal (complementary suppression)\n"
           "      --partial        write counts for a later --merge instead of figures\n"
           "      --merge          read partials (files or stdin) instead of responses\n"
           "      --skip-invalid   count and skip records with bad values instead of failing\n"
           "      --threads N      threads per file (default 2 for large files; 1 = off)\n"
           "  -o, --output FILE    write to FILE atomically (default: standard output)\n"
           "  -q, --quiet          no warnings\n"
           "  -h, --help           this help\n"
           "      --version        version and libraries\n");
}

/* Splits a comma list in place into a NULL-terminated array (caller frees). */
static const char **split(char *s, size_t *count)
{
    size_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == ',';
    const char **v = calloc(n + 1, sizeof *v);
    if (v == NULL)
        return NULL;
    *count = 0;
    for (char *tok = s, *next; tok; tok = next) {
        next = strchr(tok, ',');
        if (next)
            *next++ = '\0';
        if (*tok == '\0')
            cli_usage_error("empty name in the list '%s'", s);
        v[(*count)++] = tok;
    }
    return v;
}

struct input {
    struct anketa_tally *t;
    int merge;
};

static int add_input(void *ctx, const char *path)
{
    struct input *in = ctx;
    struct anketa_error err;
    int rc = in->merge ? anketa_tally_add_partial(in->t, path, &err)
                       : anketa_tally_add_file(in->t, path, &err);
    if (rc != 0)
        cli_report(&err);
    return rc;
}

/* The notes of a finished read: files lacking questions, records left out. */
static void notes(const struct anketa_tally *t)
{
    char msg[1024];
    int gap;
    for (size_t i = 0; (gap = anketa_tally_gap(t, i, msg, sizeof msg)) >= 0; i++)
        if (gap > 0)
            cli_warn("%s", msg);
    long by_date, by_where;
    const char *from, *to;
    anketa_tally_left_out(t, &by_date, &by_where, &from, &to);
    if (by_date > 0)
        cli_warn("left out %ld record%s outside %s..%s", by_date, by_date == 1 ? "" : "s",
                 from, to);
    if (by_where > 0)
        cli_warn("left out %ld record%s not matching --where", by_where,
                 by_where == 1 ? "" : "s");
}

enum { OPT_MIN_N = 256, OPT_TOTALS, OPT_PARTIAL, OPT_MERGE, OPT_SKIP, OPT_THREADS,
       OPT_QUESTIONS, OPT_FROM, OPT_TO, OPT_PERIOD, OPT_WHERE };

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"campaign", required_argument, NULL, 'c'},
        {"group", required_argument, NULL, 'g'},
        {"questions", required_argument, NULL, OPT_QUESTIONS},
        {"min-n", required_argument, NULL, OPT_MIN_N},
        {"totals", no_argument, NULL, OPT_TOTALS},
        {"partial", no_argument, NULL, OPT_PARTIAL},
        {"merge", no_argument, NULL, OPT_MERGE},
        {"skip-invalid", no_argument, NULL, OPT_SKIP},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"output", required_argument, NULL, 'o'},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"period", required_argument, NULL, OPT_PERIOD},
        {"where", required_argument, NULL, OPT_WHERE},
        {NULL, 0, NULL, 0},
    };
    struct anketa_tally_config cfg = {.min_n = -1};
    const char *campaign_path = NULL, *output = "-";
    const char **keys = NULL, **questions = NULL;
    const char **where = calloc((size_t)argc + 1, sizeof *where);
    int partial = 0, merge = 0, c;

    cli_init("tally");
    while ((c = cli_getopt(argc, argv, "c:g:o:", longopts, usage)) != -1) {
        switch (c) {
        case 'c': campaign_path = optarg; break;
        case 'g':
            free(keys);
            if ((keys = split(optarg, &cfg.key_count)) == NULL)
                cli_usage_error("out of memory");
            break;
        case OPT_QUESTIONS:
            free(questions);
            if ((questions = split(optarg, &cfg.question_count)) == NULL)
                cli_usage_error("out of memory");
            break;
        case OPT_MIN_N: cfg.min_n = cli_number(optarg, 0, 1000000000L, "--min-n"); break;
        case OPT_TOTALS: cfg.totals = 1; break;
        case OPT_PARTIAL: partial = 1; break;
        case OPT_MERGE: merge = 1; break;
        case OPT_SKIP: cfg.skip_invalid = 1; break;
        case OPT_THREADS: cfg.threads = (int)cli_number(optarg, 1, 2, "--threads"); break;
        case 'o': output = optarg; break;
        case OPT_FROM: cfg.from = optarg; break;
        case OPT_TO: cfg.to = optarg; break;
        case OPT_PERIOD: cfg.period = optarg; break;
        case OPT_WHERE:
            if (where == NULL)
                cli_usage_error("out of memory");
            where[cfg.where_count++] = optarg;
            break;
        }
    }
    if (partial && merge)
        cli_usage_error("--partial and --merge exclude each other");
    if (merge && (keys || questions))
        cli_usage_error("--merge takes the group keys and questions from the partials");
    if (merge && (cfg.from || cfg.to || cfg.period || cfg.where_count))
        cli_usage_error("--from, --to, --period and --where choose records: give them with "
                        "--partial, not --merge");
    if (partial && (cfg.totals || cfg.min_n >= 0))
        cli_usage_error("--totals and --min-n apply when figures are written, not to --partial");
    cfg.keys = keys;
    cfg.questions = questions;
    cfg.where = where;
    const struct anketa_path_use paths[] = { { campaign_path, "-c", 0 },
                                             { output, "-o", 1 } };
    cli_check_paths(argv + optind, argc - optind, paths, 2);

    struct anketa_error err;
    struct anketa_campaign *campaign = NULL;
    if (campaign_path && (campaign = anketa_campaign_load(campaign_path, &err)) == NULL) {
        cli_report(&err);
        return CLI_EXIT_FAILURE;
    }
    cfg.campaign = campaign;
    struct anketa_tally *t = anketa_tally_new(&cfg, &err);
    free(keys);
    free(questions);
    free(where);
    if (t == NULL) {
        anketa_campaign_free(campaign);
        if (err.code == ANKETA_ERR_USAGE)
            cli_usage_error("%s", err.message);
        cli_report(&err);
        return CLI_EXIT_FAILURE;
    }
    /* Every input is read before anything is written: a bad file fails the
     * run, so no figures go out that silently leave a file out. */
    struct input in = { t, merge };
    int status = cli_each_input(argc, argv, add_input, &in);
    const char *first;
    long skipped = anketa_tally_skipped(t, &first);
    if (skipped > 0)
        cli_warn("skipped %ld record%s with bad values (first: %s)", skipped,
                 skipped == 1 ? "" : "s", first);
    if (status == CLI_EXIT_OK)
        notes(t);
    if (status == CLI_EXIT_OK) {
        struct anketa_output *out = anketa_output_open(output, &err);
        int rc = out == NULL ? -1
               : partial ? anketa_tally_write_partial(t, anketa_output_stream(out), &err)
                         : anketa_tally_write(t, anketa_output_stream(out), &err);
        if (out && rc == 0)
            rc = anketa_output_commit(out, &err);
        else
            anketa_output_abort(out);
        if (rc != 0) {
            cli_report(&err);
            status = CLI_EXIT_FAILURE;
        }
    }
    anketa_tally_free(t);
    anketa_campaign_free(campaign);
    if (status == CLI_EXIT_OK && cli_close_stdout() != 0)
        status = CLI_EXIT_FAILURE;
    return status;
}
