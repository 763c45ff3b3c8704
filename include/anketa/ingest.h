#ifndef ANKETA_INGEST_H
#define ANKETA_INGEST_H

#include <stddef.h>
#include <stdio.h>

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/error.h>

/* Survey exports (CSV in UTF-8 or Windows-1251, or XLSX) into canonical
 * responses (DESIGN.md, "ingest -> tally"). A profile (anketa-profile(5))
 * says which header gives which field or question and which option texts
 * mean which scale point. Every record read ends in exactly one place: the
 * output, the rejects (with file, line and reason), or the duplicate count. */

struct anketa_profile;

/* Loads a profile by name (share/templates/ingest/NAME.yaml) or by path (a
 * name with '/' or ending in ".yaml"). NULL with err set. */
ANKETA_API struct anketa_profile *anketa_profile_load(const char *name_or_path,
                                                      struct anketa_error *err);
/* Parses a profile from memory (`name` used in messages); the fuzz target's door. */
ANKETA_API struct anketa_profile *anketa_profile_parse(const char *text, size_t len,
                                                       const char *name,
                                                       struct anketa_error *err);
ANKETA_API void anketa_profile_free(struct anketa_profile *p);

enum anketa_encoding { ANKETA_ENCODING_AUTO, ANKETA_ENCODING_UTF8, ANKETA_ENCODING_CP1251 };

struct anketa_ingest_config {
    const struct anketa_profile *profile;
    const struct anketa_campaign *campaign; /* may be NULL: ids pass through */
    int encoding;              /* enum anketa_encoding; AUTO: the profile's, else detected */
    int delimiter;             /* ',' ';' '\t', or 0: sniffed from the header */
    int tz_set;                /* tz_minutes given (--tz); else the campaign's zone */
    int tz_minutes;
    int threads;               /* 1: one thread; else two on a large regular file */
    const unsigned char *key;  /* anonymous mode when not NULL: ids become keyed hashes */
    size_t key_len;
    FILE *out;                 /* canonical responses (the header is written once) */
    FILE *rejects;             /* file,line,reason,record; may be NULL */
    /* Called for each reject (for messages); may be NULL. */
    void (*on_reject)(void *ctx, const char *file, long line, const char *reason);
    /* Called for what a file lacks but does not stop the run (a question
     * with no column); may be NULL. */
    void (*on_warning)(void *ctx, const char *file, const char *message);
    void *ctx;
};

struct anketa_ingest_counts {
    unsigned long long read, accepted, rejected, duplicates;
    unsigned long long emails_masked, phones_masked, columns_dropped;
    unsigned long long outside_period;  /* accepted, dated outside the campaign's period */
};

struct anketa_ingest;

ANKETA_API struct anketa_ingest *anketa_ingest_new(const struct anketa_ingest_config *cfg,
                                                   struct anketa_error *err);
ANKETA_API void anketa_ingest_free(struct anketa_ingest *in);

/* Ids and contents of earlier runs (--seen); a missing file is an empty set. */
ANKETA_API int anketa_ingest_load_seen(struct anketa_ingest *in, const char *path,
                                       struct anketa_error *err);
/* Writes every id seen so far (earlier runs and this one) atomically. */
ANKETA_API int anketa_ingest_save_seen(struct anketa_ingest *in, const char *path,
                                       struct anketa_error *err);
/* The same into an output the caller opened and commits with the run's
 * other outputs (anketa_output_commit_all); write errors show there. */
struct anketa_output;
ANKETA_API void anketa_ingest_write_seen(struct anketa_ingest *in, struct anketa_output *out);

/* Reads one export ("-" or NULL: standard input; XLSX is told by its
 * signature). Record-level faults are rejects; a negative status means the
 * file as a whole could not be read (I/O, no header, a required column
 * missing, an XLSX that is not one) and err says where. */
ANKETA_API int anketa_ingest_file(struct anketa_ingest *in, const char *path,
                                  struct anketa_error *err);

ANKETA_API void anketa_ingest_get_counts(const struct anketa_ingest *in,
                                         struct anketa_ingest_counts *counts);

#endif
