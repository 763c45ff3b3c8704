#ifndef ANKETA_INGEST_H
#define ANKETA_INGEST_H

#include <stddef.h>
#include <stdio.h>

#include <anketa/campaign.h>
#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Survey exports (CSV in UTF-8 or Windows-1251, or XLSX) into canonical
 * responses (doc/architecture.md, "Canonical responses"). A profile (anketa-profile(5))
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
/* What --anonymous keeps of a time: a time to the second beside a small
 * department identifies. Below the precision the time is set to zero. */
enum anketa_time_precision {
    ANKETA_TIME_SECOND, ANKETA_TIME_MINUTE, ANKETA_TIME_HOUR, ANKETA_TIME_DAY
};

/* Borrowed, and must outlive the ingest: the profile, the campaign, the
 * streams, the key and ctx; the rest is read by anketa_ingest_new(). */
struct anketa_ingest_config {
    const struct anketa_profile *profile;
    const struct anketa_campaign *campaign; /* may be NULL: ids pass through */
    int encoding;              /* enum anketa_encoding; AUTO: the profile's, else detected */
    int delimiter;             /* ',' ';' '\t', or 0: sniffed from the header */
    int tz_set;                /* tz_minutes given (--tz); else the campaign's zone */
    int tz_minutes;
    int threads;               /* 1: one thread; else two on a large regular file */
    int no_wait;               /* a seen file locked by another run is an error, not a wait */
    int strict;                /* a question without a column, or a column answering
                                  nothing, is an error (after on_warning named each) */
    const unsigned char *key;  /* anonymous mode when not NULL: ids become keyed hashes */
    size_t key_len;
    int time_precision;        /* enum anketa_time_precision of submitted_at as written */
    /* --set: the value of a field a file lacks or leaves empty, by field
     * (filled by anketa_ingest_config_set); NULL when not set. */
    const char *set[12];
    FILE *out;                 /* canonical responses (the header is written once) */
    FILE *rejects;             /* file,line,reason,record; may be NULL */
    /* Called for each reject (for messages); may be NULL. */
    void (*on_reject)(void *ctx, const char *file, long line, const char *reason);
    /* Called for what a file lacks but does not stop the run (a question
     * with no column, a column answering nothing); may be NULL. */
    anketa_diag_fn *on_warning;    /* "file: what", code ANKETA_OK */
    void *ctx;
};

struct anketa_ingest_counts {
    unsigned long long read, accepted, rejected, duplicates;
    unsigned long long emails_masked, phones_masked, snils_masked, inns_masked,
        passports_masked, cards_masked, columns_dropped;
    unsigned long long outside_period;  /* accepted, dated outside the campaign's period */
    unsigned long long items_shared;    /* an item name several items share, kept blank */
};

struct anketa_ingest;

ANKETA_API struct anketa_ingest *anketa_ingest_new(const struct anketa_ingest_config *cfg,
                                                   struct anketa_error *err);
ANKETA_API void anketa_ingest_free(struct anketa_ingest *in);

/* Ids and contents of earlier runs (--seen); a missing file is an empty set.
 * Locks "<path>.lock" first, until anketa_ingest_free(): another run on the
 * same file waits (on_warning says so), or with no_wait fails. A file
 * damaged or cut (its checksum) is an error; one of an older ingest without
 * a checksum is read with a warning. */
ANKETA_API int anketa_ingest_load_seen(struct anketa_ingest *in, const char *path,
                                       struct anketa_error *err);
/* Writes every id seen so far (earlier runs and this one) atomically. */
ANKETA_API int anketa_ingest_save_seen(struct anketa_ingest *in, const char *path,
                                       struct anketa_error *err);
/* The same into an output the caller opened and commits with the run's
 * other outputs (anketa_output_commit_all); write errors show there. */
struct anketa_output;
ANKETA_API int anketa_ingest_write_seen(struct anketa_ingest *in, struct anketa_output *out,
                                        struct anketa_error *err);

/* Reads one export ("-" or NULL: standard input; XLSX is told by its
 * signature). Record-level faults are rejects; a negative status means the
 * file as a whole could not be read (I/O, no header, a required column
 * missing, an XLSX that is not one) and err says where. */
ANKETA_API int anketa_ingest_file(struct anketa_ingest *in, const char *path,
                                  struct anketa_error *err);

ANKETA_API void anketa_ingest_get_counts(const struct anketa_ingest *in,
                                         struct anketa_ingest_counts *counts);

/* --max-rejects: a number of records, or with `percent` a share of those read. */
struct anketa_reject_limit {
    int set, percent;
    double value;
};
/* "N" or "P%" (P a decimal from 0 to 100) into *limit; -1 when it is neither. */
ANKETA_API int anketa_reject_limit_parse(const char *s, struct anketa_reject_limit *limit);

enum anketa_reject_verdict {
    ANKETA_REJECTS_OK,        /* the run may be committed */
    ANKETA_REJECTS_TOO_MANY,  /* more than the limit */
    ANKETA_REJECTS_ALL        /* records rejected and none accepted */
};
/* Whether a run's rejects let it be committed; limit may be NULL (none). */
ANKETA_API int anketa_reject_verdict(const struct anketa_reject_limit *limit,
                                     const struct anketa_ingest_counts *counts);

/* ---- what the ingest command takes and gives (its front end stays small) ---- */

/* --set COLUMN=VALUE: gives field `column` (authority, direction, source,
 * channel or point) the value where a file has no such column or leaves it
 * empty, as answers collected by a general code need. -1 for any other
 * column (a usage error). Checked against the campaign by anketa_ingest_new. */
ANKETA_API int anketa_ingest_config_set(struct anketa_ingest_config *cfg, const char *column,
                                        const char *value);
/* The notes of a finished run for its caller to print, one a line without
 * "ingest: " ("N accepted responses are dated outside ...", "N responses name
 * an item that several items share ..."), into buf. Returns the length it needed. */
ANKETA_API size_t anketa_ingest_notes(const struct anketa_ingest_counts *counts,
                                      const struct anketa_campaign *campaign, char *buf,
                                      size_t cap);

/* The value of option "encoding", "delimiter" (',' ';' '\t' or 0 for auto) or
 * "time-precision" given as text; -1 when it is none of the documented ones. */
ANKETA_API int anketa_ingest_option(const char *option, const char *value);
/* The key of --anonymous from a file: its bytes without the final line end
 * (a key written by echo equals the same key in the environment). NULL with
 * err naming the file; the caller frees. */
ANKETA_API unsigned char *anketa_ingest_read_key(const char *path, size_t *len,
                                                 struct anketa_error *err);
/* "masked N e-mail addresses, ...; left out N identifying columns" into buf:
 * what --anonymous did. Returns the length it needed. */
ANKETA_API size_t anketa_ingest_masked(const struct anketa_ingest_counts *counts, char *buf,
                                       size_t cap);

#ifdef __cplusplus
}
#endif

#endif
