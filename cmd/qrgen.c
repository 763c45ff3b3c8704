/* qrgen: QR codes for a campaign, or for any CSV with a url column. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <anketa/anketa.h>
#include <anketa/render.h>
#include <anketa/codes.h>
#include <anketa/adhoc.h>
#include <anketa/qrfile.h>

#include "cli.h"

struct options {
    const char *campaign;
    const char *dir;
    const char *channel;
    unsigned levels;
    enum anketa_qr_ec ec;
    struct anketa_qr_style style;
    int no_files;
    int threads;
};

static void usage(void)
{
    printf("usage: qrgen -c CAMPAIGN [-o DIR] [--level LEVELS] [--format FMT] [--size SIZE]\n"
           "             [--dpi N] [--ec L|M|Q|H] [--margin N] [--channel NAME] [--no-files] [-q]\n"
           "       qrgen [options] [CSV...|-]\n"
           "\n"
           "Makes the QR codes of a campaign (or one per row of CSVs with a 'url' column)\n"
           "and writes their manifest as CSV to standard output.\n"
           "\n"
           "  -c, --campaign FILE  campaign file (anketa-campaign(5))\n"
           "  -o, --output-dir DIR folder for the code images (default: codes)\n"
           "  -l, --level LEVELS   authority,direction,item (default: all three)\n"
           "  -f, --format FMT     png, svg, pdf, eps or txt (default: png)\n"
           "  -s, --size SIZE      pixels per module (8px) or side of the code (40mm);\n"
           "                       default 8px for png and txt, 40mm for svg, pdf, eps\n"
           "      --dpi N          resolution of PNG made from a size in mm (default 300)\n"
           "  -e, --ec LEVEL       error correction L, M, Q or H (default M)\n"
           "  -m, --margin N       quiet zone in modules (default 4)\n"
           "      --channel NAME   value of {channel} in pre-fill templates\n"
           "  -n, --no-files       write only the manifest, with an empty file column\n"
           "  -q, --quiet          no warnings or progress\n"
           "  -h, --help           this help\n"
           "      --version        version and libraries\n");
}

static int ensure_dir(const char *dir)
{
    if (mkdir(dir, 0777) != 0) {
        if (errno == EEXIST)
            return 0;
        cli_error("%s: cannot create folder: %s", dir, strerror(errno));
        return -1;
    }
    /* A new folder's own entry synced too, or a power cut could take it
     * with every code in it. */
    char parent[4096];
    snprintf(parent, sizeof parent, "%s", dir);
    for (size_t n = strlen(parent); n > 1 && parent[n - 1] == '/';)
        parent[--n] = '\0';   /* "codes/" is "codes" */
    char *slash = strrchr(parent, '/');
    if (slash == NULL)
        snprintf(parent, sizeof parent, ".");
    else
        slash[slash == parent] = '\0';   /* "/codes" keeps its "/" */
    struct anketa_error err;
    if (anketa_output_sync_dir(parent, &err) != 0) {
        cli_report(&err);
        return -1;
    }
    return 0;
}

/* DIR/base.ext, or NULL with --no-files. */
static char *code_path(const struct options *o, const char *base)
{
    if (o->no_files)
        return NULL;
    size_t n = strlen(o->dir) + strlen(base) + 8;
    char *path = malloc(n);
    if (path != NULL)
        snprintf(path, n, "%s/%s.%s", o->dir, base, anketa_qr_format_ext(o->style.format));
    return path;
}

static size_t make_codes(const struct options *o, struct anketa_qr_job *jobs, size_t n)
{
    return anketa_qr_make_batch(jobs, n, o->ec, &o->style, o->threads);
}

static int campaign_mode(const struct options *o, FILE *manifest)
{
    struct anketa_error err;
    struct anketa_campaign *c = anketa_campaign_load(o->campaign, &err);
    struct anketa_code *codes = NULL;
    size_t count = 0;
    if (c == NULL || anketa_codes_build(c, o->levels, o->channel, &codes, &count, &err) != 0) {
        cli_report(&err);
        anketa_campaign_free(c);
        return CLI_EXIT_FAILURE;
    }
    if (c->notice)
        cli_warn("%s", c->notice);
    struct anketa_qr_job *jobs = calloc(count ? count : 1, sizeof *jobs);
    char **paths = calloc(count ? count : 1, sizeof *paths);
    if (jobs == NULL || paths == NULL) {
        cli_error("out of memory");
        return CLI_EXIT_FAILURE;
    }
    for (size_t i = 0; i < count; i++) {
        jobs[i].text = codes[i].url;
        jobs[i].path = paths[i] = code_path(o, codes[i].code_id);
    }
    cli_progress("codes", 0, (unsigned long)count);
    int status = make_codes(o, jobs, count) ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
    cli_progress("codes", (unsigned long)count, (unsigned long)count);
    cli_progress_end();
    anketa_csv_write_row(manifest, (const char *const *)anketa_manifest_columns, NULL,
                         ANKETA_MANIFEST_COLUMNS);
    for (size_t i = 0; i < count; i++) {
        const struct anketa_code *k = &codes[i];
        if (jobs[i].status != 0) {
            cli_error("%s: code %s: %s", o->campaign, k->code_id, jobs[i].err.message);
            continue;
        }
        const char *row[ANKETA_MANIFEST_COLUMNS];
        anketa_code_manifest_row(c, k, paths[i], row);
        anketa_csv_write_row(manifest, row, NULL, ANKETA_MANIFEST_COLUMNS);
    }
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
    free(jobs);
    anketa_codes_free(codes, count);
    anketa_campaign_free(c);
    return status;
}

/* Ad-hoc mode (anketa/adhoc.h): one code per row of a CSV with a url column. */
struct adhoc_run {
    struct anketa_adhoc *a;
    FILE *manifest;   /* held standard output */
};

