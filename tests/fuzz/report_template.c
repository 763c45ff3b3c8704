/* Fuzz target: the report template parser (anketa-report(5)), and a report
 * built with what it accepts (sections, labels, colours) over a small tally. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "report_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TALLY[] =
    "authority,direction,question,responses,answered,mean,csat,csat_low,csat_high,"
    "n1,n2,n3,n4,n5,suppressed,mean_pct,nps\n"
    "a,x,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,\n"
    "a,*,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,\n"
    "*,*,q.overall,10,10,4.2,0.8,0.4902,0.9433,0,1,1,3,5,0,84,\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[] = "/tmp/anketa-fuzz-report-template-XXXXXX";
    static int ready;
    if (!ready) { /* one tally for every run */
        int fd = mkstemp(path);
        if (fd < 0 || write(fd, TALLY, sizeof TALLY - 1) != (ssize_t)(sizeof TALLY - 1))
            return 0;
        close(fd);
        ready = 1;
    }
    struct anketa_report_options o = { .target = -1 };
    struct anketa_error err;
    struct anketa_report *r = anketa_report_new(&o, &err);
    if (r && report_template_parse(r, (const char *)data, size, "fuzz.yaml", &err) == 0 &&
        anketa_report_add_file(r, path, &err) == 0 && report_build(r, &err) == 0) {
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        report_write_md(r, fp, &err);
        report_write_html(r, fp, &err);
        fclose(fp);
        free(buf);
    }
    anketa_report_free(r);
    return 0;
}
