/* leaflet: print-ready leaflets from qrgen's code manifest. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <anketa/anketa.h>
#include <anketa/render.h>
#include <anketa/leaflet.h>

#include "cli.h"

#define MAX_WHERE 16

struct options {
    const char *campaign;
    int where_count;
    char *where_col[MAX_WHERE];
    const char *where_val[MAX_WHERE];
};

static void usage(void)
{
    printf("usage: leaflet -t TEMPLATE [-o OUT] [--format pdf|png|svg] [--dpi N] [--bleed MM]\n"
           "               [--crop-marks] [--pdfx] [--logo FILE] [--strict-fonts]\n"
           "               [-c CAMPAIGN]\n"
           "               [--where COL=VALUE] [-q] [MANIFEST...|-]\n"
           "\n"
           "Draws leaflets from a code manifest (qrgen's output): one page per code, or\n"
           "grid sheets, with the QR code drawn as vectors from each row's url.\n"
           "\n"
           "  -t, --template NAME  authority, direction, item, grid, reply, post, or a path\n"
           "  -o, --output OUT     output file (default: standard output, PDF only);\n"
           "                       several PNG or SVG pages: folder OUT without its\n"
           "                       extension, OUT-0001.png... in it (one page: OUT)\n"
           "  -f, --format FMT     pdf, png or svg (default: from OUT's extension, else pdf)\n"
           "      --dpi N          PNG resolution (default: the template's, else 300)\n"
           "      --bleed MM       extend background boxes MM past the trim\n"
           "      --crop-marks     draw crop marks outside the bleed\n"
           "      --pdfx           PDF/X-4 for print: CMYK from the template, black K only\n"
           "      --logo FILE      a PNG logo for every page (else the campaign's)\n"
           "      --strict-fonts   fail when a font of the template is not installed\n"
           "  -c, --campaign FILE  campaign file: direction kinds and logos\n"
           "  -w, --where COL=VAL  only rows whose column COL is VAL (repeatable: all must hold)\n"
           "  -q, --quiet          no warnings, summary or progress\n"
           "  -h, --help           this help\n"
           "      --version        version and libraries\n");
}

static void warn_once(void *ctx, const char *message)
{
    (void)ctx;
    cli_warn("%s", message);
}

static int wanted(const struct options *o, const struct anketa_csv_reader *r,
                  const struct anketa_csv_row *row)
{
    for (int i = 0; i < o->where_count; i++) {
        int c = anketa_csv_reader_column(r, o->where_col[i]);
        if (c < 0 || (size_t)c >= row->count || strcmp(row->fields[c], o->where_val[i]) != 0)
            return 0;
    }
    return 1;
}

/* One run: the document and the rows drawn and skipped so far. */
struct run {
    const struct options *o;
    struct anketa_leaflet *l;
    long drawn, skipped;
};

/* Feeds one manifest into the document; counts rows drawn and skipped. */
static int feed(void *ctx, const char *path)
{
    struct run *run = ctx;
    const struct options *o = run->o;
    struct anketa_leaflet *l = run->l;
    struct anketa_error err;
    const struct anketa_csv_row *row;
    struct anketa_csv_reader *r = anketa_csv_reader_open(path, ',', &err);
    if (r == NULL || anketa_csv_reader_read_header(r, &err) != 0 ||
        anketa_leaflet_check_header(l, anketa_csv_reader_header(r), anketa_csv_reader_name(r),
                                    &err) != 0) {
        cli_report(&err);
        anketa_csv_reader_free(r);
        return CLI_EXIT_FAILURE;
    }
    for (int i = 0; i < o->where_count; i++)
        if (anketa_csv_reader_column(r, o->where_col[i]) < 0) {
            cli_error("%s: --where: no column '%s'", anketa_csv_reader_name(r), o->where_col[i]);
            anketa_csv_reader_free(r);
            return CLI_EXIT_FAILURE;
        }
    int status = CLI_EXIT_OK, rc;
    while ((rc = anketa_csv_reader_next(r, &row, &err)) > 0) {
        if (!wanted(o, r, row)) {
            run->skipped++;
            continue;
        }
        int made = anketa_leaflet_add(l, row, anketa_csv_reader_name(r), &err);
        if (made < 0) {
            cli_report(&err);
            status = CLI_EXIT_FAILURE;
        } else if (made > 0) {
            run->drawn++;
        } else {
            run->skipped++;
        }
        cli_progress("pages", (unsigned long)anketa_leaflet_pages(l), 0);
    }
    if (rc < 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    }
    anketa_csv_reader_free(r);
    return status;
}

/* pdf, png or svg, case aside; -1 for anything else. */
static int format_named(const char *name)
{
    static const char *const names[] = { "pdf", "png", "svg" };
    static const enum anketa_leaflet_format formats[] = { ANKETA_LEAFLET_PDF, ANKETA_LEAFLET_PNG,
                                                          ANKETA_LEAFLET_SVG };
    for (int i = 0; i < 3; i++)
        if (strcasecmp(name, names[i]) == 0)
            return (int)formats[i];
    return -1;
}