static int adhoc_file(void *ctx, const char *path)
{
    struct anketa_adhoc *a = ((struct adhoc_run *)ctx)->a;
    FILE *manifest = ((struct adhoc_run *)ctx)->manifest;
    struct anketa_error err;
    const struct anketa_csv_row *row;
    struct anketa_csv_reader *r = anketa_csv_reader_open(path, ',', &err);
    if (r == NULL || anketa_csv_reader_read_header(r, &err) != 0 ||
        anketa_adhoc_begin(a, r, manifest, &err) != 0) {
        cli_report(&err);
        anketa_csv_reader_free(r);
        return CLI_EXIT_FAILURE;
    }
    int status = CLI_EXIT_OK, rc;
    while ((rc = anketa_csv_reader_next(r, &row, &err)) > 0) {
        if (anketa_adhoc_add(a, row, manifest) != 0)
            status = CLI_EXIT_FAILURE;
        cli_progress("codes", anketa_adhoc_rows(a), 0);
    }
    if (anketa_adhoc_flush(a, manifest) != 0)
        status = CLI_EXIT_FAILURE;
    cli_progress_end();
    if (rc < 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    }
    anketa_csv_reader_free(r);
    return status;
}

int main(int argc, char **argv)
{
    enum { OPT_DPI = 256, OPT_CHANNEL };
    static const struct option longopts[] = {
        { "campaign", required_argument, NULL, 'c' },
        { "output-dir", required_argument, NULL, 'o' },
        { "level", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "size", required_argument, NULL, 's' },
        { "dpi", required_argument, NULL, OPT_DPI },
        { "ec", required_argument, NULL, 'e' },
        { "margin", required_argument, NULL, 'm' },
        { "channel", required_argument, NULL, OPT_CHANNEL },
        { "no-files", no_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 }
    };
    struct options o = { .dir = "codes", .ec = ANKETA_QR_EC_M, .threads = anketa_qr_default_threads(),
                         .levels = ANKETA_LEVEL_AUTHORITY | ANKETA_LEVEL_DIRECTION | ANKETA_LEVEL_ITEM,
                         .style = { .format = ANKETA_QR_PNG, .margin = 4, .dpi = 300 } };
    const char *size = NULL;
    struct anketa_error err;
    int ch;
    cli_init("qrgen");
    cli_renders(anketa_render_version_details());
    while ((ch = cli_getopt(argc, argv, "c:o:l:f:s:e:m:n", longopts, usage)) != -1) {
        switch (ch) {
        case 'c': o.campaign = optarg; break;
        case 'o': o.dir = optarg; break;
        case 'l':
            if ((o.levels = anketa_code_levels_parse(optarg, &err)) == 0)
                cli_usage_error("--level: %s", err.message);
            break;
        case 'f': {
            int f = anketa_qr_format_parse(optarg);
            if (f < 0)
                cli_usage_error("--format: '%s' is not png, svg, pdf, eps or txt", optarg);
            o.style.format = (enum anketa_qr_format)f;
            break;
        }
        case 's': size = optarg; break;
        case OPT_DPI: o.style.dpi = (int)cli_number(optarg, 72, 4800, "--dpi"); break;
        case 'e': {
            const char *p = strchr("LMQH", optarg[0]);
            if (p == NULL || optarg[0] == '\0' || optarg[1] != '\0')
                cli_usage_error("--ec: '%s' is not L, M, Q or H", optarg);
            o.ec = (enum anketa_qr_ec)(p - "LMQH");
            break;
        }
        case 'm': o.style.margin = (int)cli_number(optarg, 0, 100, "--margin"); break;
        case OPT_CHANNEL: o.channel = optarg; break;
        case 'n': o.no_files = 1; break;
        }
    }
    if (size == NULL)
        size = o.style.format == ANKETA_QR_PNG || o.style.format == ANKETA_QR_TXT ? "8px" : "40mm";
    if (anketa_qr_size_parse(size, &o.style, &err) != 0)
        cli_usage_error("--size: %s", err.message);
    if (o.campaign != NULL && optind < argc)
        cli_usage_error("give either a campaign (-c) or CSV files, not both");
    if (o.style.margin < 4)
        cli_warn("a quiet zone of %d modules is below the 4 that scanners expect",
                 o.style.margin);
    if (!o.no_files && ensure_dir(o.dir) != 0)
        return CLI_EXIT_FAILURE;

    /* The manifest is held until the codes are made: a killed run prints none. */
    struct anketa_output *manifest = anketa_output_open("-", &err);
    if (manifest == NULL) {
        cli_report(&err);
        return CLI_EXIT_FAILURE;
    }
    FILE *m = anketa_output_stream(manifest);
    int status;
    if (o.campaign != NULL) {
        status = campaign_mode(&o, m);
    } else {
        status = CLI_EXIT_OK;
        struct anketa_adhoc_options ao = { o.no_files ? NULL : o.dir, o.style, o.ec, o.threads,
                                           cli_diag, NULL };
        struct anketa_adhoc *a = anketa_adhoc_new(&ao);
        if (a == NULL) {
            cli_error("out of memory");
            anketa_output_abort(manifest);
            return CLI_EXIT_FAILURE;
        }
        struct adhoc_run run = { a, m };
        status = cli_each_input(argc, argv, adhoc_file, &run);
        anketa_adhoc_free(a);
    }
    /* Each code was synced before its rename; their folder once, here. The
     * manifest lists the codes made, also when some rows failed. */
    if ((!o.no_files && anketa_output_sync_dir(o.dir, &err) != 0) ||
        anketa_output_commit(manifest, &err) != 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    }
    return status;
}
