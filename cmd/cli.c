#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <anketa/anketa.h>

#include "cli.h"

static const char *progname = "anketa";
static const char *more_versions;
static int quiet;
static int progress_shown;
static struct timespec progress_last;

void cli_init(const char *name)
{
    /* A descriptor 0, 1 or 2 closed by the caller (2>&-) would be the next
     * file opened, and messages would land in an output: /dev/null holds it. */
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
            open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
            _exit(CLI_EXIT_FAILURE);
    setlocale(LC_ALL, "");
    /* Numbers in our CSV always use '.', whatever the user's locale. */
    setlocale(LC_NUMERIC, "C");
    signal(SIGPIPE, SIG_DFL);
    progname = name;
}

const char *cli_progname(void)
{
    return progname;
}

int cli_quiet(void)
{
    return quiet;
}

CLI_PRINTF(1, 0)
static void vmessage(const char *fmt, va_list ap)
{
    if (progress_shown)
        cli_progress_end();
    fprintf(stderr, "%s: ", progname);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
}

void cli_diag(void *ctx, const struct anketa_error *diag)
{
    (void)ctx;
    if (diag->code == ANKETA_OK)
        cli_warn("%s", diag->message);
    else
        cli_report(diag);
}

void cli_report(const struct anketa_error *err)
{
    cli_error("%s", err->message[0] ? err->message : anketa_status_name(err->code));
}

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(fmt, ap);
    va_end(ap);
    fprintf(stderr, "try '%s --help'\n", progname);
    exit(CLI_EXIT_USAGE);
}

/* Reports what getopt_long refused, naming the argument; exit 2. */
CLI_NORETURN static void bad_option(char **argv, int ch)
{
    const char *arg = argv[optind - 1];
    if (ch == ':')
        cli_usage_error("option '%s' needs a value", arg);
    if (optopt != 0 && !(arg[0] == '-' && arg[1] == '-'))
        cli_usage_error("unknown option '-%c'", optopt);
    cli_usage_error("unknown option '%s'", arg);
}

enum { OPT_VERSION = 0x10000, MAX_OPTIONS = 48 };

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               void (*usage)(void))
{
    static const struct option common[] = {
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, OPT_VERSION },
        { "quiet", no_argument, NULL, 'q' },
    };
    static char optstring[64];
    static struct option all[MAX_OPTIONS + 4];
    if (optstring[0] == '\0') {
        size_t n = 0;
        while (longopts[n].name != NULL && n < MAX_OPTIONS)
            n++;
        /* ':' first: getopt_long returns ':' for a missing value, '?' for an unknown option. */
        if (n == MAX_OPTIONS || strlen(shortopts) + 4 > sizeof optstring)
            abort(); /* a command with more options than this table: make it larger */
        snprintf(optstring, sizeof optstring, ":%shq", shortopts);
        memcpy(all, longopts, n * sizeof *all);
        memcpy(all + n, common, sizeof common);
    }
    int ch = getopt_long(argc, argv, optstring, all, NULL);
    switch (ch) {
    case 'h':
        usage();
        exit(cli_close_stdout());
    case OPT_VERSION:
        cli_version();
    case 'q':
        quiet = 1;
        return cli_getopt(argc, argv, shortopts, longopts, usage);
    case ':':
    case '?':
        bad_option(argv, ch);
    default:
        return ch;
    }
}

int cli_each_input(int argc, char **argv, int (*each)(void *ctx, const char *path), void *ctx)
{
    int status = CLI_EXIT_OK;
    if (optind >= argc)
        return each(ctx, "-") != 0 ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
    for (int i = optind; i < argc; i++)
        if (each(ctx, argv[i]) != 0)
            status = CLI_EXIT_FAILURE;
    return status;
}

void cli_renders(const char *versions)
{
    more_versions = versions;
    time_t when;
    struct anketa_error err;
    if (anketa_source_date(&when, &err) != 0) {
        cli_report(&err);
        exit(CLI_EXIT_USAGE);
    }
}

void cli_version(void)
{
    printf("%s (anketa) %s\n%s\n", progname, anketa_version(), anketa_version_details());
    if (more_versions != NULL)
        printf("%s\n", more_versions);
    printf("License: MIT (the LICENSE file); the libraries above keep their own.\n");
    exit(cli_close_stdout());
}

void cli_check_paths(char **inputs, int count, const struct anketa_path_use *more, size_t n)
{
    struct anketa_path_use *uses = calloc((size_t)count + n + 1, sizeof *uses);
    if (uses == NULL)
        cli_usage_error("out of memory");
    for (int i = 0; i < count; i++)
        uses[i] = (struct anketa_path_use){ inputs[i], "an input", 0 };
    memcpy(uses + count, more, n * sizeof *uses);
    struct anketa_error err;
    int rc = anketa_paths_check(uses, (size_t)count + n, &err);
    free(uses);
    if (rc != 0)
        cli_usage_error("%s", err.message);
}

const char *cli_extension(const char *path)
{
    if (path == NULL || strcmp(path, "-") == 0)
        return NULL;
    const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
    const char *dot = strrchr(name, '.');
    return dot && dot != name && dot[1] ? dot + 1 : NULL;
}

void cli_refuse_terminal(const char *output, int binary)
{
    if (binary && anketa_output_is_terminal(output))
        cli_usage_error("binary output is not written to a terminal: give -o FILE or "
                        "redirect standard output");
}

int cli_close_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("(stdout): write error: %s", strerror(errno ? errno : EIO));
        return CLI_EXIT_FAILURE;
    }
    return CLI_EXIT_OK;
}

static int progress_wanted(void)
{
    static int wanted = -1;
    if (wanted < 0) {
        const char *fake = getenv("ANKETA_FAKE_TTY");
        wanted = (fake != NULL && strcmp(fake, "1") == 0) || isatty(STDERR_FILENO);
    }
    return wanted && !quiet;
}

void cli_progress(const char *what, unsigned long done, unsigned long total)
{
    if (!progress_wanted())
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double since = (double)(now.tv_sec - progress_last.tv_sec) +
                   (double)(now.tv_nsec - progress_last.tv_nsec) / 1e9;
    if (progress_shown && since < 0.1 && done != total)
        return;
    progress_last = now;
    progress_shown = 1;
    if (total > 0) {
        int width = 30, filled = (int)((double)done / (double)total * width);
        if (filled > width)
            filled = width;
        fprintf(stderr, "\r%s: %s [%.*s%*s] %lu/%lu", progname, what, filled,
                "##############################", width - filled, "", done, total);
    } else {
        fprintf(stderr, "\r%s: %s %lu", progname, what, done);
    }
    fflush(stderr);
}

void cli_progress_end(void)
{
    if (progress_shown) {
        progress_shown = 0;
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}
