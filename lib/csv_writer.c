#include <string.h>

#include <anketa/csv.h>

void anketa_csv_write_field(FILE *fp, const char *s, size_t len, int delimiter)
{
    if (s == NULL || len == 0)
        return;
    int quote = s[0] == ' ' || s[len - 1] == ' ';
    for (size_t i = 0; i < len && !quote; i++) {
        char c = s[i];
        quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
        fwrite(s, 1, len, fp);
        return;
    }
    putc('"', fp);
    const char *p = s, *end = s + len;
    const char *q;
    while ((q = memchr(p, '"', (size_t)(end - p))) != NULL) {
        fwrite(p, 1, (size_t)(q - p) + 1, fp);
        putc('"', fp);
        p = q + 1;
    }
    fwrite(p, 1, (size_t)(end - p), fp);
    putc('"', fp);
}

void anketa_csv_write_row(FILE *fp, const char *const *fields, const size_t *lengths,
                          size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (i)
            putc(',', fp);
        const char *f = fields[i];
        if (f != NULL)
            anketa_csv_write_field(fp, f, lengths ? lengths[i] : strlen(f), ',');
    }
    putc('\n', fp);
}
