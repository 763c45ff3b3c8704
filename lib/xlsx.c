/* Streaming XLSX reader: the workbook and its relationships name the first
 * sheet, the shared strings are loaded whole, and the sheet is fed to expat a
 * chunk at a time. The parser is suspended at each </row>, so one row is built
 * at a time and memory stays bounded whatever the sheet's size. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "util.h"
#include "xlsx.h"

#define READ_CHUNK 65536
#define MAX_COLUMNS 16384            /* Excel's XFD */
#define MAX_ROW_NUMBER 1048576L      /* Excel's last row */
#define MAX_CELL_BYTES (1u << 20)    /* Excel caps a cell at 32767 characters */
#define MAX_ROW_BYTES (64u << 20)
#define MAX_SST_XML ((zip_uint64_t)256 << 20)
#define MAX_STRINGS (1u << 24)
/* Expat keeps an unfinished token (a tag, a comment) whole and scans it again
 * with each chunk, so a long one costs memory and quadratic time; text is
 * handed out as it comes and is not held. */
#define MAX_TOKEN ((XML_Index)1 << 20)
/* SpreadsheetML nests about seven deep; expat keeps every open element, so
 * 10M nested ones (74 KB zipped) once took 1.4 GB. */
#define MAX_DEPTH 64

enum cell_type { T_NUMBER, T_SHARED, T_INLINE, T_OTHER };

struct buf {
    char *p;
    size_t len, cap;
};

struct xlsx_reader {
    char *name;              /* the path, for messages */
    zip_t *zip;
    zip_file_t *sheet;
    char *sheet_entry;
    XML_Parser parser;       /* the sheet's */
    XML_Parser cur;          /* the parser running now, for fail() */

    /* Shared strings: string i at sst.p + sst_off[i], NUL-terminated, its
     * length sst_off[i + 1] - sst_off[i] - 1 (32 bits, as the XML is capped). */
    struct buf sst;
    uint32_t *sst_off;
    size_t sst_count, sst_cap;

    /* Parse state, shared by the sheet and the small parts. */
    int in_sheetdata, in_row, in_cell, in_text, in_is, in_si, rph_depth;
    int cell_type, cell_has_value;
    size_t cell_col, next_col;
    struct buf text;         /* text of the cell or <si> being read */
    const char *want_rid;    /* rels: the Id looked for */
    char *found;             /* workbook: the first sheet's r:id; rels: its target */
    char *sst_target;
    int stop_ok;             /* the part parser was stopped because it had its answer */
    const char *entry;       /* the part being parsed, for messages */
    int depth;               /* of elements open in it */

    /* The row being built and handed out. */
    struct buf data;
    size_t *offsets, *lengths;
    unsigned char *numeric;
    char **fields;
    size_t count, fcap;
    long line;
    struct xlsx_row out;

    int date1904;            /* serials count from 1904-01-01 (workbookPr date1904) */
    XML_Index fed, last_event; /* bytes given to the running parser; where it last called back */
    int row_ready, suspended, fed_final, done, failed;
    struct anketa_error pending;
};

