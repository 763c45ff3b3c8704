/* anketa: one front command for the five, for systems where their short
 * names would collide. `anketa tally ...` runs the tally installed beside
 * it (same bin/ folder, never a PATH lookup that could find another install). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const struct command {
    const char *name;
    const char *what;
} commands[] = {
    { "qrgen", "the QR codes of a campaign and their manifest" },
    { "leaflet", "print-ready leaflets from a code manifest" },
    { "ingest", "survey exports into canonical responses" },
    { "tally", "satisfaction statistics by group, exact and mergeable" },
    { "report", "the report officials send upward, from tally output" },
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static void usage(void)
{
    printf("usage: anketa COMMAND [ARG...]\n"
           "       anketa help [COMMAND]\n"
           "\n"
           "Runs an anketa command, the one installed beside anketa itself:\n"
           "'anketa tally ARG...' is 'tally ARG...'.\n"
           "\n"
           "Commands (each has its man page and --help):\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        printf("  %-19s%s\n", commands[i].name, commands[i].what);
    printf("\n"
           "  -h, --help           this help (also: anketa help)\n"
           "      --version        version and libraries\n");
}

static const struct command *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    cli_usage_error("unknown command '%s' (anketa help lists them)", name);
}

/* Replaces this process by the command `name` of this program's own folder.
 * Returns only on failure: 127 when it is not there, 126 when it cannot run. */
static int run(const char *name, char **argv)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        cli_error("/proc/self/exe: %s: cannot find the folder of the commands", strerror(errno));
        return 127;
    }
    self[n] = '\0';
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%.*s/%s", (int)(strrchr(self, '/') - self), self, name);
    argv[0] = path;
    execv(path, argv);
    int e = errno;
    cli_error("%s: %s", path, strerror(e));
    return e == ENOENT ? 127 : 126;
}

int main(int argc, char **argv)
{
    cli_init("anketa");
    if (argc < 2)
        cli_usage_error("no command given");
    const char *arg = argv[1];
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0 ||
        (strcmp(arg, "help") == 0 && argc == 2)) {
        usage();
        return cli_close_stdout();
    }
    if (strcmp(arg, "--version") == 0)
        cli_version();
    if (strcmp(arg, "help") == 0) {
        if (argc > 3)
            cli_usage_error("help takes one command, not '%s'", argv[3]);
        static char help[] = "--help";
        char *help_argv[] = { NULL, help, NULL };
        return run(find(argv[2])->name, help_argv);
    }
    if (arg[0] == '-')
        cli_usage_error("unknown option '%s'", arg);
    return run(find(arg)->name, argv + 1);
}
