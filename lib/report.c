#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <anketa/output.h>

#include "output_int.h"
#include "report_int.h"
#include "util.h"

int anketa_report_format_parse(const char *name)
{
    static const char *const names[] = { "pdf", "html", "xlsx", "md", "csv" };
    const char *dot = strrchr(name, '.');
    const char *ext = dot ? dot + 1 : name;
    for (int i = 0; i < 5; i++)
        if (strcasecmp(ext, names[i]) == 0)
            return i;
    if (strcasecmp(ext, "htm") == 0)
        return ANKETA_REPORT_HTML;
    return -1;
}

struct anketa_report *anketa_report_new(const struct anketa_report_options *o,
                                        struct anketa_error *err)
{
    struct anketa_report *r = calloc(1, sizeof *r);
    if (r == NULL) {
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    r->o = *o;
    static const unsigned fill[] = { 0xFFFFFF, 0xD8F0E0, 0xFFF1C2, 0xF8D4CF };
    memcpy(r->fill, fill, sizeof r->fill);
    for (int i = 0; i < 5; i++)
        r->ink[i] = chart_tone_rgb(i);
    const struct anketa_campaign *c = o->campaign;
    r->target = o->target >= 0 ? o->target : c ? c->target : 0;
    r->title = o->title ? xstrdup(o->title)
             : c ? xprintf("%s", c->name)
                 : xstrdup("Оценка удовлетворенности качеством взаимодействия с органами власти");
    if (o->period)
        r->period = xstrdup(o->period);
    else if (c && c->period_start) {
        /* YYYY-MM-DD to дд.мм.гггг */
        const char *a = c->period_start, *z = c->period_end;
        r->period = xprintf("%.2s.%.2s.%.4s – %.2s.%.2s.%.4s", a + 8, a + 5, a, z + 8, z + 5, z);
    }
    r->generated = ru_date((long long)anketa_now());
    if (o->template_name && report_template_load(r, o->template_name, err) != 0) {
        anketa_report_free(r);
        return NULL;
    }
    return r;
}

void anketa_report_free(struct anketa_report *r)
{
    if (r == NULL)
        return;
    report_free_tables(r->tables, r->table_count);
    report_free_tables(r->prev, r->prev_count);
    report_free_blocks(r);
    report_template_free(r);
    free(r->title);
    free(r->period);
    free(r->generated);
    free(r);
}

int anketa_report_add_file(struct anketa_report *r, const char *path, struct anketa_error *err)
{
    return report_read_table(&r->tables, &r->table_count, path, err);
}

int anketa_report_add_compare(struct anketa_report *r, const char *path, struct anketa_error *err)
{
    return report_read_table(&r->prev, &r->prev_count, path, err);
}

/* libxlsxwriter writes to a file name: the output's own unnamed file through
 * its descriptor, or for a pipe or a device an unnamed file copied out. Its
 * own temporaries (named, then removed) go in a folder of ours in $TMPDIR,
 * which the next run sweeps should a kill leave it. */
static int write_xlsx(struct anketa_report *r, FILE *fp, struct anketa_error *err)
{
    struct stat st;
    const char *tmpdir = getenv("TMPDIR");
    struct anketa_outdir scratch;
    if (anketa_outdir_open(&scratch, tmpdir && *tmpdir ? tmpdir : "/tmp", "report-xlsx", err) != 0)
        return err->code;
    FILE *file = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) ? fp : anketa_temp_file(err);
    if (file == NULL) {
        anketa_outdir_abort(&scratch);
        return err->code;
    }
    char name[64];
    snprintf(name, sizeof name, "/proc/self/fd/%d", fileno(file));
    int rc = report_write_xlsx(r, name, scratch.tmp_path, err);
    anketa_outdir_abort(&scratch);
    if (rc == 0 && file != fp) {
        rewind(file);
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, file)) > 0 && fwrite(buf, 1, n, fp) == n)
            continue;
        if (ferror(file))
            rc = anketa_error_set(err, ANKETA_ERR_IO, "cannot read the workbook back");
    }
    if (file != fp)
        fclose(file);
    return rc;
}

int anketa_report_write(struct anketa_report *r, enum anketa_report_format format,
                        const char *path, struct anketa_error *err)
{
    if (r->table_count == 0)
        return anketa_error_set(err, ANKETA_ERR_INVALID, "no tally output to report on");
    report_free_blocks(r);
    int rc = report_build(r, err);
    if (rc != 0)
        return rc;
    int binary = format == ANKETA_REPORT_PDF || format == ANKETA_REPORT_XLSX;
    struct anketa_output *out = anketa_output_open_flags(path, binary ? ANKETA_OUTPUT_BINARY : 0,
                                                         err);
    if (out == NULL)
        return err->code;
    FILE *fp = anketa_output_stream(out);
    switch (format) {
    case ANKETA_REPORT_PDF: rc = report_write_pdf(r, fp, err); break;
    case ANKETA_REPORT_HTML: rc = report_write_html(r, fp, err); break;
    case ANKETA_REPORT_MD: rc = report_write_md(r, fp, err); break;
    case ANKETA_REPORT_XLSX: rc = write_xlsx(r, fp, err); break;
    default: rc = report_write_csv(r, fp, err); break;
    }
    if (rc != 0) {
        anketa_output_abort(out);
        return rc;
    }
    return anketa_output_commit(out, err);
}
