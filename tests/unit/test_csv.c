/* The CSV reader: BOM, CRLF, quoted newlines and quotes, line numbers, errors;
 * and the writer's quoting round trip. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/csv.h>

#include "check.h"

static char *copies[16];
static int ncopies;

static struct anketa_csv_reader *reader_for(const char *text, FILE **fp)
{
    struct anketa_error err;
    char *copy = strdup(text);
    copies[ncopies++ % 16] = copy;
    *fp = fmemopen(copy, strlen(copy), "rb");
    return anketa_csv_reader_new(*fp, "mem.csv", ',', &err);
}

static void test_dialects(void)
{
    const char *text = "\xEF\xBB\xBFid,name,comment\r\n"
                       "1,Иванов,\"line one\r\nline two\"\r\n"
                       "\r\n"
                       "2,\"Quote \"\"here\"\"\", spaced \r\n"
                       "3,,\n";
    FILE *fp;
    struct anketa_csv_reader *r = reader_for(text, &fp);
    struct anketa_error err;
    const struct anketa_csv_row *row;
    CHECK(anketa_csv_reader_read_header(r, &err) == 0);
    CHECK(anketa_csv_reader_column(r, "id") == 0); /* the BOM is not part of the name */
    CHECK(anketa_csv_reader_column(r, "comment") == 2);
    CHECK(anketa_csv_reader_column(r, "missing") == -1);
    CHECK(anketa_csv_reader_next(r, &row, &err) == 1);
    CHECK(row->line == 2);
    CHECK_STR(row->fields[1], "Иванов");
    CHECK_STR(row->fields[2], "line one\r\nline two");
    CHECK(anketa_csv_reader_next(r, &row, &err) == 1);
    CHECK(row->line == 5); /* after the quoted newline and the blank line */
    CHECK_STR(row->fields[1], "Quote \"here\"");
    CHECK_STR(row->fields[2], " spaced "); /* spaces are data, not trimmed */
    CHECK(anketa_csv_reader_next(r, &row, &err) == 1);
    CHECK(row->line == 6);
    CHECK(row->count == 3);
    CHECK(row->lengths[1] == 0 && row->lengths[2] == 0);
    CHECK(anketa_csv_reader_next(r, &row, &err) == 0);
    anketa_csv_reader_free(r);
    fclose(fp);
}

static void test_errors(void)
{
    FILE *fp;
    struct anketa_error err;
    const struct anketa_csv_row *row;
    struct anketa_csv_reader *r = reader_for("a,b\n1,\"open\n2,3\n", &fp);
    CHECK(anketa_csv_reader_read_header(r, &err) == 0);
    CHECK(anketa_csv_reader_next(r, &row, &err) < 0);
    CHECK(strstr(err.message, "mem.csv:") != NULL);
    CHECK(strstr(err.message, "unclosed quote") != NULL);
    anketa_csv_reader_free(r);
    fclose(fp);

    r = reader_for("a,a\n", &fp);
    CHECK(anketa_csv_reader_read_header(r, &err) < 0);
    CHECK(strstr(err.message, "duplicate column 'a'") != NULL);
    anketa_csv_reader_free(r);
    fclose(fp);

    r = reader_for("", &fp);
    CHECK(anketa_csv_reader_read_header(r, &err) < 0);
    CHECK(strstr(err.message, "empty input") != NULL);
    anketa_csv_reader_free(r);
    fclose(fp);

    CHECK(anketa_csv_reader_open("/nonexistent/x.csv", ',', &err) == NULL);
    CHECK(strstr(err.message, "/nonexistent/x.csv") != NULL);
}

static void test_many_rows(void)
{
    /* More than one read block: line numbers stay right across blocks. */
    size_t n = 20000;
    char *text = malloc(n * 40 + 16), *p = text;
    p += sprintf(p, "n,text\n");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, i % 2 ? "%zu,\"two\nlines\"\n" : "%zu,plain\n", i);
    FILE *fp;
    struct anketa_csv_reader *r = reader_for(text, &fp);
    struct anketa_error err;
    const struct anketa_csv_row *row;
    CHECK(anketa_csv_reader_read_header(r, &err) == 0);
    size_t count = 0;
    long expected_line = 2;
    int ok = 1;
    while (anketa_csv_reader_next(r, &row, &err) == 1) {
        ok &= row->line == expected_line && (size_t)atol(row->fields[0]) == count;
        expected_line += count % 2 ? 2 : 1;
        count++;
    }
    CHECK(ok);
    CHECK(count == n);
    anketa_csv_reader_free(r);
    fclose(fp);
    free(text);
}

static void test_writer(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "", NULL, " pad" };
    anketa_csv_write_row(fp, fields, NULL, 7);
    fclose(fp);
    CHECK_STR(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,\" pad\"\n");
    free(buf);
}

int main(void)
{
    test_dialects();
    test_errors();
    test_many_rows();
    test_writer();
    for (int i = 0; i < ncopies && i < 16; i++)
        free(copies[i]);
    return check_summary();
}
