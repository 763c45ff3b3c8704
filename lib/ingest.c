/* ingest, the top layer: set-up, the seen ids, the counts, and each file to
 * its reader. The layers below (ingest_int.h lists them) never call back up. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include <anketa/output.h>

#include "ingest_int.h"
#include "util.h"

struct anketa_ingest *anketa_ingest_new(const struct anketa_ingest_config *cfg,
                                        struct anketa_error *err)
{
    struct anketa_ingest *in = calloc(1, sizeof *in);
    if (in == NULL) {
        ingest_nomem(err);
        return NULL;
    }
    in->cfg = *cfg;
    in->profile = cfg->profile;
    in->campaign = cfg->campaign;
    in->zone.set = cfg->tz_set || cfg->campaign != NULL;
    in->zone.minutes = cfg->tz_set ? cfg->tz_minutes
                     : cfg->campaign ? cfg->campaign->tz_offset_minutes : 0;
    if (cfg->key) {
        /* Any secret of 16 bytes or more, hashed to a key of the right size. */
        if (cfg->key_len < 16 || sodium_init() < 0 ||
            crypto_generichash(in->key, sizeof in->key, cfg->key, cfg->key_len, NULL, 0) != 0) {
            anketa_error_set(err, ANKETA_ERR_USAGE, "the anonymity key must be at least 16 bytes");
            free(in);
            return NULL;
        }
    }
    const struct anketa_campaign *c = cfg->campaign;
    int rc = 0;
    /* --set names what the campaign has: a typo would reject every record */
    const char *what = NULL;
    if (c && cfg->set[FIELD_AUTHORITY] && !anketa_campaign_authority(c, cfg->set[FIELD_AUTHORITY]))
        what = "authority";
    else if (c && cfg->set[FIELD_DIRECTION] &&
             !anketa_campaign_direction(c, cfg->set[FIELD_DIRECTION]))
        what = "direction";
    else if (c && cfg->set[FIELD_POINT] && !anketa_campaign_point(c, cfg->set[FIELD_POINT]))
        what = "point";
    if (what) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "--set %s=%s: no such %s id in campaign %s",
                         what, cfg->set[what[0] == 'a' ? FIELD_AUTHORITY : what[0] == 'd'
                                        ? FIELD_DIRECTION : FIELD_POINT], what, c->path);
        free(in);
        return NULL;
    }
    if (c) {
        char name[512];
        for (size_t i = 0; rc == 0 && i < c->question_count; i++) {
            snprintf(name, sizeof name, "q.%s", c->questions[i].id);
            rc = ingest_add_question(in, name, c->questions[i].text, c->questions[i].lo,
                                     c->questions[i].hi);
        }
        in->item_ambiguous = calloc(c->item_count ? c->item_count : 1, 1);
        if (in->item_ambiguous == NULL)
            rc = -1;
        for (size_t i = 0; rc == 0 && i < c->item_count; i++) {
            size_t first;
            int put = anketa_strmap_put(&in->item_names, c->items[i].name, i);
            if (put < 0)
                rc = -1;
            else if (put == 1 && anketa_strmap_get(&in->item_names, c->items[i].name, &first))
                in->item_ambiguous[first] = 1;
        }
    }
    if (rc != 0) {
        anketa_ingest_free(in);
        ingest_nomem(err);
        return NULL;
    }
    return in;
}

void anketa_ingest_free(struct anketa_ingest *in)
{
    if (in == NULL)
        return;
    ingest_free_own(in);
    for (int f = 0; f < FIELD_COUNT; f++)
        free(in->columns[f]);
    free(in->column_role);
    anketa_strmap_free(&in->item_names);
    free(in->item_ambiguous);
    ingest_seen_free(&in->seen);
    if (in->seen_lock)
        close(in->seen_lock - 1);
    free(in);
}

int anketa_ingest_load_seen(struct anketa_ingest *in, const char *path, struct anketa_error *err)
{
    if (!in->seen_lock) {
        int fd = ingest_seen_lock(path, 0, err);
        if (fd == -2 && !in->cfg.no_wait) {
            ingest_warn(in, path, "in use by another ingest: waiting for it");
            fd = ingest_seen_lock(path, 1, err);
        }
        if (fd < 0)
            return err->code;
        in->seen_lock = fd + 1;
    }
    int rc = ingest_seen_load(&in->seen, path, err);
    if (rc == 1)
        ingest_warn(in, path, "a seen file without a checksum (of an older ingest): read "
                              "unchecked, saved with one");
    return rc == 1 ? 0 : rc;
}

int anketa_ingest_save_seen(struct anketa_ingest *in, const char *path, struct anketa_error *err)
{
    return ingest_seen_save(&in->seen, path, err);
}

int anketa_ingest_write_seen(struct anketa_ingest *in, struct anketa_output *out,
                             struct anketa_error *err)
{
    return ingest_seen_write(&in->seen, anketa_output_stream(out), err);
}

void anketa_ingest_get_counts(const struct anketa_ingest *in, struct anketa_ingest_counts *counts)
{
    *counts = in->counts;
}

int anketa_ingest_file(struct anketa_ingest *in, const char *path, struct anketa_error *err)
{
    int enc = in->cfg.encoding != ANKETA_ENCODING_AUTO ? in->cfg.encoding : in->profile->encoding;
    int delim = in->cfg.delimiter ? in->cfg.delimiter : in->profile->delimiter;
    struct stat st;
    /* Only a regular file is sniffed: a FIFO's bytes, once read, are gone. */
    if (path && strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        FILE *fp = fopen(path, "rb");
        char magic[4] = { 0 };
        if (fp) {
            size_t got = fread(magic, 1, sizeof magic, fp);
            fclose(fp);
            if (got == 4 && memcmp(magic, "PK\x03\x04", 4) == 0)
                return ingest_read_xlsx(in, path, err);
        }
    }
    return ingest_read_csv(in, path, enc, delim, err);
}