/* Records the first error and stops the running parser for good. */
static void fail(struct xlsx_reader *x, int code, const char *fmt, ...) ANKETA_PRINTF(3, 4);
static void fail(struct xlsx_reader *x, int code, const char *fmt, ...)
{
    if (x->failed)
        return;
    char what[ANKETA_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    x->failed = 1;
    anketa_error_at(&x->pending, code, x->name, x->line, 0, "%s", what);
    if (x->cur)
        XML_StopParser(x->cur, XML_FALSE);
}

static void oom(struct xlsx_reader *x)
{
    fail(x, ANKETA_ERR_NOMEM, "out of memory");
}

static int buf_add(struct xlsx_reader *x, struct buf *b, const char *s, size_t n)
{
    if (anketa_reserve((void **)&b->p, &b->cap, b->len + n + 1, 1) != 0) {
        oom(x);
        return -1;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

/* Element and attribute names without a namespace prefix: "x:row" is "row". */
static const char *local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

/* Notes that the running parser got this far (see MAX_TOKEN). */
static void seen(struct xlsx_reader *x)
{
    x->last_event = XML_GetCurrentByteIndex(x->cur);
}

/* An element opens: fails past MAX_DEPTH. 0, or -1 when it failed. */
static int enter(struct xlsx_reader *x)
{
    seen(x);
    if (++x->depth <= MAX_DEPTH)
        return 0;
    fail(x, ANKETA_ERR_LIMIT, "%s: elements nested more than %d deep", x->entry, MAX_DEPTH);
    return -1;
}

static void leave(struct xlsx_reader *x)
{
    seen(x);
    x->depth--;
}

/* Whether what the parser holds unparsed is past MAX_TOKEN; fails if so. */
static int token_too_long(struct xlsx_reader *x, const char *entry)
{
    if (x->fed - x->last_event <= MAX_TOKEN)
        return 0;
    fail(x, ANKETA_ERR_LIMIT, "%s: an XML token (tag or comment) longer than %lld bytes", entry,
         (long long)MAX_TOKEN);
    return 1;
}

static const char *attr(const char **atts, const char *name)
{
    for (; atts[0]; atts += 2)
        if (strcmp(atts[0], name) == 0)
            return atts[1];
    return NULL;
}

/* OOXML parts never carry a DTD; refusing one rules out entity expansion. */
static void on_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid,
                       const XML_Char *pubid, int has_internal_subset)
{
    fail(ctx, ANKETA_ERR_PARSE, "a DOCTYPE in an xlsx part is not allowed");
}

static XML_Parser new_parser(struct xlsx_reader *x)
{
    XML_Parser p = XML_ParserCreate(NULL);
    if (p == NULL)
        return NULL;
    XML_SetUserData(p, x);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
    return p;
}

static void xml_error(struct xlsx_reader *x, XML_Parser p, const char *entry)
{
    fail(x, ANKETA_ERR_PARSE, "%s: broken XML at line %lu, column %lu: %s", entry,
         (unsigned long)XML_GetCurrentLineNumber(p),
         (unsigned long)XML_GetCurrentColumnNumber(p) + 1,
         XML_ErrorString(XML_GetErrorCode(p)));
}

static zip_int64_t locate(struct xlsx_reader *x, const char *entry)
{
    zip_int64_t i = zip_name_locate(x->zip, entry, 0);
    /* Part names are case-insensitive in OPC. */
    return i >= 0 ? i : zip_name_locate(x->zip, entry, ZIP_FL_NOCASE);
}

/* Parses a whole (small) part with the handlers given; 0 or -1 (x->pending set). */
static int parse_part(struct xlsx_reader *x, const char *entry, zip_uint64_t limit,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler chars)
{
    zip_int64_t idx = locate(x, entry);
    if (idx < 0) {
        fail(x, ANKETA_ERR_PARSE, "not an xlsx file: no %s in the archive", entry);
        return -1;
    }
    zip_stat_t st;
    if (zip_stat_index(x->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > limit) {
        fail(x, ANKETA_ERR_LIMIT, "%s: %llu bytes is more than the %llu allowed", entry,
             (unsigned long long)st.size, (unsigned long long)limit);
        return -1;
    }
    zip_file_t *zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
    XML_Parser p = zf ? new_parser(x) : NULL;
    if (p == NULL) {
        if (zf == NULL)
            fail(x, ANKETA_ERR_PARSE, "%s: %s", entry, zip_strerror(x->zip));
        else
            oom(x);
        if (zf)
            zip_fclose(zf);
        return -1;
    }
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, chars);
    x->cur = p;
    x->stop_ok = 0;
    x->entry = entry;
    x->depth = 0;
    x->fed = x->last_event = 0;
    zip_uint64_t total = 0;
    for (;;) {
        void *b = XML_GetBuffer(p, READ_CHUNK);
        if (b == NULL) {
            oom(x);
            break;
        }
        zip_int64_t n = zip_fread(zf, b, READ_CHUNK);
        if (n < 0) {
            fail(x, ANKETA_ERR_PARSE, "%s: damaged archive: %s", entry, zip_file_strerror(zf));
            break;
        }
        total += (zip_uint64_t)n;
        if (total > limit) {
            fail(x, ANKETA_ERR_LIMIT, "%s: more than the %llu bytes allowed", entry,
                 (unsigned long long)limit);
            break;
        }
        x->fed += n;
        if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
            if (!x->stop_ok)
                xml_error(x, p, entry);
            break;
        }
        if (token_too_long(x, entry))
            break;
        if (n == 0)
            break;
    }
    x->cur = NULL;
    XML_ParserFree(p);
    zip_fclose(zf);
    return x->failed ? -1 : 0;
}

/* --- xl/workbook.xml: the first <sheet>'s relationship id ------------------ */

static void wb_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
    struct xlsx_reader *x = ctx;
    if (enter(x) != 0)
        return;
    if (strcmp(local(name), "workbookPr") == 0) {
        const char *v = attr(atts, "date1904");
        x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
        return;
    }
    if (strcmp(local(name), "sheet") != 0)
        return;
    /* r:id, whatever the prefix bound to the relationships namespace. */
    for (const char **a = atts; a[0]; a += 2)
        if (strchr(a[0], ':') && strcmp(local(a[0]), "id") == 0 && strncmp(a[0], "xmlns", 5) != 0) {
            if ((x->found = strdup(a[1])) == NULL) {
                oom(x);
                return;
            }
            x->stop_ok = 1;
            XML_StopParser(x->cur, XML_FALSE);
            return;
        }
    fail(x, ANKETA_ERR_PARSE, "xl/workbook.xml: the first <sheet> has no r:id");
}

