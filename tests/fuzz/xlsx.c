/* Fuzz target: the XLSX reader over arbitrary bytes. libzip opens by path, so
 * each input is written to one temporary file first; every row is read and
 * its fields checked against their lengths. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char tmp_path[64];

static void remove_tmp(void)
{
    unlink(tmp_path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (tmp_path[0] == '\0') {
        strcpy(tmp_path, "/tmp/anketa-fuzz-xlsx-XXXXXX");
        int fd = mkstemp(tmp_path);
        if (fd < 0)
            abort();
        close(fd);
        atexit(remove_tmp);
    }
    FILE *fp = fopen(tmp_path, "wb");
    if (fp == NULL)
        abort();
    if (size > 0 && fwrite(data, 1, size, fp) != size)
        abort();
    fclose(fp);

    struct anketa_error err;
    struct xlsx_reader *x = xlsx_open(tmp_path, &err);
    if (x == NULL) {
        if (err.code >= 0 || err.message[0] == '\0')
            abort();
        return 0;
    }
    const struct xlsx_row *row;
    int rc;
    while ((rc = xlsx_next(x, &row, &err)) == 1) {
        if (row->count == 0 || row->count > 16384 || row->line < 1 || row->fields[row->count])
            abort();
        for (size_t i = 0; i < row->count; i++) {
            if (strlen(row->fields[i]) > row->lengths[i])
                abort();
            (void)xlsx_is_number(x, i);
        }
        (void)xlsx_is_number(x, row->count);
    }
    if (rc < 0 && (rc != err.code || err.message[0] == '\0'))
        abort();
    xlsx_close(x);
    return 0;
}
