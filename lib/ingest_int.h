/* ingest's parts (internal): text, profile, values, the seen set,
 * anonymity, and the readers that feed records to the mapping. */
#ifndef ANKETA_INGEST_INT_H
#define ANKETA_INGEST_INT_H

#include <stddef.h>
#include <stdint.h>

#include <anketa/ingest.h>

#include "strmap.h"

/* ---- text (ingest_text.c) ---- */

/* Trimmed (spaces, tabs, CR, LF, NBSP), ASCII and Cyrillic (U+0400..U+052F)
 * case-folded, ё as е, inner runs of spaces as one. out holds len + 1 bytes;
 * returns the length. */
size_t ingest_fold(const char *s, size_t len, char *out);
/* A folded header or question text as it is compared: without leading
 * numbering ("1.", "2)", "3 -"), a trailing '*' (a required question) and
 * punctuation. out holds strlen(folded) + 1 (may be folded); returns the length. */
size_t ingest_question_key(const char *folded, char *out);
/* Glob match of folded strings: '*' is any run of characters. */
int ingest_glob(const char *pattern, const char *text);
/* 1 when s is well-formed UTF-8 (no overlongs, no surrogates). */
int ingest_utf8_valid(const char *s, size_t len);
/* Windows-1251 into UTF-8; out holds 3 * len + 1. Returns the length, or
 * -1 at a byte the code page leaves undefined (0x98). */
long ingest_cp1251_to_utf8(const char *s, size_t len, char *out);
/* Copies with each ill-formed UTF-8 byte as U+FFFD (for reject records);
 * out holds 3 * len + 1. */
size_t ingest_utf8_repair(const char *s, size_t len, char *out);

/* ---- profile (ingest_profile.c) ---- */

enum ingest_field {
    FIELD_ID, FIELD_DATE, FIELD_SOURCE, FIELD_CHANNEL, FIELD_AUTHORITY, FIELD_DIRECTION,
    FIELD_ITEM, FIELD_POINT, FIELD_MUNICIPALITY, FIELD_WEIGHT, FIELD_COMMENT, FIELD_COUNT
};
extern const char *const ingest_field_names[FIELD_COUNT];

enum { DATES_ISO = 1, DATES_DMY = 2, DATES_EXCEL = 4 };
enum { LABEL_UNANSWERED = -1 };
/* Labels are keyed "<scale>\x1f<folded text>": the scale "lo-hi" of a label
 * given under a scale, "*" of one that holds on any scale. */
#define LABEL_SCALE_SEP "\x1f"
#define LABEL_ANY_SCALE "*"

struct ingest_patterns {
    char **v;       /* folded */
    size_t n;
};

struct profile_question {
    char *id;
    struct ingest_patterns headers;
};

struct anketa_profile {
    char *name;
    char *source;                 /* NULL: from the file or the id's prefix */
    char *channel;                /* NULL: from the file */
    int encoding, delimiter;
    unsigned dates;               /* DATES_* accepted */
    int number_prefix;            /* "5 - Отлично" is 5 */
    int id_scope_point;           /* ids are numbered per point: the id is point:id */
    struct ingest_patterns fields[FIELD_COUNT];
    struct profile_question *questions;
    size_t question_count;
    struct ingest_patterns identifying;
    struct anketa_strmap labels;  /* scale and folded option text -> index into label_values */
    char **label_keys;
    int *label_values;
    size_t label_count;
};

/* ---- values (ingest_value.c) ---- */

enum { INGEST_WHY = 320, INGEST_DATE_MAX = 64 };  /* room for a reason, a date */

struct ingest_zone {
    int set, minutes;
};
/* Excel serials: days from 1899-12-30, or from 1904-01-01 in a workbook of
 * the 1904 date system. */
enum { SERIAL_NO, SERIAL_1900, SERIAL_1904 };
/* A date into ISO 8601 with offset (out holds INGEST_DATE_MAX). `serial_ok`: the cell was
 * an XLSX number (SERIAL_*), so an Excel serial is accepted. Returns 0, -1 with *why
 * (a reject), or -2 when a local time meets no zone (the run stops). */
int ingest_parse_date(const char *s, unsigned formats, int serial_ok, struct ingest_zone zone,
                      char *out, char *why);
/* A score: 1 and *value, 0 when not answered, -1 with *why. lo > hi: any whole number. */
int ingest_parse_score(const struct anketa_profile *p, const char *s, int lo, int hi,
                       long *value, char *why);
