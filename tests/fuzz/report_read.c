/* Fuzz target: report's reader of tally output, and the report built from
 * whatever it accepts (Markdown, CSV and HTML writers, to memory). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "report_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/anketa-fuzz-report-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    struct anketa_report_options o = { .target = 0.8 };
    struct anketa_error err;
    struct anketa_report *r = anketa_report_new(&o, &err);
    if (r && anketa_report_add_file(r, path, &err) == 0 && report_build(r, &err) == 0) {
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        report_write_md(r, fp, &err);
        report_write_csv(r, fp, &err);
        report_write_html(r, fp, &err);
        fclose(fp);
        free(buf);
    }
    anketa_report_free(r);
    unlink(path);
    return 0;
}
