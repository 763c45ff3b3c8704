/* report: the monthly and campaign report from tally's output. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/anketa.h>
#include <anketa/render.h>
#include <anketa/report.h>

#include "cli.h"

static void usage(void)
{
    printf("usage: report [-c CAMPAIGN] [-t TEMPLATE] [-f pdf|html|xlsx|md|csv] [-o FILE]\n"
           "              [--title TEXT] [--period TEXT] [--target P] [--compare PREV.csv]\n"
           "              [--comments RESPONSES.csv] [--comments-max N] [--excel] [-q]\n"
           "              [TALLY.csv...|-]\n"
           "\n"
           "Turns tally output into a report in Russian: headline figures, rankings\n"
           "against the target, satisfaction by direction, the monthly trend, the\n"
           "lowest-rated items, readiness tables, a note on the method.\n"
           "\n"
           "  -c, --campaign FILE  names for ids, the target and minimum group\n"
           "  -t, --template NAME  report template: monthly, or a path (anketa-report(5))\n"
           "  -f, --format FMT     pdf, html, xlsx, md or csv (default: from -o, else pdf)\n"
           "  -o, --output FILE    written atomically (default: standard output)\n"
           "      --title TEXT     the report's title (default: the campaign's name)\n"
           "      --period TEXT    the period shown (default: the campaign's)\n"
           "      --target P       satisfaction target: 0.8 or 80%% (default: the campaign's)\n"
           "      --compare PREV   a tally of the previous period (same groups): the change\n"
           "                       of each group and of the headline, significance at 95%%\n"
           "      --comments FILE  canonical responses: comments per group and those of\n"
           "                       the lowest-rated responses (never of hidden groups)\n"
           "      --comments-max N comments shown per group (default 5)\n"
           "      --excel          CSV for Russian Excel: ';', decimal comma, BOM\n"
           "  -q, --quiet          no warnings\n"
           "  -h, --help           this help\n"
           "      --version        version and libraries\n");
}

static double parse_target(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end != s && *end == '%' && end[1] == '\0')
        v /= 100;
    else if (end == s || *end != '\0')
        v = -1;
    if (!(v > 0 && v <= 1))
        cli_usage_error("--target: '%s' is not a share in (0, 1] or a percentage", s);
    return v;
}

static int add_input(void *ctx, const char *path)
{
    struct anketa_error err;
    int rc = anketa_report_add_file(ctx, path, &err);
    if (rc != 0)
        cli_report(&err);
    return rc;
}

int main(int argc, char **argv)
{
    enum { OPT_TITLE = 256, OPT_PERIOD, OPT_TARGET, OPT_EXCEL, OPT_COMPARE, OPT_COMMENTS,
           OPT_COMMENTS_MAX };
    static const struct option longopts[] = {
        { "campaign", required_argument, NULL, 'c' },
        { "format", required_argument, NULL, 'f' },
        { "template", required_argument, NULL, 't' },
        { "output", required_argument, NULL, 'o' },
        { "title", required_argument, NULL, OPT_TITLE },
        { "period", required_argument, NULL, OPT_PERIOD },
        { "target", required_argument, NULL, OPT_TARGET },
        { "excel", no_argument, NULL, OPT_EXCEL },
        { "compare", required_argument, NULL, OPT_COMPARE },
        { "comments", required_argument, NULL, OPT_COMMENTS },
        { "comments-max", required_argument, NULL, OPT_COMMENTS_MAX },
        { NULL, 0, NULL, 0 }
    };
    struct anketa_report_options o = { .target = -1 };
    const char *campaign_path = NULL, *output = "-", *format = NULL;
    const char **compare = calloc((size_t)argc, sizeof *compare);
    size_t ncompare = 0;
    int ch;
    cli_init("report");
    cli_renders(anketa_render_version_details());
    while ((ch = cli_getopt(argc, argv, "c:f:o:t:", longopts, usage)) != -1) {
        switch (ch) {
        case 'c': campaign_path = optarg; break;
        case 'f': format = optarg; break;
        case 't': o.template_name = optarg; break;
        case 'o': output = optarg; break;
        case OPT_TITLE: o.title = optarg; break;
        case OPT_PERIOD: o.period = optarg; break;
        case OPT_TARGET: o.target = parse_target(optarg); break;
        case OPT_EXCEL: o.excel = 1; break;
        case OPT_COMPARE: compare[ncompare++] = optarg; break;
        case OPT_COMMENTS: o.comments = optarg; break;
        case OPT_COMMENTS_MAX: o.comments_max = cli_number(optarg, 1, 1000, "--comments-max"); break;
        }
    }
    const char *ext = cli_extension(output);
    int fmt = format ? anketa_report_format_parse(format)
            : ext ? anketa_report_format_parse(ext) : ANKETA_REPORT_PDF;
    if (fmt < 0 && format)
        cli_usage_error("--format: '%s' is not pdf, html, xlsx, md or csv", format);
    if (fmt < 0)
        cli_usage_error("%s: '.%s' is not pdf, html, xlsx, md or csv: give -f FORMAT", output, ext);
    if (o.excel && fmt != ANKETA_REPORT_CSV)
        cli_usage_error("--excel is for CSV output");
    cli_refuse_terminal(output, fmt == ANKETA_REPORT_PDF || fmt == ANKETA_REPORT_XLSX);
    const struct anketa_path_use paths[] = { { campaign_path, "-c", 0 },
                                             { output, "-o", 1 } };
    cli_check_paths(argv + optind, argc - optind, paths, 2);

    struct anketa_error err;
    struct anketa_campaign *campaign = NULL;
    if (campaign_path && (campaign = anketa_campaign_load(campaign_path, &err)) == NULL) {
        cli_report(&err);
        return CLI_EXIT_FAILURE;
    }
    o.campaign = campaign;
    struct anketa_report *r = anketa_report_new(&o, &err);
    if (r == NULL && err.code == ANKETA_ERR_USAGE) /* an unknown template name */
        cli_usage_error("%s", err.message);
    int status = r ? cli_each_input(argc, argv, add_input, r) : CLI_EXIT_FAILURE;
    if (r == NULL)
        cli_report(&err);
    for (size_t i = 0; status == CLI_EXIT_OK && i < ncompare; i++)
        if (anketa_report_add_compare(r, compare[i], &err) != 0) {
            cli_report(&err);
            status = CLI_EXIT_FAILURE;
        }
    if (status == CLI_EXIT_OK &&
        anketa_report_write(r, (enum anketa_report_format)fmt, output, &err) != 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    }
    anketa_report_free(r);
    anketa_campaign_free(campaign);
    free(compare);
    /* A failed run reported its error; stdout was not written then. */
    if (status == CLI_EXIT_OK && cli_close_stdout() != CLI_EXIT_OK)
        status = CLI_EXIT_FAILURE;
    return status;
}