/* A weight: a whole number >= 1 by weight_parse's grouped rule (weight.h). */
int ingest_parse_weight(const char *s, long *value, char *why);

/* ---- the seen set (ingest_seen.c) ---- */

/* An id's 64-bit hash and its content's 32-bit hash, in an open-addressed
 * table of 12-byte slots (one cache miss a look-up) kept between 40% and 80%
 * full: at most 30 bytes per id. */
struct seen_slot {
    uint32_t id_lo, id_hi, sum;   /* id 0: empty */
};
struct ingest_seen {
    struct seen_slot *slots;
    size_t cap, count;
};
enum { SEEN_NEW, SEEN_DUPLICATE, SEEN_CONFLICT, SEEN_NOMEM = -1 };
int ingest_seen_check(struct ingest_seen *s, uint64_t id, uint32_t sum);
static inline void ingest_seen_prefetch(const struct ingest_seen *s, uint64_t id)
{
    if (s->cap)
        __builtin_prefetch(&s->slots[(size_t)id & (s->cap - 1)]);
}
/* 0, 1 for a file of v1 (no checksum, read all the same), or an error. */
int ingest_seen_load(struct ingest_seen *s, const char *path, struct anketa_error *err);
int ingest_seen_save(const struct ingest_seen *s, const char *path, struct anketa_error *err);
/* The seen file's bytes to fp; write errors show when fp is checked. */
int ingest_seen_write(const struct ingest_seen *s, FILE *fp, struct anketa_error *err);
void ingest_seen_free(struct ingest_seen *s);
/* Locks "<path>.lock": its descriptor (the lock lasts until it is closed),
 * -2 when another process holds it and `block` is 0, or -1 with err set. */
int ingest_seen_lock(const char *path, int block, struct anketa_error *err);
uint64_t ingest_hash64(const char *s, size_t len);
/* The content hash of an output row's fields (the id left out by the caller). */
uint32_t ingest_content_hash(const char *s, size_t len);

/* ---- anonymity (ingest_anon.c) ---- */

/* The keyed hash of an id as 32 hex digits (out holds 33). */
int ingest_anon_id(const unsigned char *key, size_t key_len, const char *id, size_t len,
                   char *out);
/* Copies s with e-mail addresses, phone numbers (+7 (913) 123-45-67, 8 913
 * 1234567, 89131234567...), СНИЛС (123-456-789 01), ИНН (10 or 12 digits),
 * passport numbers (45 06 123456, 4506 123456) and card numbers (16 digits
 * passing Luhn) replaced by placeholders; out holds 4 * len + 64. Returns
 * the length and adds to the *_masked counters of n. */
size_t ingest_mask(const char *s, size_t len, char *out, struct anketa_ingest_counts *n);
/* Adds the *_masked counters of from to those of to. */
void ingest_add_masked(struct anketa_ingest_counts *to, const struct anketa_ingest_counts *from);
/* An output date (ISO 8601, seconds and offset) to the precision of
 * --time-precision: what is below it set to zero. */
void ingest_coarsen_time(char *date, int precision);

/* ---- the ingest itself (ingest.c, ingest_header.c, ingest_record.c,
 * ingest_reject.c), fed by the readers ---- */

enum { MEMO = 8 };

struct question_column {
    char *name;                 /* output header: q.<id> */
    char *text;                 /* the campaign's question text as a key; may be NULL */
    int lo, hi;                 /* lo > hi: any whole number (no campaign) */
    int column;                 /* in the current file, or -1 */
    /* The last texts read and their scores: an export repeats a handful of
     * option texts millions of times, and folding each costs. */
    char *memo_text[MEMO];
    size_t memo_len[MEMO];
    char memo_score[MEMO][16];
    unsigned memo_next;
};

/* A growing byte buffer that hands out offsets (pointers move on growth). */
struct arena {
    char *p;
    size_t len, cap;
};

struct anketa_ingest {
    struct anketa_ingest_config cfg;
    const struct anketa_profile *profile;
    const struct anketa_campaign *campaign;
    struct ingest_zone zone;
    struct ingest_seen seen;
    int seen_lock;              /* the lock's descriptor + 1; 0: none */
    struct anketa_ingest_counts counts;
    unsigned char key[32];      /* the anonymity key, derived from the caller's */

    struct question_column *questions;
    size_t question_count;
    int header_written;

    /* The current file. */
    struct ingest_source *src;
    int *columns[FIELD_COUNT];  /* candidate columns of each field, in profile order */
    size_t column_count[FIELD_COUNT];
    size_t width;               /* fields in the header */
    unsigned char *column_role; /* COLUMN_* of each, for anonymous rejects */