static void no_end(void *ctx, const XML_Char *name)
{
    leave(ctx);
}

static void no_chars(void *ctx, const XML_Char *s, int len)
{
    seen(ctx);
}

/* --- xl/_rels/workbook.xml.rels: the sheet's and the shared strings' parts - */

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void rels_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
    struct xlsx_reader *x = ctx;
    if (enter(x) != 0)
        return;
    if (strcmp(local(name), "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
    const char *type = attr(atts, "Type"), *mode = attr(atts, "TargetMode");
    if (target == NULL || (mode && strcmp(mode, "External") == 0))
        return;
    char **slot = NULL;
    if (id && x->found == NULL && strcmp(id, x->want_rid) == 0)
        slot = &x->found;
    else if (type && x->sst_target == NULL && ends_with(type, "/sharedStrings"))
        slot = &x->sst_target;
    if (slot && (*slot = strdup(target)) == NULL)
        oom(x);
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The part name a relationship target names, relative to xl/: "worksheets/a.xml"
 * is "xl/worksheets/a.xml", "/xl/b.xml" is "xl/b.xml"; "." and ".." segments
 * are resolved and %XX escapes decoded. NULL when out of memory. */
static char *resolve(const char *target)
{
    size_t n = strlen(target);
    char *out = malloc(n + 4);
    if (out == NULL)
        return NULL;
    size_t len = 0;
    if (target[0] == '/')
        target++;
    else {
        memcpy(out, "xl/", 3);
        len = 3;
    }
    while (*target) {
        const char *slash = strchr(target, '/');
        size_t seg = slash ? (size_t)(slash - target) : strlen(target);
        if (seg == 2 && memcmp(target, "..", 2) == 0) {
            /* Drop the last segment written, and its slash. */
            if (len > 0)
                len--;
            while (len > 0 && out[len - 1] != '/')
                len--;
        } else if (seg > 0 && !(seg == 1 && target[0] == '.')) {
            for (size_t i = 0; i < seg; i++) {
                char c = target[i];
                int hi, lo;
                if (c == '%' && i + 2 < seg && (hi = hex(target[i + 1])) >= 0 &&
                    (lo = hex(target[i + 2])) >= 0) {
                    c = (char)(hi * 16 + lo);
                    i += 2;
                }
                out[len++] = c;
            }
            if (slash)
                out[len++] = '/';
        }
        target += seg + (slash != NULL);
    }
    out[len] = '\0';
    return out;
}

/* --- xl/sharedStrings.xml ------------------------------------------------- */

static void text_start(struct xlsx_reader *x, const char *n)
{
    if (strcmp(n, "rPh") == 0)
        x->rph_depth++;
    else if (strcmp(n, "t") == 0 && x->rph_depth == 0)
        x->in_text = 1;
}

static void text_end(struct xlsx_reader *x, const char *n)
{
    if (strcmp(n, "rPh") == 0) {
        if (x->rph_depth > 0)
            x->rph_depth--;
    } else if (strcmp(n, "t") == 0)
        x->in_text = 0;
}

static void on_text(void *ctx, const XML_Char *s, int len)
{
    struct xlsx_reader *x = ctx;
    seen(x);
    if (!x->in_text || x->failed)
        return;
    if (x->text.len + (size_t)len > MAX_CELL_BYTES) {
        fail(x, ANKETA_ERR_LIMIT, "a cell's text is longer than %u bytes", MAX_CELL_BYTES);
        return;
    }
    buf_add(x, &x->text, s, (size_t)len);
}

static void sst_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
    struct xlsx_reader *x = ctx;
    if (enter(x) != 0)
        return;
    const char *n = local(name);
    if (strcmp(n, "si") == 0) {
        x->in_si = 1;
        x->rph_depth = 0;
        x->text.len = 0;
    } else if (x->in_si)
        text_start(x, n);
}

static void sst_end(void *ctx, const XML_Char *name)
{
    struct xlsx_reader *x = ctx;
    leave(x);
    const char *n = local(name);
    if (strcmp(n, "si") == 0 && x->in_si) {
        x->in_si = 0;
        x->in_text = 0;
        if (x->sst_count == MAX_STRINGS) {
            fail(x, ANKETA_ERR_LIMIT, "more than %u shared strings", MAX_STRINGS);
            return;
        }
        /* One slot more than the strings, for the end of the last. */
        if (anketa_reserve((void **)&x->sst_off, &x->sst_cap, x->sst_count + 2,
                           sizeof *x->sst_off) != 0) {
            oom(x);
            return;
        }
        if (buf_add(x, &x->sst, x->text.p ? x->text.p : "", x->text.len) == 0) {
            x->sst.len++; /* keep the NUL */
            x->sst_count++;
            x->sst_off[x->sst_count] = (uint32_t)x->sst.len;
        }
    } else if (x->in_si)
        text_end(x, n);
}

static int load_shared_strings(struct xlsx_reader *x, const char *entry)
{
    zip_int64_t idx = locate(x, entry);
    if (idx < 0)
        return 0; /* a workbook of numbers only may have none */
    /* A start sized from the declared size, which a hostile archive may
     * inflate: so no more than 16 MiB; the rest grows with what is there. */
    zip_stat_t st;
    if (zip_stat_index(x->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
        zip_uint64_t want = st.size / 2 < (16u << 20) ? st.size / 2 : (16u << 20);
        if (anketa_reserve((void **)&x->sst.p, &x->sst.cap, (size_t)want + 1, 1) != 0) {
            oom(x);
            return -1;
        }
    }
    if (anketa_reserve((void **)&x->sst_off, &x->sst_cap, 1, sizeof *x->sst_off) != 0) {
        oom(x);
        return -1;
    }
    x->sst_off[0] = 0;
    return parse_part(x, entry, MAX_SST_XML, sst_start, sst_end, on_text);
}

/* --- the sheet ------------------------------------------------------------ */

static int add_field(struct xlsx_reader *x, const char *s, size_t n, int numeric)
{
    if (x->count == x->fcap) {
        size_t ncap = x->fcap ? x->fcap * 2 : 32;
        size_t *o = realloc(x->offsets, ncap * sizeof *o);
        if (o)
            x->offsets = o;
        size_t *l = o ? realloc(x->lengths, ncap * sizeof *l) : NULL;
        if (l)
            x->lengths = l;
        unsigned char *m = l ? realloc(x->numeric, ncap) : NULL;
        if (m)
            x->numeric = m;
        char **f = m ? realloc(x->fields, (ncap + 1) * sizeof *f) : NULL;
        if (f == NULL) {
            oom(x);
            return -1;
        }
        x->fields = f;
        x->fcap = ncap;
    }
    if (x->data.len + n + 1 > MAX_ROW_BYTES) {
        fail(x, ANKETA_ERR_LIMIT, "the row is longer than %u bytes", MAX_ROW_BYTES);
        return -1;
    }
    x->offsets[x->count] = x->data.len;
    x->lengths[x->count] = n;
    x->numeric[x->count] = (unsigned char)numeric;
    if (buf_add(x, &x->data, s, n) != 0)
        return -1;
    x->data.len++; /* keep the NUL */
    x->count++;
    return 0;
}

/* Column index of a reference such as "C5" (2), or -1 when malformed. */
static long column_of(const char *ref)
{
    long col = 0;
    int letters = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++, letters++) {
        if (letters == 3)
            return -1;
        col = col * 26 + (*ref - 'A' + 1);
    }
    if (letters == 0)
        return -1;
    if (*ref < '1' || *ref > '9')
        return -1;
    while (*ref >= '0' && *ref <= '9')
        ref++;
    return *ref ? -1 : col - 1;
}

static void row_start(struct xlsx_reader *x, const char **atts)
{
    if (x->in_row) {
        fail(x, ANKETA_ERR_PARSE, "a <row> inside a <row>");
        return;
    }
    const char *r = attr(atts, "r");
    long line = x->line + 1;
    if (r) {
        char *end;
        errno = 0;
        line = strtol(r, &end, 10);
        if (end == r || *end || errno)
            line = -1;
    }
    if (line < 1 || line > MAX_ROW_NUMBER) {
        fail(x, ANKETA_ERR_PARSE, "row number '%s' is not between 1 and %ld", r ? r : "",
             MAX_ROW_NUMBER);
        return;
    }
    x->line = line;
    x->in_row = 1;
    x->count = 0;
    x->data.len = 0;
    x->next_col = 0;
}

static void cell_start(struct xlsx_reader *x, const char **atts)
{
    if (!x->in_row || x->in_cell) {
        fail(x, ANKETA_ERR_PARSE, "a <c> outside a <row>");
        return;
    }
    const char *r = attr(atts, "r"), *t = attr(atts, "t");
    size_t col = x->next_col;
    if (r) {
        long c = column_of(r);
        if (c < 0) {
            fail(x, ANKETA_ERR_PARSE, "bad cell reference '%s'", r);
            return;
        }
        if (c >= MAX_COLUMNS) {
            fail(x, ANKETA_ERR_LIMIT, "cell %s is beyond column XFD", r);
            return;
        }
        if ((size_t)c < x->next_col) {
            fail(x, ANKETA_ERR_PARSE, "cell %s is out of order or repeated", r);
            return;
        }
        col = (size_t)c;
    } else if (col >= MAX_COLUMNS) {
        fail(x, ANKETA_ERR_LIMIT, "more than %d cells in a row", MAX_COLUMNS);
        return;
    }
    x->cell_col = col;
    x->next_col = col + 1;
    if (t == NULL || strcmp(t, "n") == 0)
        x->cell_type = T_NUMBER;
    else if (strcmp(t, "s") == 0)
        x->cell_type = T_SHARED;
    else if (strcmp(t, "inlineStr") == 0)
        x->cell_type = T_INLINE;
    else
        x->cell_type = T_OTHER; /* str, b, e, d: the text as it stands */
    x->in_cell = 1;
    x->in_is = 0;
    x->cell_has_value = 0;
    x->rph_depth = 0;
    x->text.len = 0;
}

static void cell_end(struct xlsx_reader *x)
{
    x->in_cell = 0;
    x->in_text = 0;
    if (!x->cell_has_value)
        return;
    const char *s = x->text.p ? x->text.p : "";
    size_t n = x->text.len;
    if (x->cell_type == T_SHARED) {
        /* The value is an index into the shared strings. */
        size_t i = 0;
        const char *p = s;
        while (*p == ' ')
            p++;
        int digits = 0;
        for (; *p >= '0' && *p <= '9' && digits < 19; p++, digits++)
            i = i * 10 + (size_t)(*p - '0');
        while (*p == ' ')
            p++;
        if (digits == 0 || *p || i >= x->sst_count) {
            fail(x, ANKETA_ERR_PARSE, "shared string index '%.40s' is not one of the %zu strings",
                 s, x->sst_count);
            return;
        }
        s = x->sst.p + x->sst_off[i];
        n = x->sst_off[i + 1] - x->sst_off[i] - 1;
    }
    while (x->count < x->cell_col)
        if (add_field(x, "", 0, 0) != 0)
            return;
    add_field(x, s, n, x->cell_type == T_NUMBER);
}

static void sheet_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
    struct xlsx_reader *x = ctx;
    if (enter(x) != 0)
        return;
    const char *n = local(name);
    if (x->in_cell) {
        if (strcmp(n, "v") == 0 && !x->in_is) {
            x->in_text = 1;
            x->cell_has_value = 1;
        } else if (strcmp(n, "is") == 0) {
            x->in_is = 1;
            x->cell_has_value = 1;
        } else if (x->in_is)
            text_start(x, n);
    } else if (strcmp(n, "c") == 0)
        cell_start(x, atts);
    else if (strcmp(n, "row") == 0) {
        if (x->in_sheetdata)
            row_start(x, atts);
    } else if (strcmp(n, "sheetData") == 0)
        x->in_sheetdata = 1;
}

