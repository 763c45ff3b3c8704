/* The front end shared by the commands: messages, usage errors, numbers,
 * progress. Linked into each command, never installed. */
#ifndef ANKETA_CLI_H
#define ANKETA_CLI_H

#include <getopt.h>
#include <stdio.h>

#include <anketa/csv.h>
#include <anketa/error.h>
#include <anketa/output.h>

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define CLI_NORETURN __attribute__((noreturn))
#else
#define CLI_PRINTF(f, a)
#define CLI_NORETURN
#endif

enum { CLI_EXIT_OK = 0, CLI_EXIT_FAILURE = 1, CLI_EXIT_USAGE = 2 };

/* Opens /dev/null on any of descriptors 0, 1, 2 that is closed; sets the
 * locale and the program name used in every message. */
void cli_init(const char *progname);
const char *cli_progname(void);

/* "prog: message" on stderr (unless quiet, for warnings). */
void cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);
void cli_warn(const char *fmt, ...) CLI_PRINTF(1, 2);
void cli_report(const struct anketa_error *err);
/* The library's diagnostics (anketa_diag_fn): a warning through cli_warn,
 * an error through cli_report. */
void cli_diag(void *ctx, const struct anketa_error *diag);
/* Whether -q/--quiet was given. */
int cli_quiet(void);

/* "prog: message", "try 'prog --help'", exit 2. */
CLI_NORETURN void cli_usage_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* getopt_long for every command. The command lists only its own options
 * (shortopts without a leading ':'); -h/--help, --version and -q/--quiet are
 * added and handled here (help prints usage() and exits, version exits,
 * quiet silences warnings), and an unknown option or a missing value is one
 * usage error. Returns the next option of the command's own, or -1 when the
 * operands start at optind. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               void (*usage)(void));

/* Calls each(ctx, path) for every operand from optind on, or for "-"
 * (standard input) when there is none; every input is tried. Returns
 * CLI_EXIT_OK, or CLI_EXIT_FAILURE when any call returned non-zero. */
int cli_each_input(int argc, char **argv, int (*each)(void *ctx, const char *path), void *ctx);

/* For a command that writes documents: the render part's libraries for
 * --version, and SOURCE_DATE_EPOCH checked (a malformed value: exit 2). */
void cli_renders(const char *versions);

/* --version: the version and those of the libraries anketa uses; exit 0. */
CLI_NORETURN void cli_version(void);

/* A whole number for option `opt` in [min, max], or a usage error. */
long cli_number(const char *s, long min, long max, const char *opt);
/* A decimal number for option `opt` in [min, max], or a usage error. */
double cli_decimal(const char *s, double min, double max, const char *opt);

/* Refuses (usage error, exit 2) a run of which an output names the same
 * file as an input or another output (anketa_paths_check): inputs[0..count)
 * and the paths in more[0..n), before anything is read. */
void cli_check_paths(char **inputs, int count, const struct anketa_path_use *more, size_t n);

/* The extension of path's file name without the dot ("XLSX" in
 * "ОТЧЕТ.XLSX"), or NULL for none, "-" or a name that only starts with a dot. */
const char *cli_extension(const char *path);

/* Refuses (usage error) binary output (binary != 0) to a terminal, like gzip. */
void cli_refuse_terminal(const char *output, int binary);

/* "COLUMN=VALUE" of option `opt` split in place (the '=' becomes NUL): the
 * column in *col, the value in *val; a usage error when there is no '=' or no
 * column. */
void cli_pair(char *s, const char *opt, char **col, const char **val);

/* --where COL=VALUE conditions on the rows of a CSV input: all must hold. */
#define CLI_WHERE_MAX 16
struct cli_where {
    int count;
    char *col[CLI_WHERE_MAX];
    const char *val[CLI_WHERE_MAX];
};
/* Adds one "COL=VALUE" (split in place); a usage error past CLI_WHERE_MAX. */
void cli_where_add(struct cli_where *w, char *arg);
/* -1, with a message naming the file, when a column is not in r's header. */
int cli_where_columns(const struct cli_where *w, const struct anketa_csv_reader *r);
/* Whether the row holds every condition. */
int cli_where_match(const struct cli_where *w, const struct anketa_csv_reader *r,
                    const struct anketa_csv_row *row);

/* Flushes stdout; a write error is reported and returns 1 (a closed pipe
 * ends the process quietly through SIGPIPE before this). */
int cli_close_stdout(void);

/* A progress bar on stderr when it is a terminal (or ANKETA_FAKE_TTY=1 is set,
 * for tests), redrawn at most ten times a second. total may be 0 (unknown). */
void cli_progress(const char *what, unsigned long done, unsigned long total);
void cli_progress_end(void);

#endif