    /* Items by exact name; a name two items share is marked ambiguous. */
    struct anketa_strmap item_names;
    unsigned char *item_ambiguous;

    /* Per-record scratch. */
    struct arena text;          /* fields as UTF-8 */
    size_t *text_off, *text_len, text_cap;
    struct arena row;           /* output fields */
    size_t *row_off, *row_len, row_cap;
    const char **row_ptr;       /* row_cap of them */
    struct arena raw;           /* an output line, or a rejected record as text */

    /* The second thread's half of a file (ingest_split.c): lines and rejects
     * go to this stream in order, for the first thread to replay after its
     * own half, when the ids seen are known. NULL: written at once. */
    FILE *deferred;
    int clone;                  /* shares the mapping of another; frees only its own */
};

#define OUT_FIXED 10            /* response_id .. weight, before the questions */
enum { COLUMN_TEXT, COLUMN_ID, COLUMN_DATE, COLUMN_IDENTIFYING };

/* The layers of ingest, top to bottom; each calls only the ones below it:
 *   set-up      ingest.c, ingest_profile.c, ingest_options.c
 *   file        ingest_split.c (one thread or two), ingest_scan.c, ingest_xlsx.c
 *   records     ingest_csv.c (a range of a CSV file, over csv_scan.c)
 *   header      ingest_header.c
 *   decoding    ingest_record.c (a record, step by step, to its output line)
 *   sink        ingest_sink.c, ingest_reject.c, ingest_seen.c
 *   state       ingest_state.c, and the pure helpers every layer may use:
 *               ingest_value.c, ingest_text.c, ingest_anon.c */

/* One input record, fields as raw bytes of the file (not yet UTF-8 when the
 * file is Windows-1251). */
struct ingest_record {
    char **fields;
    size_t *lengths;
    size_t count;
    long line;
    int serial_date;  /* the date cell is an XLSX number: SERIAL_* */
    long long offset; /* CSV: where the record is in the file, and its bytes */
    size_t span;
};

/* How sure an automatic encoding is (ingest_scan.c): the whole file was
 * looked at and has lines in both (the minority's records are rejected), or
 * a stream was decided as Windows-1251 from its first non-ASCII block (a
 * UTF-8 field after it is rejected, not read as mojibake). */
enum { MIXED_NO, MIXED_FILE, MIXED_STREAM };

struct ingest_source {
    const char *name;         /* for messages and the reject file */
    int encoding;             /* decided; ANKETA_ENCODING_AUTO while undecided (ASCII so far) */
    int delimiter;            /* decided (sniffed or given); rejects are re-joined with it */
    long long size;           /* a regular file's bytes when opened; -1: a stream */
    int mixed;                /* MIXED_* */
};

/* ---- file (ingest_split.c, ingest_scan.c, ingest_xlsx.c) ---- */

/* A CSV file or "-": scanned, then read by one thread or two. */
int ingest_read_csv(struct anketa_ingest *in, const char *path, int encoding, int delimiter,
                    struct anketa_error *err);
int ingest_read_xlsx(struct anketa_ingest *in, const char *path, struct anketa_error *err);
enum { INGEST_BLOCK = 1 << 20 };   /* the read size, which the decision depends on */
/* A regular file before it is read: src->size, and with encoding AUTO the
 * encoding from all of its lines (src->mixed, and a warning for the caller
 * in `warning`, when it has lines in both). Leaves fp at the start; a
 * stream is left alone (size -1). 0, or a negative status with err set. */
int ingest_scan_file(FILE *fp, struct ingest_source *src, char *warning, size_t warning_cap,
                     struct anketa_error *err);
/* The delimiter (',', ';' or tab) the header line at p (outside quotes) has
 * most of. */
int ingest_sniff_delimiter(const char *p, size_t n);
/* A stream's encoding from a block: ANKETA_ENCODING_AUTO while it is all
 * ASCII, then UTF-8 when it is well-formed UTF-8 (a sequence cut by the
 * block's end allowed), else Windows-1251. */
int ingest_decide_encoding(const char *p, size_t n);
/* Whether p starts with a UTF-8 byte order mark. */
int ingest_has_bom(const char *p, size_t n);

/* ---- records (ingest_csv.c) ---- */

/* Reads the file's records in [start, limit) (limit -1: to the end) with
 * the header and encoding of `src` (ingest_csv.c). `verified` is cleared when
 * the last record runs on past limit (the cut was not a record boundary);
 * `stop_at` and `line` then say where that record starts. */
