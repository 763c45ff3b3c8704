/* leaflet: print-ready leaflets from qrgen's code manifest. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <anketa/anketa.h>
#include <anketa/render.h>
#include <anketa/form.h>
#include <anketa/leaflet.h>
#include <anketa/paste.h>

#include "cli.h"

struct options {
    const char *campaign;
    struct cli_where where;
};

static void usage(void)
{
    printf("usage: leaflet -t TEMPLATE [-o OUT] [--format pdf|png|svg|html|txt|csv] [--dpi N]\n"
           "               [--bleed MM] [--crop-marks] [--pdfx] [--logo FILE] [--strict-fonts]\n"
           "               [-c CAMPAIGN] [--where COL=VALUE] [-q] [MANIFEST...|-]\n"
           "\n"
           "Draws leaflets from a code manifest (qrgen's output): one page per code, or\n"
           "grid sheets, with the QR code drawn as vectors from each row's url; or, as\n"
           "HTML or text to paste, the site module (-t site) and the e-mail reply (-t reply);\n"
           "or the paper questionnaire (-t form) and its data-entry CSV (-t form -f csv).\n"
           "\n"
           "  -t, --template NAME  authority, direction, item, grid, reply, post, form, or a\n"
           "                       path; with -f html or txt: site or reply\n"
           "  -o, --output OUT     output file (default: standard output, PDF only);\n"
           "                       several PNG or SVG pages: folder OUT without its\n"
           "                       extension, OUT-0001.png... in it (one page: OUT)\n"
           "  -f, --format FMT     pdf, png, svg, html, txt or csv (default: from OUT's\n"
           "                       extension, else pdf)\n"
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

/* One run: the document and the rows drawn and skipped so far. */
struct run {
    const struct options *o;
    struct anketa_leaflet *l;
    struct anketa_paste *p;        /* texts to paste instead of pages */
    int form;                      /* the paper form's pages */
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
        (run->p ? anketa_paste_check_header(run->p, anketa_csv_reader_header(r),
                                            anketa_csv_reader_name(r), &err)
                : anketa_leaflet_check_header(l, anketa_csv_reader_header(r),
                                              anketa_csv_reader_name(r), &err)) != 0) {
        cli_report(&err);
        anketa_csv_reader_free(r);
        return CLI_EXIT_FAILURE;
    }
    if (cli_where_columns(&o->where, r) != 0) {
        anketa_csv_reader_free(r);
        return CLI_EXIT_FAILURE;
    }
    int status = CLI_EXIT_OK, rc;
    while ((rc = anketa_csv_reader_next(r, &row, &err)) > 0) {
        if (!cli_where_match(&o->where, r, row)) {
            run->skipped++;
            continue;
        }
        const char *name = anketa_csv_reader_name(r);
        int made = run->p ? anketa_paste_add(run->p, row, name, &err)
                   : run->form ? anketa_form_add(l, row, name, &err)
                               : anketa_leaflet_add(l, row, name, &err);
        if (made < 0) {
            cli_report(&err);
            status = CLI_EXIT_FAILURE;
        } else if (made > 0) {
            run->drawn++;
        } else {
            run->skipped++;
        }
        if (l)
            cli_progress("pages", (unsigned long)anketa_leaflet_pages(l), 0);
    }
    if (rc < 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    }
    anketa_csv_reader_free(r);
    return status;
}

/* The format's name, case aside: given, else from OUT's extension, else
 * pdf; an extension that names no format is a usage error. */
static const char *format_of(const char *format, const char *name)
{
    static const char *const known[] = { "pdf", "png", "svg", "html", "txt", "csv", NULL };
    const char *ext = format ? NULL : cli_extension(name);
    const char *want = format ? format : ext ? ext : "pdf";
    for (const char *const *k = known; *k; k++)
        if (strcasecmp(want, *k) == 0)
            return *k;
    if (format)
        cli_usage_error("--format: '%s' is not pdf, png, svg, html, txt or csv", format);
    cli_usage_error("%s: '.%s' is not pdf, png, svg, html, txt or csv: give -f FORMAT", name, ext);
    return NULL;
}

/* -t form -f csv: the clerks' data-entry file (no manifest is read). */
static int entry_file(const struct anketa_campaign *c, const char *output)
{
    struct anketa_error err;
    struct anketa_output *out = anketa_output_open(output, &err);
    int rc = out ? anketa_form_entry_header(c, anketa_output_stream(out), &err) : -1;
    if (rc != 0)
        anketa_output_abort(out);
    if (rc != 0 || anketa_output_commit(out, &err) != 0) {
        cli_report(&err);
        return CLI_EXIT_FAILURE;
    }
    return cli_close_stdout();
}

