/* CSV exports for ingest: read in blocks, the encoding decided at the first
 * non-ASCII block (BOM, else strict UTF-8, else Windows-1251), the delimiter
 * sniffed from the header line, split by libcsv in its lenient mode (a stray
 * quote stays text), and each record handed to the mapping as it completes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "ingest_int.h"
#include "util.h"

#define BLOCK (1 << 20)
#define FIELD_BEGUN 2   /* libcsv's parser state inside a field */

struct reader {
    struct anketa_ingest *in;
    struct ingest_source src;
    struct anketa_error *err;
    int status;                 /* first failure; records after it are ignored */
    int have_header;
    int unclosed;               /* the last record runs to the end in a quote */
    long line, record_line;
    int row_open;
    /* The record being built: fields back to back, NUL after each. */
    char *data;
    size_t used, cap;
    size_t *offsets, *lengths, count, ocap, lcap;
    char **fields;
};

static int keep_spaces(unsigned char c)
{
    (void)c;
    return 0;
}

static void on_field(void *data, size_t len, void *ctx)
{
    struct reader *r = ctx;
    if (r->status != 0)
        return;
    if (!r->row_open) {
        r->row_open = 1;
        r->used = r->count = 0;
        r->record_line = r->line;
    }
    if (anketa_reserve((void **)&r->offsets, &r->ocap, r->count + 1, sizeof(size_t)) != 0 ||
        anketa_reserve((void **)&r->lengths, &r->lcap, r->count + 1, sizeof(size_t)) != 0 ||
        anketa_reserve((void **)&r->data, &r->cap, r->used + len + 1, 1) != 0) {
        r->status = anketa_error_set(r->err, ANKETA_ERR_NOMEM, "out of memory");
        return;
    }
    if (len)
        memcpy(r->data + r->used, data, len);
    r->data[r->used + len] = '\0';
    r->offsets[r->count] = r->used;
    r->lengths[r->count++] = len;
    r->used += len + 1;
    for (const char *p = data, *end = p + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        r->line++;
}

static void on_record(int c, void *ctx)
{
    struct reader *r = ctx;
    if (c == '\n')
        r->line++;
    if (!r->row_open || r->status != 0) {
        r->row_open = 0;
        return;
    }
    r->row_open = 0;
    char **f = realloc(r->fields, r->count * sizeof *f);
    if (f == NULL) {
        r->status = anketa_error_set(r->err, ANKETA_ERR_NOMEM, "out of memory");
        return;
    }
    r->fields = f;
    for (size_t i = 0; i < r->count; i++)
        f[i] = r->data + r->offsets[i];
    struct ingest_record rec = { f, r->lengths, r->count, r->record_line, 0 };
    if (!r->have_header) {
        r->have_header = 1;
        r->status = ingest_begin_file(r->in, &r->src, &rec, r->err);
    } else if (r->unclosed) {
        r->status = ingest_reject_raw(r->in, &rec, "unclosed quote: the record runs to the end "
                                                   "of the file", r->err);
    } else {
        r->status = ingest_take(r->in, &rec, r->err);
    }
}

/* The delimiter that the header line (outside quotes) has most of. */
static int sniff_delimiter(const char *p, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0;
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n')
            break;
        else if (c == ',')
            comma++;
        else if (c == ';')
            semi++;
        else if (c == '\t')
            tab++;
    }
    if (semi > comma && semi >= tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}

/* AUTO until a block with a non-ASCII byte: then UTF-8 if that block is
 * well-formed UTF-8 (a sequence cut by the block's end allowed), else 1251. */
static int decide_encoding(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (unsigned char)p[i] < 0x80)
        i++;
    if (i == n)
        return ANKETA_ENCODING_AUTO;
    size_t end = n, back = 0;
    while (back < 3 && end > 0 && ((unsigned char)p[end - 1] & 0xC0) == 0x80) {
        end--;
        back++;
    }
    if (end > 0 && (unsigned char)p[end - 1] >= 0xC0)
        end--;   /* a lead byte whose sequence continues in the next block */
    else
        end = n;
    return ingest_utf8_valid(p, end) ? ANKETA_ENCODING_UTF8 : ANKETA_ENCODING_CP1251;
}

int ingest_read_csv(struct anketa_ingest *in, const char *path, int encoding, int delimiter,
                    struct anketa_error *err)
{
    int is_stdin = path == NULL || strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (fp == NULL)
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
    struct reader r = { .in = in, .err = err, .line = 1 };
    r.src.name = is_stdin ? "(stdin)" : path;
    r.src.encoding = encoding;
    struct csv_parser parser;
    char *block = malloc(BLOCK);
    if (block == NULL || csv_init(&parser, CSV_REPALL_NL | CSV_APPEND_NULL) != 0) {
        free(block);
        if (!is_stdin)
            fclose(fp);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    csv_set_space_func(&parser, keep_spaces);
    int first = 1;
    size_t n;
    while (r.status == 0 && (n = fread(block, 1, BLOCK, fp)) > 0) {
        const char *p = block;
        if (first) {
            first = 0;
            if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0) {
                r.status = anketa_error_at(err, ANKETA_ERR_USAGE, r.src.name, 0, 0,
                                           "an XLSX workbook: give it as a file, not on "
                                           "standard input");
                break;
            }
            if (n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 || memcmp(p, "\xFE\xFF", 2) == 0)) {
                r.status = anketa_error_at(err, ANKETA_ERR_INVALID, r.src.name, 0, 0,
                                           "UTF-16 text: save it as UTF-8 or Windows-1251 CSV");
                break;
            }
            if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 &&
                r.src.encoding != ANKETA_ENCODING_CP1251) {
                p += 3;
                n -= 3;
                r.src.encoding = ANKETA_ENCODING_UTF8;
            }
            r.src.delimiter = delimiter ? delimiter : sniff_delimiter(p, n);
            csv_set_delim(&parser, (unsigned char)r.src.delimiter);
        }
        if (r.src.encoding == ANKETA_ENCODING_AUTO)
            r.src.encoding = decide_encoding(p, n);
        if (csv_parse(&parser, p, n, on_field, on_record, &r) != n && r.status == 0)
            r.status = anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", r.src.name);
    }
    if (r.status == 0 && ferror(fp))
        r.status = anketa_error_at(err, ANKETA_ERR_IO, r.src.name, 0, 0, "read error: %s",
                                   strerror(errno));
    if (r.status == 0) {
        r.unclosed = parser.pstate == FIELD_BEGUN && parser.quoted;
        csv_fini(&parser, on_field, on_record, &r);
        if (r.status == 0 && !r.have_header)
            r.status = anketa_error_at(err, ANKETA_ERR_INVALID, r.src.name, 0, 0,
                                       "empty input: no header row");
    }
    csv_free(&parser);
    free(block);
    free(r.data);
    free(r.offsets);
    free(r.lengths);
    free(r.fields);
    if (!is_stdin)
        fclose(fp);
    return r.status;
}