static void sheet_end(void *ctx, const XML_Char *name)
{
    struct xlsx_reader *x = ctx;
    leave(x);
    const char *n = local(name);
    if (x->in_cell) {
        if (strcmp(n, "c") == 0)
            cell_end(x);
        else if (strcmp(n, "v") == 0)
            x->in_text = 0;
        else if (strcmp(n, "is") == 0)
            x->in_is = 0;
        else if (x->in_is)
            text_end(x, n);
    } else if (strcmp(n, "row") == 0 && x->in_row) {
        x->in_row = 0;
        if (x->count > 0 && !x->failed) {
            /* Hand this row out before expat reads the next. */
            x->row_ready = 1;
            XML_StopParser(x->parser, XML_TRUE);
        }
    } else if (strcmp(n, "sheetData") == 0)
        x->in_sheetdata = 0;
}

/* --- the API -------------------------------------------------------------- */

static int open_sheet(struct xlsx_reader *x)
{
    if (parse_part(x, "xl/workbook.xml", 64u << 20, wb_start, no_end, no_chars) != 0)
        return -1;
    if (x->found == NULL) {
        fail(x, ANKETA_ERR_PARSE, "xl/workbook.xml: the workbook has no sheets");
        return -1;
    }
    char *rid = x->found;
    x->found = NULL;
    x->want_rid = rid;
    int rc = parse_part(x, "xl/_rels/workbook.xml.rels", 64u << 20, rels_start, no_end,
                        no_chars);
    x->want_rid = NULL;
    if (rc == 0 && x->found == NULL)
        fail(x, ANKETA_ERR_PARSE, "xl/_rels/workbook.xml.rels: no target for the first sheet ('%s')",
             rid);
    free(rid);
    if (x->failed)
        return -1;
    x->sheet_entry = resolve(x->found);
    char *sst_entry = resolve(x->sst_target ? x->sst_target : "sharedStrings.xml");
    if (x->sheet_entry == NULL || sst_entry == NULL) {
        free(sst_entry);
        oom(x);
        return -1;
    }
    rc = load_shared_strings(x, sst_entry);
    free(sst_entry);
    if (rc != 0)
        return -1;
    zip_int64_t idx = locate(x, x->sheet_entry);
    if (idx < 0) {
        fail(x, ANKETA_ERR_PARSE, "not an xlsx file: the first sheet, %s, is not in the archive",
             x->sheet_entry);
        return -1;
    }
    if ((x->sheet = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0)) == NULL) {
        fail(x, ANKETA_ERR_PARSE, "%s: %s", x->sheet_entry, zip_strerror(x->zip));
        return -1;
    }
    if ((x->parser = new_parser(x)) == NULL) {
        oom(x);
        return -1;
    }
    x->fed = x->last_event = 0;
    x->entry = x->sheet_entry;
    x->depth = 0;
    XML_SetElementHandler(x->parser, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(x->parser, on_text);
    return 0;
}