/* -f html|txt: the site module or the e-mail reply, as text to paste. */
static int paste(struct run *run, enum anketa_paste_kind kind, int html,
                 const struct anketa_campaign *campaign, const char *output, int argc, char **argv)
{
    struct anketa_error err;
    struct anketa_paste_options po = { kind, html, campaign, output, cli_diag, NULL };
    if ((run->p = anketa_paste_new(&po, &err)) == NULL) {
        cli_report(&err);
        return CLI_EXIT_FAILURE;
    }
    int status = cli_each_input(argc, argv, feed, run);
    if (status == CLI_EXIT_OK && anketa_paste_finish(run->p, &err) != 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    }
    if (status == CLI_EXIT_OK && !cli_quiet())
        fprintf(stderr, "leaflet: %ld rows in %ld %s, %ld rows skipped (other levels or "
                        "--where)\n", run->drawn, anketa_paste_count(run->p),
                kind == ANKETA_PASTE_SITE ? "site modules" : "replies", run->skipped);
    else if (status != CLI_EXIT_OK)
        cli_error("nothing written: fix the rows above and run again");
    anketa_paste_free(run->p);
    if (cli_close_stdout() != CLI_EXIT_OK)
        status = CLI_EXIT_FAILURE;
    return status;
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
        { "logo", required_argument, NULL, OPT_LOGO },
        { "pdfx", no_argument, NULL, OPT_PDFX },
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
        case OPT_LOGO: lo.logo = optarg; break;
        case OPT_PDFX: lo.pdfx = 1; break;
        case OPT_STRICT_FONTS: lo.strict_fonts = 1; break;
        case 'c': o.campaign = optarg; break;
        case 'w':
            cli_where_add(&o.where, optarg);
            break;
        }
    }
    if (template_name == NULL)
        cli_usage_error("no template given (-t authority, direction, item, grid, reply, post, site, "
                        "form, or a path)");
    format = format_of(format, lo.output);
    enum anketa_paste_kind kind;
    int text = format[0] == 'h' || format[0] == 't', form = strcmp(template_name, "form") == 0;
    if (text && !anketa_paste_kind_parse(template_name, &kind))
        cli_usage_error("-f %s makes the site module or the e-mail reply: -t site or reply",
                        format);
    if (!text && strcmp(template_name, "site") == 0)
        cli_usage_error("the site module is text to paste: -f html or txt");
    if (format[0] == 'c' && !form)
        cli_usage_error("-f csv writes the data-entry file of the paper form: -t form");
    if (form && o.campaign == NULL)
        cli_usage_error("the paper form asks the campaign's questions: -c CAMPAIGN");
    lo.format = format[1] == 'd' ? ANKETA_LEAFLET_PDF : format[1] == 'n' ? ANKETA_LEAFLET_PNG
                                                                        : ANKETA_LEAFLET_SVG;
    int pages = !text && format[0] != 'c';
    if (lo.pdfx && (!pages || lo.format != ANKETA_LEAFLET_PDF))
        cli_usage_error("--pdfx makes a PDF: it cannot go with -f %s", format);
    if (pages && lo.format != ANKETA_LEAFLET_PDF && strcmp(lo.output, "-") == 0)
        cli_usage_error("PNG and SVG pages need a file name (-o OUT)");
    cli_refuse_terminal(lo.output, pages && lo.format != ANKETA_LEAFLET_SVG);
    const struct anketa_path_use paths[] = {
        { strchr(template_name, '/') ? template_name : NULL, "-t", 0 },
        { lo.logo, "--logo", 0 }, { o.campaign, "-c", 0 },
        { lo.output, "-o", 1 },
    };
    cli_check_paths(argv + optind, argc - optind, paths, 4);

    struct anketa_error err;
    struct anketa_campaign *campaign = NULL;
    if (o.campaign && (campaign = anketa_campaign_load(o.campaign, &err)) == NULL) {
        cli_report(&err);
        return CLI_EXIT_FAILURE;
    }
    if (campaign && campaign->notice)
        cli_warn("%s", campaign->notice);
    if (text || format[0] == 'c') {
        struct run run = { &o, NULL, NULL, 0, 0, 0 };
        int status = text ? paste(&run, kind, format[0] == 'h', campaign, lo.output, argc, argv)
                          : entry_file(campaign, lo.output);
        anketa_campaign_free(campaign);
        return status;
    }
    struct anketa_template *tpl = form ? anketa_form_template(&err)
                                       : anketa_template_load(template_name, &err);
    if (tpl == NULL) {
        cli_report(&err);
        anketa_campaign_free(campaign);
        return CLI_EXIT_FAILURE;
    }
    lo.tpl = tpl;
    lo.campaign = campaign;
    lo.warn = cli_diag;
    struct anketa_leaflet *l = anketa_leaflet_new(&lo, &err);
    int status = l ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
    struct run run = { &o, l, NULL, form, 0, 0 };
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
