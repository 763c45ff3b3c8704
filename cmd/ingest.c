/* ingest: survey exports into canonical responses, every record accounted for. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/anketa.h>
#include <anketa/ingest.h>

#include "cli.h"

enum { SHOWN_REJECTS = 10 };

static void usage(void)
{
    printf("usage: ingest [-c CAMPAIGN] -p PROFILE [--encoding auto|utf-8|cp1251]\n"
           "              [--delimiter auto|,|;|tab] [--tz +HH:MM] [--rejects FILE]\n"
           "              [--seen FILE] [--max-rejects N] [--anonymous [--key-file FILE]]\n"
           "              [-o FILE] [FILE...|-]\n"
           "\n"
           "Turns survey exports (CSV in UTF-8 or Windows-1251, or XLSX) into canonical\n"
           "responses. Every record is accepted, rejected with a reason, or counted as a\n"
           "duplicate; the summary on stderr says how many of each.\n"
           "\n"
           "  -c, --campaign FILE  resolve items, points and questions against the campaign\n"
           "  -p, --profile NAME   canonical, yandex-forms, pos, site, paper, or a .yaml file\n"
           "      --encoding ENC   auto (BOM, strict UTF-8, else Windows-1251), utf-8, cp1251\n"
           "      --delimiter D    auto (sniffed from the header), ',', ';' or tab\n"
           "      --tz +HH:MM      zone of local times (default: the campaign's)\n"
           "      --rejects FILE   write rejected records (file,line,reason,record)\n"
           "      --seen FILE      ids of earlier runs: skip them, add this run's\n"
           "      --max-rejects N  fail (exit 1, output not written) above N rejects\n"
           "      --threads N      1, or 2 (default) for a large regular file\n"
           "      --anonymous      ids as keyed hashes, e-mails and phones in comments masked\n"
           "      --key-file FILE  the key of --anonymous (default: $ANKETA_ANON_KEY)\n"
           "  -o, --output FILE    write to FILE atomically (default: standard output)\n"
           "  -q, --quiet          no warnings (the summary line stays)\n"
           "  -h, --help           this help\n"
           "      --version        version and libraries\n");
}

/* The line a caller counts on, on every run that got past its options. */
static void print_summary(const struct anketa_ingest_counts *n)
{
    static const struct anketa_ingest_counts none;
    if (n == NULL)
        n = &none;
    fprintf(stderr, "ingest: read %llu, accepted %llu, rejected %llu, duplicates %llu\n",
            n->read, n->accepted, n->rejected, n->duplicates);
}

struct reject_log {
    unsigned long long shown;
};

static void on_reject(void *ctx, const char *file, long line, const char *reason)
{
    struct reject_log *log = ctx;
    if (log->shown++ < SHOWN_REJECTS)
        cli_warn("%s:%ld: rejected: %s", file, line, reason);
}

static void on_warning(void *ctx, const char *file, const char *message)
{
    (void)ctx;
    cli_warn("%s: %s", file, message);
}

/* The key of --anonymous: a file's bytes without the final line end (so a
 * key written by echo equals the same key in the environment), or the
 * environment's. */
static char *read_key(const char *path, size_t *len)
{
    if (path == NULL) {
        const char *env = getenv("ANKETA_ANON_KEY");
        if (env == NULL || *env == '\0')
            cli_usage_error("--anonymous needs a key: --key-file FILE or ANKETA_ANON_KEY");
        *len = strlen(env);
        return strdup(env);
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char *key = NULL, buf[4096];
    size_t n, cap = 0;
    *len = 0;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        char *k = *len + n > cap ? realloc(key, cap = 2 * (*len + n)) : key;
        if (k == NULL)
            break;
        key = k;
        memcpy(key + *len, buf, n);
        *len += n;
    }
    int bad = ferror(fp) || (key == NULL && *len > 0);
    fclose(fp);
    while (!bad && *len > 0 && (key[*len - 1] == '\n' || key[*len - 1] == '\r'))
        (*len)--;
    if (bad || key == NULL) {
        free(key);
        return bad ? NULL : strdup("");
    }
    return key;
}

static int parse_delimiter(const char *s)
{
    if (strcmp(s, "auto") == 0)
        return 0;
    if (strcmp(s, "tab") == 0 || strcmp(s, "\t") == 0)
        return '\t';
    if (strcmp(s, ",") == 0 || strcmp(s, ";") == 0)
        return s[0];
    cli_usage_error("--delimiter must be auto, ',', ';' or tab, not '%s'", s);
}