struct ingest_range {
    long long start, limit, stop_at;
    long line;                 /* line number at start */
    int first;                 /* the file's start: BOM, delimiter */
    int need_header;           /* the header is still to come (cleared once read) */
    int verified;
    /* Called once the header is mapped; returning 0 lifts the limit. */
    int (*after_header)(void *arg);
    void *arg;
};
int ingest_read_range(struct anketa_ingest *in, FILE *fp, struct ingest_source *src,
                      struct ingest_range *range, struct anketa_error *err);
/* Rejects the record at [offset, offset + span) of the file again, read
 * anew (a conflict found when a deferred line is replayed). */
int ingest_reject_again(struct anketa_ingest *in, FILE *fp, struct ingest_source *src,
                        long long offset, size_t span, long line, const char *reason,
                        struct anketa_error *err);

/* ---- header (ingest_header.c) ---- */

/* The header of a file: maps columns, fails when a required one is missing. */
int ingest_begin_file(struct anketa_ingest *in, struct ingest_source *src,
                      const struct ingest_record *header, struct anketa_error *err);

/* ---- decoding (ingest_record.c) ---- */

/* One record: to the output, the rejects, or the duplicate count. A negative
 * status stops the run (out of memory, a local time with no zone). */
int ingest_take(struct anketa_ingest *in, const struct ingest_record *rec,
                struct anketa_error *err);

/* ---- sink (ingest_sink.c, ingest_reject.c) ---- */

/* A finished output line against the ids seen: written (SEEN_NEW), counted
 * as a duplicate, or a conflict with `why` set for the reject; SEEN_NOMEM. */
int ingest_commit_line(struct anketa_ingest *in, uint64_t id, uint32_t sum, int outside,
                       const char *line, size_t len, char *why);
/* A reject made on the second thread, told and written now. */
void ingest_commit_reject(struct anketa_ingest *in, const char *file, long line,
                          const char *reason, const char *row, size_t row_len);
/* A record of the second half, deferred: its output line with the hashes
 * the first thread checks, or its reject. */
int ingest_defer_line(struct anketa_ingest *in, const struct ingest_record *rec, uint64_t id,
                      uint32_t sum, int outside, const char *line, size_t len);
int ingest_defer_reject(struct anketa_ingest *in, long line, const char *reason,
                        const char *row, size_t row_len);
/* A deferred entry read back; buf and cap are the reader's, freed by it. */
struct ingest_deferred {
    int reject, outside;
    uint32_t sum;
    uint64_t id;
    long long offset;
    long line;
    size_t span;
    const char *text;           /* the output line, or the reason of a reject */
    size_t text_len;
    const char *row;            /* a reject's row for the rejects file */
    size_t row_len;
    char reason[INGEST_WHY + 64];
    char *buf;
    size_t cap;
};
/* 1 with *d filled, 0 at the end, or a negative status. */
int ingest_deferred_next(FILE *s, struct ingest_deferred *d, struct anketa_error *err);
int ingest_reject(struct anketa_ingest *in, const struct ingest_record *rec, const char *reason,
                  struct anketa_error *err);
/* A record the reader could not close (a quote open at the end): a reject. */
int ingest_reject_raw(struct anketa_ingest *in, const struct ingest_record *rec,
                      const char *reason, struct anketa_error *err);
/* Appends a field (after `delim` when `separator`) quoted as CSV needs. */
int ingest_join_field(struct arena *a, const char *p, size_t len, int delim, int separator);

/* ---- state (ingest_state.c) ---- */

/* Appends len bytes of s (NULL: room only) and a NUL; *off where they start. */
int ingest_arena_put(struct arena *a, const char *s, size_t len, size_t *off);
int ingest_nomem(struct anketa_error *err);
/* Frees what this ingest owns (its scratch and memos; a clone leaves the
 * mapping it shares), not the struct itself. */
void ingest_free_own(struct anketa_ingest *in);
/* A question of the output, "q.<id>" with its text (NULL without a
 * campaign) and scale (lo > hi: any number). */
int ingest_add_question(struct anketa_ingest *in, const char *name, const char *text, int lo,
                        int hi);
/* Tells the caller "file: message" as a warning (on_warning). */
void ingest_warn(const struct anketa_ingest *in, const char *file, const char *message);
/* Which column (or -1) the date is read from, for the XLSX reader. */
int ingest_date_column(const struct anketa_ingest *in);

#endif
