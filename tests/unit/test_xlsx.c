/* The XLSX reader over the fixtures of tests/data/xlsx (made by
 * make-fixtures.py): openpyxl's output and the same with shared strings, hand
 * written parts (inline, rich and phonetic strings, gaps, the first sheet not
 * sheet1.xml, no shared strings), and broken files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "xlsx.h"

static char path_buf[4096];

static const char *fixture(const char *name)
{
    const char *src = getenv("ANKETA_SOURCE");
    snprintf(path_buf, sizeof path_buf, "%s/tests/data/xlsx/%s", src ? src : "../..", name);
    return path_buf;
}

static struct xlsx_reader *open_fixture(const char *name)
{
    struct anketa_error err;
    struct xlsx_reader *x = xlsx_open(fixture(name), &err);
    if (x == NULL)
        fprintf(stderr, "    %s\n", err.message);
    CHECK(x != NULL);
    return x;
}

/* basic.xlsx as openpyxl wrote it (inline strings) and basic-sst.xlsx with
 * shared strings read the same. */
static void test_basic(const char *name)
{
    struct xlsx_reader *x = open_fixture(name);
    struct anketa_error err;
    const struct xlsx_row *row;
    if (x == NULL)
        return;
    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 1);
    CHECK(row->count == 4);
    CHECK_STR(row->fields[0], "Фамилия");
    CHECK_STR(row->fields[3], "Балл");
    CHECK(row->lengths[0] == strlen("Фамилия"));
    CHECK(row->fields[4] == NULL);
    CHECK(!xlsx_is_number(x, 0));

    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 2);
    CHECK_STR(row->fields[0], "Иванов");
    CHECK_STR(row->fields[1], "Пётр");
    CHECK_STR(row->fields[2], "45366.5"); /* 2024-03-15 12:00 as an Excel serial */
    CHECK(xlsx_is_number(x, 2));
    CHECK(xlsx_is_number(x, 3));
    CHECK(!xlsx_is_number(x, 1));
    CHECK(!xlsx_is_number(x, 4));

    /* rows 3 and 4 have no cells: skipped, and the line says 5 */
    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 5);
    CHECK(row->count == 4);
    CHECK_STR(row->fields[0], "Петрова");
    CHECK_STR(row->fields[2], "");
    CHECK(row->lengths[2] == 0);
    CHECK(!xlsx_is_number(x, 2));
    CHECK_STR(row->fields[3], "4.5");

    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 6);
    CHECK(row->count == 3);
    CHECK_STR(row->fields[0], "Иванов");
    CHECK_STR(row->fields[2], "1"); /* TRUE */
    CHECK(!xlsx_is_number(x, 2));

    CHECK(xlsx_next(x, &row, &err) == 0); /* the second sheet is not read */
    CHECK(xlsx_next(x, &row, &err) == 0);
    xlsx_close(x);
}

/* crafted.xlsx, and stored.xlsx the same uncompressed. */
static void test_crafted(const char *name)
{
    struct xlsx_reader *x = open_fixture(name);
    struct anketa_error err;
    const struct xlsx_row *row;
    if (x == NULL)
        return;
    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 1);
    CHECK(row->count == 3);
    CHECK_STR(row->fields[0], "Ответ");              /* from worksheets/data.xml, not sheet1.xml */
    CHECK_STR(row->fields[1], "Bold and plain");     /* runs joined, phonetic run left out */
    CHECK_STR(row->fields[2], "inline");             /* inline string of two runs */

    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 2);
    CHECK(row->count == 4);
    CHECK_STR(row->fields[0], "a & b <c>");
    CHECK_STR(row->fields[1], "");
    CHECK_STR(row->fields[2], "");
    CHECK_STR(row->fields[3], "a & b <c>");          /* t="str": the formula's result */
    CHECK(!xlsx_is_number(x, 1));

    /* row 3 has only styled empty cells and row 4 none: both skipped */
    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 5);
    CHECK(row->count == 5); /* F5 has no value: not a field */
    CHECK_STR(row->fields[0], "1");
    CHECK_STR(row->fields[1], "#N/A");
    CHECK_STR(row->fields[2], "45366.5");
    CHECK_STR(row->fields[3], "-1.5E-3");
    CHECK_STR(row->fields[4], "");                   /* an empty shared string */
    CHECK(!xlsx_is_number(x, 0));
    CHECK(!xlsx_is_number(x, 1));
    CHECK(xlsx_is_number(x, 2));
    CHECK(xlsx_is_number(x, 3));
    CHECK(!xlsx_is_number(x, 4));
    CHECK(!xlsx_is_number(x, 5));

    /* no r attributes on the row or its cells */
    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 6);
    CHECK(row->count == 2);
    CHECK_STR(row->fields[0], "7");
    CHECK_STR(row->fields[1], "next");
    CHECK(xlsx_next(x, &row, &err) == 0);
    xlsx_close(x);
}