static int parse_encoding(const char *s)
{
    if (strcmp(s, "auto") == 0)
        return ANKETA_ENCODING_AUTO;
    if (strcmp(s, "utf-8") == 0 || strcmp(s, "utf8") == 0)
        return ANKETA_ENCODING_UTF8;
    if (strcmp(s, "cp1251") == 0 || strcmp(s, "windows-1251") == 0)
        return ANKETA_ENCODING_CP1251;
    cli_usage_error("--encoding must be auto, utf-8 or cp1251, not '%s'", s);
}

enum { OPT_ENCODING = 256, OPT_DELIMITER, OPT_TZ, OPT_REJECTS, OPT_SEEN, OPT_MAX_REJECTS,
       OPT_ANONYMOUS, OPT_KEY_FILE, OPT_THREADS, OPT_VERSION };

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"campaign", required_argument, NULL, 'c'},
        {"profile", required_argument, NULL, 'p'},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"delimiter", required_argument, NULL, OPT_DELIMITER},
        {"tz", required_argument, NULL, OPT_TZ},
        {"rejects", required_argument, NULL, OPT_REJECTS},
        {"seen", required_argument, NULL, OPT_SEEN},
        {"max-rejects", required_argument, NULL, OPT_MAX_REJECTS},
        {"anonymous", no_argument, NULL, OPT_ANONYMOUS},
        {"key-file", required_argument, NULL, OPT_KEY_FILE},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    struct anketa_ingest_config cfg = { 0 };
    const char *campaign_path = NULL, *profile_name = NULL, *output = "-";
    const char *rejects_path = NULL, *seen_path = NULL, *key_path = NULL;
    long max_rejects = -1;
    int anonymous = 0, ch;

    cli_init("ingest");
    while ((ch = getopt_long(argc, argv, ":c:p:o:qh", longopts, NULL)) != -1) {
        switch (ch) {
        case 'c': campaign_path = optarg; break;
        case 'p': profile_name = optarg; break;
        case OPT_ENCODING: cfg.encoding = parse_encoding(optarg); break;
        case OPT_DELIMITER: cfg.delimiter = parse_delimiter(optarg); break;
        case OPT_TZ:
            if (anketa_parse_tz(optarg, &cfg.tz_minutes) != 0)
                cli_usage_error("--tz must be a UTC offset such as +09:00, not '%s'", optarg);
            cfg.tz_set = 1;
            break;
        case OPT_REJECTS: rejects_path = optarg; break;
        case OPT_SEEN: seen_path = optarg; break;
        case OPT_MAX_REJECTS:
            max_rejects = cli_number(optarg, 0, 2000000000L, "--max-rejects");
            break;
        case OPT_ANONYMOUS: anonymous = 1; break;
        case OPT_KEY_FILE: key_path = optarg; break;
        case OPT_THREADS: cfg.threads = (int)cli_number(optarg, 1, 2, "--threads"); break;
        case 'o': output = optarg; break;
        case 'q': cli_set_quiet(1); break;
        case 'h': usage(); return cli_close_stdout();
        case OPT_VERSION: cli_version();
        default: cli_bad_option(argv, ch);
        }
    }
    if (profile_name == NULL)
        cli_usage_error("a profile is required (-p canonical, yandex-forms, pos, site, paper "
                        "or a .yaml file)");
    if (key_path && !anonymous)
        cli_usage_error("--key-file goes with --anonymous");
    const struct anketa_path_use paths[] = { { campaign_path, "-c", 0 },
        { key_path, "--key-file", 0 }, { output, "-o", 1 }, { rejects_path, "--rejects", 1 },
        { seen_path, "--seen", 1 } };
    cli_check_paths(argv + optind, argc - optind, paths, 5);

    struct anketa_error err;
    struct anketa_campaign *campaign = NULL;
    struct anketa_profile *profile = NULL;
    struct anketa_output *outs[3] = { NULL, NULL, NULL };   /* -o, --rejects, --seen */
    struct anketa_ingest *in = NULL;
    struct reject_log log = { 0 };
    char *key = NULL;
    int status = CLI_EXIT_FAILURE, opened = 0;   /* opened: past loading, outputs tried */
    if (campaign_path && (campaign = anketa_campaign_load(campaign_path, &err)) == NULL)
        goto report;
    if ((profile = anketa_profile_load(profile_name, &err)) == NULL) {
        if (err.code == ANKETA_ERR_USAGE)
            cli_usage_error("%s", err.message);
        goto report;
    }
    if (anonymous) {
        if ((key = read_key(key_path, &cfg.key_len)) == NULL) {
            cli_error("%s: cannot read the key: %s", key_path, strerror(errno));
            goto done;
        }
        cfg.key = (const unsigned char *)key;
    }
    /* Every output opened before reading (a folder that cannot be written
     * fails the run at once) and put in place together at the end. */
    opened = 1;
    if ((outs[0] = anketa_output_open(output, &err)) == NULL ||
        (rejects_path && (outs[1] = anketa_output_open(rejects_path, &err)) == NULL) ||
        (seen_path && (outs[2] = anketa_output_open(seen_path, &err)) == NULL))
        goto report;
    static char buffer[1 << 20];   /* output in large writes */
    setvbuf(anketa_output_stream(outs[0]), buffer, _IOFBF, sizeof buffer);
    cfg.profile = profile;
    cfg.campaign = campaign;
    cfg.out = anketa_output_stream(outs[0]);
    cfg.rejects = outs[1] ? anketa_output_stream(outs[1]) : NULL;
    cfg.on_reject = on_reject;
    cfg.on_warning = on_warning;
    cfg.ctx = &log;
    if (outs[1])
        fputs("file,line,reason,record\n", cfg.rejects);
    if ((in = anketa_ingest_new(&cfg, &err)) == NULL ||
        (seen_path && anketa_ingest_load_seen(in, seen_path, &err) != 0))
        goto report;
    status = CLI_EXIT_OK;
    for (int i = optind; status == CLI_EXIT_OK && (i < argc || i == optind); i++) {
        if (anketa_ingest_file(in, i < argc ? argv[i] : "-", &err) != 0) {
            cli_report(&err);
            status = err.code == ANKETA_ERR_USAGE ? CLI_EXIT_USAGE : CLI_EXIT_FAILURE;
        }
        if (i + 1 >= argc)
            break;
    }
    goto done;
