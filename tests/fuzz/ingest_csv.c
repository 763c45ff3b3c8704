/* Fuzz target: ingest over arbitrary export bytes, with and without a
 * campaign, in each encoding mode. Whatever the bytes, every record read is
 * accepted, rejected or a duplicate, the output has one row per accept, and
 * two threads (made to split this small file, the cut looked for from where
 * the first byte's top bits say) write what one writes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anketa/csv.h>
#include <anketa/ingest.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char campaign_yaml[] =
    "campaign: { id: c, name: C, timezone: \"+09:00\" }\n"
    "directions:\n  - { id: services, kind: service, name: Услуги }\n"
    "authorities:\n  - id: a\n    name: Орган\n    feedback_url: \"https://example.ru/\"\n"
    "    surveys:\n      services: { url: \"https://forms.yandex.ru/u/1/\" }\n"
    "items:\n  - { id: i1, authority: a, direction: services, name: Услуга один }\n"
    "  - { id: i2, authority: a, direction: services, name: Услуга один }\n"
    "points:\n  - { id: p1, name: Офис, municipality: Город, items: [i1] }\n"
    "questions:\n  - { id: overall, scale: 1-5, text: \"Оценка в целом\" }\n"
    "  - { id: result, scale: yes/no, text: \"Результат\" }\n";

static const char profile_yaml[] =
    "source: yf\nnumber_prefix: true\n"
    "fields:\n  response_id: ID\n  submitted_at: [\"время*\", date]\n  item: [service, item]\n"
    "  point: point\n  weight: count\n  comment: \"*коммент*\"\n"
    "labels:\n  5: [отлично]\n  1: [да, очень плохо]\n  0: [нет]\n  none: [не знаю]\n"
    "identifying: [фио, \"*телефон*\"]\n";

static struct anketa_campaign *campaign;
static struct anketa_profile *profile;

static size_t count_rows(char *buf, size_t len)
{
    FILE *fp = fmemopen(buf, len, "rb");
    struct anketa_error err;
    struct anketa_csv_reader *r = fp ? anketa_csv_reader_new(fp, "out", ',', &err) : NULL;
    const struct anketa_csv_row *row;
    size_t rows = 0;
    if (r && anketa_csv_reader_read_header(r, &err) == 0)
        while (anketa_csv_reader_next(r, &row, &err) == 1)
            rows++;
    anketa_csv_reader_free(r);
    if (fp)
        fclose(fp);
    return rows;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct anketa_error err;
    if (profile == NULL) {
        setenv("ANKETA_INGEST_SPLIT_MIN", "1", 1);   /* every input splits in run 2 */
        campaign = anketa_campaign_parse(campaign_yaml, sizeof campaign_yaml - 1, "c.yaml", &err);
        profile = anketa_profile_parse(profile_yaml, sizeof profile_yaml - 1, "p.yaml", &err);
        if (campaign == NULL || profile == NULL) {
            fprintf(stderr, "%s\n", err.message);
            abort();
        }
    }
    if (size < 1)
        return 0;
    char path[] = "/tmp/anketa-fuzz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    struct anketa_ingest_config cfg = {
        .profile = profile, .campaign = (data[0] & 1) ? campaign : NULL,
        .encoding = (data[0] >> 1) % 3, .tz_set = (data[0] >> 3) & 1, .tz_minutes = 180,
        .key = (data[0] & 16) ? (const unsigned char *)"0123456789abcdef" : NULL, .key_len = 16,
        .time_precision = (data[0] >> 5) & 3,
    };
    /* Where run 2 looks for its cut: from the start (the header's end, or a
     * blank line before it) to seven eighths in. */
    char at[32];
    snprintf(at, sizeof at, "%zu", (size - 1) * (size_t)(data[0] >> 5) / 8);
    setenv("ANKETA_INGEST_SPLIT_AT", at, 1);
    char *out[2] = { NULL, NULL }, *rej[2] = { NULL, NULL };
    size_t out_len[2] = { 0, 0 }, rej_len[2] = { 0, 0 };
    int rc[2];
    for (int run = 0; run < 2; run++) {
        cfg.threads = run == 0 ? 1 : 2;
        cfg.out = open_memstream(&out[run], &out_len[run]);
        cfg.rejects = open_memstream(&rej[run], &rej_len[run]);
        fputs("file,line,reason,record\n", cfg.rejects);
        struct anketa_ingest *in = anketa_ingest_new(&cfg, &err);
        if (in == NULL)
            abort();
        rc[run] = anketa_ingest_file(in, path, &err);
        struct anketa_ingest_counts n;
        anketa_ingest_get_counts(in, &n);
        anketa_ingest_free(in);
        fclose(cfg.out);
        fclose(cfg.rejects);
        if (n.read != n.accepted + n.rejected + n.duplicates)
            abort();
        if (rc[run] == 0 && n.accepted != count_rows(out[run], out_len[run]))
            abort();
        if (n.rejected != count_rows(rej[run], rej_len[run]))
            abort();
    }
    if (rc[0] != rc[1] || (rc[0] == 0 && (out_len[0] != out_len[1] || rej_len[0] != rej_len[1] ||
                                          memcmp(out[0], out[1], out_len[0]) != 0 ||
                                          memcmp(rej[0], rej[1], rej_len[0]) != 0)))
        abort();
    for (int run = 0; run < 2; run++) {
        free(out[run]);
        free(rej[run]);
    }
    unlink(path);
    return 0;
}
