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
    printf("usage: ingest [-c CAMPAIGN] -p PROFILE [--strict] [--encoding auto|utf-8|cp1251]\n"
           "              [--delimiter auto|,|;|tab] [--tz +HH:MM] [--rejects FILE]\n"
           "              [--seen FILE [--no-wait]] [--max-rejects N]\n"
           "              [--anonymous [--key-file FILE] [--time-precision P]]\n"
           "              [--set COL=VALUE] [--threads N] [-o FILE] [-q] [FILE...|-]\n"
           "\n"
           "Turns survey exports (CSV in UTF-8 or Windows-1251, or XLSX) into canonical\n"
           "responses. Every record is accepted, rejected with a reason, or counted as a\n"
           "duplicate; the summary on stderr says how many of each.\n"
           "\n"
           "  -c, --campaign FILE  resolve items, points and questions against the campaign\n"
           "  -p, --profile NAME   canonical, yandex-forms, pos, site, paper, or a .yaml file\n"
           "      --strict         a question without a column, or a column answering\n"
           "                       nothing, is an error (exit 1), not a warning\n"
           "      --encoding ENC   auto (BOM, strict UTF-8, else Windows-1251), utf-8, cp1251\n"
           "      --delimiter D    auto (sniffed from the header), ',', ';' or tab\n"
           "      --tz +HH:MM      zone of local times (default: the campaign's)\n"
           "      --rejects FILE   write rejected records (file,line,reason,record)\n"
           "      --seen FILE      ids of earlier runs: skip them, add this run's\n"
           "      --no-wait        fail if another ingest holds the seen file, not wait\n"
           "      --max-rejects N  fail (exit 1, output not written) above N rejects,\n"
           "                       or above N%% of the records read (--max-rejects 5%%)\n"
           "      --set COL=VALUE  the value of authority, direction, source, channel or point\n"
           "                       where a file has no such column or leaves it empty\n"
           "      --threads N      1, or 2 (default) for a large regular file\n"
           "      --anonymous      ids as keyed hashes; e-mails, phones, SNILS, INN, passport\n"
           "                       and card numbers masked in comments and rejects\n"
           "      --key-file FILE  the key of --anonymous (default: $ANKETA_ANON_KEY)\n"
           "      --time-precision day|hour|minute\n"
           "                       what --anonymous keeps of times (default: hour)\n"
           "  -o, --output FILE    write to FILE atomically (default: standard output)\n"
           "  -q, --quiet          no warnings (the summary line stays)\n"
           "  -h, --help           this help\n"
           "      --version        version and libraries\n");
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

/* The key of --anonymous: a file's, or the environment's. */
static unsigned char *read_key(const char *path, size_t *len, struct anketa_error *err)
{
    const char *env = getenv("ANKETA_ANON_KEY");
    if (path)
        return anketa_ingest_read_key(path, len, err);
    if (env == NULL || *env == '\0')
        cli_usage_error("--anonymous needs a key: --key-file FILE or ANKETA_ANON_KEY");
    *len = strlen(env);
    return (unsigned char *)strdup(env);
}

/* An option that takes one of a few words, or a usage error. */
static int choice(const char *option, const char *value, const char *words)
{
    int v = anketa_ingest_option(option, value);
    if (v < 0)
        cli_usage_error("--%s must be %s, not '%s'", option, words, value);
    return v;
}

