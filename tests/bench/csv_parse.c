/* The bare-parse ceiling for tests/bench/ingest.sh: libcsv over the export,
 * counting fields and rows through its callbacks, nothing decoded or written.
 * read() in 1 MiB blocks; the delimiter is ';' unless given.
 *   build: cc -O2 -o csv_parse csv_parse.c -lcsv
 *   usage: csv_parse FILE [DELIM]      prints "ROWS rows FIELDS fields" */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static unsigned long long fields, rows;

static void on_field(void *s, size_t len, void *data)
{
    (void)s; (void)len; (void)data;
    fields++;
}

static void on_row(int c, void *data)
{
    (void)c; (void)data;
    rows++;
}

int main(int argc, char **argv)
{
    static char buf[1 << 20];
    struct csv_parser p;
    ssize_t n;
    int fd;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s FILE [DELIM]\n", argv[0]);
        return 2;
    }
    fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    if (csv_init(&p, 0) != 0)
        return 1;
    csv_set_delim(&p, argc == 3 ? (unsigned char)argv[2][0] : ';');
    while ((n = read(fd, buf, sizeof buf)) > 0)
        if (csv_parse(&p, buf, (size_t)n, on_field, on_row, NULL) != (size_t)n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
            return 1;
        }
    if (n < 0) {
        perror(argv[1]);
        return 1;
    }
    if (csv_fini(&p, on_field, on_row, NULL) != 0) {
        fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
        return 1;
    }
    csv_free(&p);
    close(fd);
    printf("%llu rows %llu fields\n", rows, fields);
    return 0;
}