report:
    cli_report(&err);
done:;
    struct anketa_ingest_counts n = { 0 };
    if (in)
        anketa_ingest_get_counts(in, &n);
    int too_many = max_rejects >= 0 && n.rejected > (unsigned long long)max_rejects;
    int committed = 0;   /* the commit itself said what was written */
    if (status == CLI_EXIT_OK) {
        if (too_many) {   /* the rejects alone, to see why */
            anketa_output_abort(outs[0]);   /* the seen file too: nothing was taken */
            anketa_output_abort(outs[2]);
            outs[0] = outs[2] = NULL;
            status = CLI_EXIT_FAILURE;
        } else if (outs[2]) {
            anketa_ingest_write_seen(in, outs[2]);
        }
        committed = 1;
        if (anketa_output_commit_all(outs, 3, &err) != 0) {
            cli_report(&err);
            status = CLI_EXIT_FAILURE;
        }
    }
    for (int i = 0; i < 3; i++)
        anketa_output_abort(outs[i]);

    print_summary(&n);
    if (n.outside_period > 0)
        cli_warn("%llu accepted response%s dated outside the campaign's period %s..%s",
                 n.outside_period, n.outside_period == 1 ? " is" : "s are",
                 campaign && campaign->period_start ? campaign->period_start : "",
                 campaign && campaign->period_end ? campaign->period_end : "");
    if (log.shown > SHOWN_REJECTS)
        cli_warn("%llu more rejects not shown%s%s", log.shown - SHOWN_REJECTS,
                 rejects_path ? "; all are in " : "", rejects_path ? rejects_path : "");
    if (anonymous && opened)
        fprintf(stderr, "ingest: masked %llu e-mail addresses and %llu phone numbers; "
                        "left out %llu identifying columns\n",
                n.emails_masked, n.phones_masked, n.columns_dropped);
    if (too_many)
        cli_error("%llu rejects, more than --max-rejects %ld: the output is not written%s",
                  n.rejected, max_rejects, rejects_path ? ", the rejects are" : "");
    else if (status != CLI_EXIT_OK && opened && !committed)
        cli_error("nothing written: fix the input and run again");

    anketa_ingest_free(in);
    anketa_profile_free(profile);
    anketa_campaign_free(campaign);
    free(key);
    if (status == CLI_EXIT_OK && cli_close_stdout() != 0)
        status = CLI_EXIT_FAILURE;
    return status;
}