enum { OPT_ENCODING = 256, OPT_DELIMITER, OPT_TZ, OPT_REJECTS, OPT_SEEN, OPT_MAX_REJECTS,
       OPT_ANONYMOUS, OPT_KEY_FILE, OPT_TIME_PRECISION, OPT_THREADS, OPT_NO_WAIT, OPT_STRICT,
       OPT_SET };

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
        {"no-wait", no_argument, NULL, OPT_NO_WAIT},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"max-rejects", required_argument, NULL, OPT_MAX_REJECTS},
        {"anonymous", no_argument, NULL, OPT_ANONYMOUS},
        {"key-file", required_argument, NULL, OPT_KEY_FILE},
        {"time-precision", required_argument, NULL, OPT_TIME_PRECISION},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"set", required_argument, NULL, OPT_SET},
        {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    struct anketa_ingest_config cfg = { 0 };
    const char *campaign_path = NULL, *profile_name = NULL, *output = "-";
    const char *rejects_path = NULL, *seen_path = NULL, *key_path = NULL, *precision = NULL;
    struct anketa_reject_limit limit = { 0 };
    const char *limit_text = NULL;
    int anonymous = 0, ch;

    cli_init("ingest");
    while ((ch = cli_getopt(argc, argv, "c:p:o:", longopts, usage)) != -1) {
        switch (ch) {
        case 'c': campaign_path = optarg; break;
        case 'p': profile_name = optarg; break;
        case OPT_ENCODING: cfg.encoding = choice("encoding", optarg, "auto, utf-8 or cp1251"); break;
        case OPT_DELIMITER: cfg.delimiter = choice("delimiter", optarg, "auto, ',', ';' or tab"); break;
        case OPT_TZ:
            if (anketa_parse_tz(optarg, &cfg.tz_minutes) != 0)
                cli_usage_error("--tz must be a UTC offset such as +09:00, not '%s'", optarg);
            cfg.tz_set = 1;
            break;
        case OPT_REJECTS: rejects_path = optarg; break;
        case OPT_SEEN: seen_path = optarg; break;
        case OPT_NO_WAIT: cfg.no_wait = 1; break;
        case OPT_STRICT: cfg.strict = 1; break;
        case OPT_MAX_REJECTS:
            if (anketa_reject_limit_parse(optarg, &limit) != 0)
                cli_usage_error("--max-rejects must be a number of records or a percentage "
                                "such as 5%%, not '%s'", optarg);
            limit_text = optarg;
            break;
        case OPT_ANONYMOUS: anonymous = 1; break;
        case OPT_KEY_FILE: key_path = optarg; break;
        case OPT_TIME_PRECISION: precision = optarg; break;
        case OPT_THREADS: cfg.threads = (int)cli_number(optarg, 1, 2, "--threads"); break;
        case OPT_SET: {
            char *col;
            const char *val;
            cli_pair(optarg, "--set", &col, &val);
            if (anketa_ingest_config_set(&cfg, col, val) != 0)
                cli_usage_error("--set: '%s' is not authority, direction, source, channel or "
                                "point", col);
            break;
        }
        case 'o': output = optarg; break;
        }
    }
    if (profile_name == NULL)
        cli_usage_error("a profile is required (-p canonical, yandex-forms, pos, site, paper "
                        "or a .yaml file)");
    if ((key_path || precision) && !anonymous)
        cli_usage_error("%s goes with --anonymous", key_path ? "--key-file" : "--time-precision");
    if (anonymous)
        cfg.time_precision = precision ? choice("time-precision", precision, "day, hour or minute")
                                       : ANKETA_TIME_HOUR;
    if (cfg.no_wait && !seen_path)
        cli_usage_error("--no-wait goes with --seen");
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
    unsigned char *key = NULL;
    int status = CLI_EXIT_FAILURE, opened = 0;   /* opened: past loading, outputs tried */
    if (campaign_path && (campaign = anketa_campaign_load(campaign_path, &err)) == NULL)
        goto report;
    if ((profile = anketa_profile_load(profile_name, &err)) == NULL) {
        if (err.code == ANKETA_ERR_USAGE)
            cli_usage_error("%s", err.message);
        goto report;
    }
    if (anonymous) {
        if ((key = read_key(key_path, &cfg.key_len, &err)) == NULL)
            goto report;
        cfg.key = key;
    }
    /* Every output opened before reading (a folder that cannot be written
     * fails the run at once; standard output is held) and put in place
     * together at the end. */
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
    cfg.on_warning = cli_diag;
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
    int verdict = status == CLI_EXIT_OK ? anketa_reject_verdict(&limit, &n) : ANKETA_REJECTS_OK;
    int committed = 0;   /* the commit itself says what was written */
    if (status == CLI_EXIT_OK && verdict != ANKETA_REJECTS_OK) {
        anketa_output_abort(outs[0]);   /* the rejects alone, to see why */
        anketa_output_abort(outs[2]);
        outs[0] = outs[2] = NULL;
        status = CLI_EXIT_FAILURE;
    } else if (status == CLI_EXIT_OK && outs[2] &&
               anketa_ingest_write_seen(in, outs[2], &err) != 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    } else {
        committed = status == CLI_EXIT_OK;
    }
    if ((committed || verdict != ANKETA_REJECTS_OK) &&
        anketa_output_commit_all(outs, 3, &err) != 0) {
        cli_report(&err);
        status = CLI_EXIT_FAILURE;
    }
    for (int i = 0; i < 3; i++)
        anketa_output_abort(outs[i]);

    /* The line a caller counts on, on every run that got past its options. */
    fprintf(stderr, "ingest: read %llu, accepted %llu, rejected %llu, duplicates %llu\n",
            n.read, n.accepted, n.rejected, n.duplicates);
    char notes[1024];
    if (anketa_ingest_notes(&n, campaign, notes, sizeof notes) > 0)
        for (char *line = strtok(notes, "\n"); line; line = strtok(NULL, "\n"))
            cli_warn("%s", line);
    if (log.shown > SHOWN_REJECTS)
        cli_warn("%llu more rejects not shown%s%s", log.shown - SHOWN_REJECTS,
                 rejects_path ? "; all are in " : "", rejects_path ? rejects_path : "");
    char masked[256];
    if (anonymous && opened && anketa_ingest_masked(&n, masked, sizeof masked) > 0)
        fprintf(stderr, "ingest: %s\n", masked);
    /* What a run stopped by its rejects wrote, exactly. */
    char wrote[160];
    snprintf(wrote, sizeof wrote, "the output is not written%s%s",
             seen_path ? ", the seen file not updated" : "",
             rejects_path ? "; the rejects are written" : "");
    if (verdict == ANKETA_REJECTS_TOO_MANY)
        cli_error("%llu rejects, more than --max-rejects %s: %s", n.rejected, limit_text, wrote);
    else if (verdict == ANKETA_REJECTS_ALL)
        cli_error("%llu record%s rejected and none accepted: %s", n.rejected,
                  n.rejected == 1 ? "" : "s", wrote);
    else if (status != CLI_EXIT_OK && opened && !committed)
        cli_error("nothing written: the outputs and the seen file are as they were");

    anketa_ingest_free(in);
    anketa_profile_free(profile);
    anketa_campaign_free(campaign);
    free(key);
    if (status == CLI_EXIT_OK && cli_close_stdout() != 0)
        status = CLI_EXIT_FAILURE;
    return status;
}