struct xlsx_reader *xlsx_open(const char *path, struct anketa_error *err)
{
    struct xlsx_reader *x = calloc(1, sizeof *x);
    if (x == NULL || (x->name = strdup(path)) == NULL) {
        free(x);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    /* fopen first, so that a missing or unreadable file is an I/O error and
     * only a file that is there but no zip is a parse error. */
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
        xlsx_close(x);
        return NULL;
    }
    fclose(fp);
    int zerr = 0;
    if ((x->zip = zip_open(path, ZIP_RDONLY, &zerr)) == NULL) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        int io = zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ || zerr == ZIP_ER_NOENT;
        anketa_error_at(err, io ? ANKETA_ERR_IO : ANKETA_ERR_PARSE, path, 0, 0, "%s%s",
                        io ? "" : "not an xlsx file: ", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        xlsx_close(x);
        return NULL;
    }
    if (open_sheet(x) != 0) {
        if (err)
            *err = x->pending;
        xlsx_close(x);
        return NULL;
    }
    return x;
}

int xlsx_next(struct xlsx_reader *x, const struct xlsx_row **row, struct anketa_error *err)
{
    x->cur = x->parser;
    while (!x->failed && !x->done) {
        enum XML_Status st;
        x->row_ready = 0;
        if (x->suspended)
            st = XML_ResumeParser(x->parser);
        else {
            void *b = XML_GetBuffer(x->parser, READ_CHUNK);
            if (b == NULL) {
                oom(x);
                break;
            }
            zip_int64_t n = zip_fread(x->sheet, b, READ_CHUNK);
            if (n < 0) {
                fail(x, ANKETA_ERR_PARSE, "%s: damaged archive: %s", x->sheet_entry,
                     zip_file_strerror(x->sheet));
                break;
            }
            x->fed_final = n == 0;
            x->fed += n;
            st = XML_ParseBuffer(x->parser, (int)n, x->fed_final);
            if (st == XML_STATUS_OK && token_too_long(x, x->sheet_entry))
                break;
        }
        x->suspended = st == XML_STATUS_SUSPENDED;
        if (st == XML_STATUS_ERROR) {
            xml_error(x, x->parser, x->sheet_entry);
            break;
        }
        if (x->row_ready) {
            for (size_t i = 0; i < x->count; i++)
                x->fields[i] = x->data.p + x->offsets[i];
            x->fields[x->count] = NULL;
            x->out.count = x->count;
            x->out.fields = x->fields;
            x->out.lengths = x->lengths;
            x->out.line = x->line;
            *row = &x->out;
            return 1;
        }
        if (!x->suspended && x->fed_final)
            x->done = 1;
    }
    if (x->failed) {
        if (err)
            *err = x->pending;
        return x->pending.code;
    }
    return 0;
}

int xlsx_is_number(const struct xlsx_reader *x, size_t column)
{
    return column < x->out.count && x->numeric[column];
}

int xlsx_date1904(const struct xlsx_reader *x)
{
    return x->date1904;
}

void xlsx_close(struct xlsx_reader *x)
{
    if (x == NULL)
        return;
    if (x->parser)
        XML_ParserFree(x->parser);
    if (x->sheet)
        zip_fclose(x->sheet);
    if (x->zip)
        zip_discard(x->zip);
    free(x->sheet_entry);
    free(x->found);
    free(x->sst_target);
    free(x->sst.p);
    free(x->sst_off);
    free(x->text.p);
    free(x->data.p);
    free(x->offsets);
    free(x->lengths);
    free(x->numeric);
    free(x->fields);
    free(x->name);
    free(x);
}