static void test_no_shared_strings(void)
{
    struct xlsx_reader *x = open_fixture("numbers.xlsx");
    struct anketa_error err;
    const struct xlsx_row *row;
    if (x == NULL)
        return;
    CHECK(xlsx_next(x, &row, &err) == 1);
    CHECK(row->line == 2);
    CHECK(row->count == 3);
    CHECK_STR(row->fields[0], "");
    CHECK_STR(row->fields[1], "1");
    CHECK_STR(row->fields[2], "2.5");
    CHECK(xlsx_next(x, &row, &err) == 0);
    xlsx_close(x);
}

static void expect_open_error(const char *name, int code, const char *part)
{
    struct anketa_error err;
    err.code = 0;
    err.message[0] = '\0';
    struct xlsx_reader *x = xlsx_open(fixture(name), &err);
    CHECK(x == NULL);
    CHECK(err.code == code);
    CHECK(strstr(err.message, name) != NULL);
    if (strstr(err.message, part) == NULL)
        fprintf(stderr, "    %s: message '%s' lacks '%s'\n", name, err.message, part);
    CHECK(strstr(err.message, part) != NULL);
    xlsx_close(x);
}

/* Reads rows until the error; returns how many came before it. */
static int rows_before_error(const char *name, struct anketa_error *err, int *rc)
{
    struct xlsx_reader *x = open_fixture(name);
    const struct xlsx_row *row;
    int n = 0;
    *rc = 0;
    if (x == NULL)
        return -1;
    while ((*rc = xlsx_next(x, &row, err)) == 1)
        n++;
    struct anketa_error again;
    CHECK(xlsx_next(x, &row, &again) == *rc); /* the error sticks */
    xlsx_close(x);
    return n;
}

static void test_errors(void)
{
    expect_open_error("missing.xlsx", ANKETA_ERR_IO, "No such file");
    expect_open_error("notzip.xlsx", ANKETA_ERR_PARSE, "not an xlsx file");
    expect_open_error("cutzip.xlsx", ANKETA_ERR_PARSE, "not an xlsx file");
    expect_open_error("doctype.xlsx", ANKETA_ERR_PARSE, "DOCTYPE");
    expect_open_error("deepsst.xlsx", ANKETA_ERR_LIMIT,
                      "xl/sharedStrings.xml: elements nested more than 64 deep");

    struct anketa_error err;
    int rc;
    CHECK(rows_before_error("truncated.xlsx", &err, &rc) == 2);
    CHECK(rc == ANKETA_ERR_PARSE);
    CHECK(strstr(err.message, "truncated.xlsx:3: xl/worksheets/sheet1.xml: broken XML") != NULL);

    CHECK(rows_before_error("badindex.xlsx", &err, &rc) == 1);
    CHECK(rc == ANKETA_ERR_PARSE);
    CHECK(strstr(err.message, "badindex.xlsx:2: shared string index '5'") != NULL);

    CHECK(rows_before_error("deep.xlsx", &err, &rc) == 1);
    CHECK(rc == ANKETA_ERR_LIMIT);
    CHECK(strstr(err.message, "deep.xlsx:2: xl/worksheets/sheet1.xml: elements nested more "
                              "than 64 deep") != NULL);

    CHECK(rows_before_error("longtag.xlsx", &err, &rc) == 1);
    CHECK(rc == ANKETA_ERR_LIMIT);
    CHECK(strstr(err.message, "an XML token") != NULL);
    CHECK(rows_before_error("longcell.xlsx", &err, &rc) == 0);
    CHECK(rc == ANKETA_ERR_LIMIT);
    CHECK(strstr(err.message, "longcell.xlsx:1: a cell's text is longer") != NULL);

    /* XFD is the last column allowed */
    struct xlsx_reader *x = open_fixture("toowide.xlsx");
    const struct xlsx_row *row;
    if (x) {
        CHECK(xlsx_next(x, &row, &err) == 1);
        CHECK(row->count == 16384);
        CHECK_STR(row->fields[16383], "1");
        CHECK_STR(row->fields[16382], "");
        CHECK(xlsx_is_number(x, 16383));
        CHECK(xlsx_next(x, &row, &err) == ANKETA_ERR_LIMIT);
        CHECK(strstr(err.message, "toowide.xlsx:2: cell XFE2") != NULL);
        xlsx_close(x);
    }
    xlsx_close(NULL);
}

/* The workbook's date system: 1904 where workbookPr says so, else 1900. */
static void test_date_system(void)
{
    struct xlsx_reader *x = open_fixture("date1904.xlsx");
    struct anketa_error err;
    const struct xlsx_row *row;
    if (x) {
        CHECK(xlsx_date1904(x));
        CHECK(xlsx_next(x, &row, &err) == 1);
        CHECK(xlsx_next(x, &row, &err) == 1);
        CHECK_STR(row->fields[1], "43904.52083333334"); /* 2024-03-15 12:30 from 1904 */
        CHECK(xlsx_is_number(x, 1));
        xlsx_close(x);
    }
    if ((x = open_fixture("basic.xlsx")) != NULL) {
        CHECK(!xlsx_date1904(x));
        xlsx_close(x);
    }
}

int main(void)
{
    test_basic("basic.xlsx");
    test_basic("basic-sst.xlsx");
    test_crafted("crafted.xlsx");
    test_crafted("stored.xlsx");
    test_no_shared_strings();
    test_date_system();
    test_errors();
    return check_summary();
}
