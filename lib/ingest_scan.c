/* A regular CSV file looked at whole before it is read: its size, so that a
 * file that shrinks or grows while it is read is noticed, and (encoding
 * auto) its encoding from every line, not from the first block: a file is
 * UTF-8 when every line is, Windows-1251 when no non-ASCII line is UTF-8,
 * and when it has both it is mixed, read in the encoding most of its
 * non-ASCII lines are in, and the records in the other are rejected. One
 * pass of memchr and an ASCII test eight bytes at a time: about as cheap as
 * the read itself (see ingest(1)). The decisions for a stream (its first
 * non-ASCII block) and the delimiter are here too; tally makes them alike. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest_int.h"

#define BLOCK INGEST_BLOCK

struct tally {
    unsigned long long utf8, other;   /* non-ASCII lines that are UTF-8, and that are not */
    long line;                        /* the current line */
    int non_ascii, bad;               /* of the current line so far */
    long first_utf8[3], first_other[3];
};

static void note(long *first, unsigned long long count, long line)
{
    if (count <= 3)
        first[count - 1] = line;
}

static void end_line(struct tally *t)
{
    if (t->bad)
        note(t->first_other, ++t->other, t->line);
    else if (t->non_ascii)
        note(t->first_utf8, ++t->utf8, t->line);
    t->line++;
    t->non_ascii = t->bad = 0;
}

/* The first non-ASCII byte of [p, end), or end. */
static const char *non_ascii(const char *p, const char *end)
{
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (w & 0x8080808080808080ULL)
            break;
        p += 8;
    }
    while (p < end && (unsigned char)*p < 0x80)
        p++;
    return p;
}

/* Where a UTF-8 sequence cut by the end of [p, end) starts, or end: what is
 * looked at again with the next block. */
static const char *cut_sequence(const char *p, const char *end)
{
    const char *e = end;
    int back = 0;
    while (back < 3 && e > p && ((unsigned char)e[-1] & 0xC0) == 0x80) {
        e--;
        back++;
    }
    return e > p && (unsigned char)e[-1] >= 0xC0 ? e - 1 : end;
}

/* Classifies the lines of buf[0, n); returns how many bytes at the end are
 * an unfinished sequence to carry into the next block. */
static size_t classify(struct tally *t, const char *buf, size_t n, int last)
{
    const char *p = buf, *end = buf + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        if (!t->bad) {
            const char *q = non_ascii(p, stop);
            if (q < stop) {
                t->non_ascii = 1;
                const char *upto = nl || last ? stop : cut_sequence(q, stop);
                if (!ingest_utf8_valid(q, (size_t)(upto - q)))
                    t->bad = 1;
                else if (upto < stop)
                    return (size_t)(stop - upto);
            }
        }
        if (nl == NULL)
            break;
        end_line(t);
        p = nl + 1;
    }
    return 0;
}

/* "line 5", or "lines 5, 9, 12, ... (40 in all)". */
static void list_lines(char *out, size_t cap, const long *first, unsigned long long count)
{
    size_t len = (size_t)snprintf(out, cap, "line%s ", count > 1 ? "s" : "");
    for (unsigned long long i = 0; i < count && i < 3 && len < cap; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s%ld", i ? ", " : "", first[i]);
    if (count > 3 && len < cap)
        snprintf(out + len, cap - len, ", ... (%llu in all)", count);
}

/* One pass over the file from its start. With t NULL, whether it is all
 * UTF-8 (*all), stopping at the first block that is not; else each line
 * classified into t. The bytes read, or -1 with errno on a read error. */
static long long pass(FILE *fp, char *buf, struct tally *t, int *all, int *bom)
{
    size_t carry = 0, n;
    long long total = 0;
    *all = 1;
    while ((n = fread(buf + carry, 1, BLOCK, fp)) > 0) {
        if (total == 0)
            *bom = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
        total += (long long)n;
        n += carry;
        if (t)
            carry = classify(t, buf, n, 0);
        else {
            carry = (size_t)(buf + n - cut_sequence(buf, buf + n));
            if (!ingest_utf8_valid(buf, n - carry)) {
                *all = 0;
                return total;
            }
        }
        memmove(buf, buf + n - carry, carry);
    }
    if (ferror(fp))
        return -1;
    if (t) {
        classify(t, buf, carry, 1);
        if (t->non_ascii || t->bad)
            end_line(t);
    } else if (!ingest_utf8_valid(buf, carry))
        *all = 0;
    return total;
}

int ingest_scan_file(FILE *fp, struct ingest_source *src, char *warning, size_t warning_cap,
                     struct anketa_error *err)
{
    struct stat st;
    warning[0] = '\0';
    if (fstat(fileno(fp), &st) != 0)
        return anketa_error_at(err, ANKETA_ERR_IO, src->name, 0, 0, "%s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return 0;   /* a pipe is read once, as it comes */
    src->size = (long long)st.st_size;
    if (src->encoding != ANKETA_ENCODING_AUTO)
        return 0;
    char *buf = malloc(BLOCK + 4);
    if (buf == NULL)
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    /* Most files are UTF-8 throughout: one quick pass tells. The others
     * are looked at line by line. */
    struct tally t = { .line = 1 };
    int all, bom = 0;
    long long total = pass(fp, buf, NULL, &all, &bom);
    if (total >= 0 && !all) {
        rewind(fp);
        total = pass(fp, buf, &t, &all, &bom);
    }
    int failed = total < 0 ? errno : 0;
    free(buf);
    if (failed)
        return anketa_error_at(err, ANKETA_ERR_IO, src->name, 0, 0, "read error: %s",
                               strerror(failed));
    if (total != src->size)
        return anketa_error_at(err, ANKETA_ERR_IO, src->name, 0, 0,
                               "the file changed while it was read (%lld bytes, then %lld)",
                               src->size, total);
    rewind(fp);
    int utf8 = bom > 0 || t.other == 0 || t.utf8 >= t.other;
    src->encoding = utf8 ? ANKETA_ENCODING_UTF8 : ANKETA_ENCODING_CP1251;
    if (t.other == 0 || (t.utf8 == 0 && bom <= 0))
        return 0;
    /* Both: say so once here, and each record in the minority is rejected. */
    src->mixed = MIXED_FILE;
    char u[96], o[96];
    list_lines(u, sizeof u, t.first_utf8, t.utf8);
    list_lines(o, sizeof o, t.first_other, t.other);
    snprintf(warning, warning_cap,
             "mixed encodings: %s %s not UTF-8, %s %s; read as %s%s, and the records in the "
             "other encoding rejected", o, t.other == 1 ? "is" : "are", u,
             t.utf8 == 1 ? "is" : "are", utf8 ? "UTF-8" : "Windows-1251",
             bom > 0 ? " for its byte order mark" : ", as most lines are");
    return 0;
}

/* The delimiter that the header line (outside quotes) has most of. */
int ingest_sniff_delimiter(const char *p, size_t n)
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
int ingest_decide_encoding(const char *p, size_t n)
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

int ingest_has_bom(const char *p, size_t n)
{
    return n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0;
}