int main(int argc, char **argv)
{
    enum { OPT_DPI = 256, OPT_BLEED, OPT_CROP, OPT_LOGO, OPT_PDFX, OPT_STRICT_FONTS };
    static const struct option longopts[] = {
        { "template", required_argument, NULL, 't' },
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "dpi", required_argument, NULL, OPT_DPI },
        { "bleed", required_argument, NULL, OPT_BLEED },
        { "crop-marks", no_argument, NULL, OPT_CROP },
        { "pdfx", no_argument, NULL, OPT_PDFX },
        { "logo", required_argument, NULL, OPT_LOGO },
        { "strict-fonts", no_argument, NULL, OPT_STRICT_FONTS },
        { "campaign", required_argument, NULL, 'c' },
        { "where", required_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 }
    };
    struct options o = { 0 };
    struct anketa_leaflet_options lo = { .output = "-" };
    const char *template_name = NULL, *format = NULL;
    int ch;
    cli_init("leaflet");
    cli_renders(anketa_render_version_details());
    while ((ch = cli_getopt(argc, argv, "t:o:f:c:w:", longopts, usage)) != -1) {
        switch (ch) {
        case 't': template_name = optarg; break;
        case 'o': lo.output = optarg; break;
        case 'f': format = optarg; break;
        case OPT_DPI: lo.dpi = (double)cli_number(optarg, 36, 2400, "--dpi"); break;
        case OPT_BLEED: lo.bleed = cli_decimal(optarg, 0, 20, "--bleed"); break;
        case OPT_CROP: lo.crop_marks = 1; break;
        case OPT_PDFX: lo.pdfx = 1; break;
        case OPT_LOGO: lo.logo = optarg; break;
        case OPT_STRICT_FONTS: lo.strict_fonts = 1; break;
        case 'c': o.campaign = optarg; break;
        case 'w': {
            char *eq = strchr(optarg, '=');
            if (eq == NULL || eq == optarg)
                cli_usage_error("--where: '%s' is not COLUMN=VALUE", optarg);
            if (o.where_count == MAX_WHERE)
                cli_usage_error("--where: at most %d conditions", MAX_WHERE);
            *eq = '\0';
            o.where_col[o.where_count] = optarg;
            o.where_val[o.where_count++] = eq + 1;
            break;
        }
        }
    }
    if (template_name == NULL)
        cli_usage_error("no template given (-t authority, direction, item, grid, reply, post, or a path)");
    const char *ext = cli_extension(lo.output);
    int f = format ? format_named(format) : ext ? format_named(ext) : ANKETA_LEAFLET_PDF;
    if (f < 0 && format)
        cli_usage_error("--format: '%s' is not pdf, png or svg", format);
    if (f < 0)
        cli_usage_error("%s: '.%s' is not pdf, png or svg: give -f FORMAT", lo.output, ext);
    lo.format = (enum anketa_leaflet_format)f;
    if (lo.pdfx && lo.format != ANKETA_LEAFLET_PDF)
        cli_usage_error("--pdfx makes a PDF: it cannot go with PNG or SVG");
    if (lo.format != ANKETA_LEAFLET_PDF && strcmp(lo.output, "-") == 0)
        cli_usage_error("PNG and SVG pages need a file name (-o OUT)");
    cli_refuse_terminal(lo.output, lo.format != ANKETA_LEAFLET_SVG);
    const struct anketa_path_use paths[] = {
        { strchr(template_name, '/') ? template_name : NULL, "-t", 0 },
        { lo.logo, "--logo", 0 }, { o.campaign, "-c", 0 },
        { lo.output, "-o", 1 },
    };
    cli_check_paths(argv + optind, argc - optind, paths, 4);

    struct anketa_error err;
    struct anketa_template *tpl = anketa_template_load(template_name, &err);
    struct anketa_campaign *campaign = NULL;
    if (tpl == NULL || (o.campaign && (campaign = anketa_campaign_load(o.campaign, &err)) == NULL)) {
        cli_report(&err);
        anketa_template_free(tpl);
        return CLI_EXIT_FAILURE;
    }
    if (campaign && campaign->notice)
        cli_warn("%s", campaign->notice);
    lo.tpl = tpl;
    lo.campaign = campaign;
    lo.warn = warn_once;
    struct anketa_leaflet *l = anketa_leaflet_new(&lo, &err);
    int status = l ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
    struct run run = { &o, l, 0, 0 };
    if (l == NULL)
        cli_report(&err);
    else
        status = cli_each_input(argc, argv, feed, &run);
    int unwritten = 0;   /* the rows drew, the output could not be written */
    if (status == CLI_EXIT_OK && anketa_leaflet_finish(l, &err) != 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
        unwritten = err.code == ANKETA_ERR_IO;
    }
    cli_progress_end();
    if (status == CLI_EXIT_OK && !cli_quiet())
        fprintf(stderr, "leaflet: %ld rows drawn on %ld pages, %ld rows skipped (other levels "
                        "or --where)\n", run.drawn, anketa_leaflet_pages(l), run.skipped);
    else if (status != CLI_EXIT_OK && l != NULL && !unwritten)
        cli_error("nothing written: fix the rows above and run again");
    anketa_leaflet_free(l);
    anketa_campaign_free(campaign);
    anketa_template_free(tpl);
    if (status == CLI_EXIT_OK && cli_close_stdout() != CLI_EXIT_OK)
        status = CLI_EXIT_FAILURE;
    return status;
}
