/* What the ingest command takes from its user and gives back, kept in the
 * library so that the command stays a front end: option values, the
 * anonymity key, standard output held until a run may be committed, and
 * the counts of what --anonymous masked. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anketa/ingest.h>

#include "ingest_int.h"
#include "util.h"

struct choice {
    const char *name;
    int value;
};

static const struct choice encodings[] = {
    { "auto", ANKETA_ENCODING_AUTO }, { "utf-8", ANKETA_ENCODING_UTF8 },
    { "utf8", ANKETA_ENCODING_UTF8 }, { "cp1251", ANKETA_ENCODING_CP1251 },
    { "windows-1251", ANKETA_ENCODING_CP1251 }, { NULL, 0 },
};
static const struct choice delimiters[] = {
    { "auto", 0 }, { ",", ',' }, { ";", ';' }, { "tab", '\t' }, { "\t", '\t' }, { NULL, 0 },
};
static const struct choice precisions[] = {
    { "minute", ANKETA_TIME_MINUTE }, { "hour", ANKETA_TIME_HOUR }, { "day", ANKETA_TIME_DAY },
    { NULL, 0 },
};

int anketa_ingest_option(const char *option, const char *value)
{
    const struct choice *c = strcmp(option, "encoding") == 0    ? encodings
                           : strcmp(option, "delimiter") == 0   ? delimiters
                           : strcmp(option, "time-precision") == 0 ? precisions : NULL;
    for (; c && c->name; c++)
        if (strcmp(value, c->name) == 0)
            return c->value;
    return -1;
}

unsigned char *anketa_ingest_read_key(const char *path, size_t *len, struct anketa_error *err)
{
    char *key = anketa_read_file(path, len, err);
    /* Without the final line end: a key written by echo equals the same key
     * in the environment. */
    while (key && *len > 0 && (key[*len - 1] == '\n' || key[*len - 1] == '\r'))
        key[--*len] = '\0';
    return (unsigned char *)key;
}

size_t anketa_ingest_masked(const struct anketa_ingest_counts *n, char *buf, size_t cap)
{
    int len = snprintf(buf, cap, "masked %llu e-mail addresses, %llu phone numbers, %llu SNILS, "
                                 "%llu INN, %llu passport and %llu card numbers; left out %llu "
                                 "identifying columns", n->emails_masked, n->phones_masked,
                       n->snils_masked, n->inns_masked, n->passports_masked, n->cards_masked,
                       n->columns_dropped);
    return len < 0 ? 0 : (size_t)len;
}

int anketa_ingest_config_set(struct anketa_ingest_config *cfg, const char *column,
                             const char *value)
{
    static const int settable[] = { FIELD_AUTHORITY, FIELD_DIRECTION, FIELD_SOURCE,
                                    FIELD_CHANNEL, FIELD_POINT };
    _Static_assert(FIELD_COUNT <= sizeof cfg->set / sizeof cfg->set[0], "room for every field");
    for (size_t i = 0; i < sizeof settable / sizeof settable[0]; i++)
        if (strcmp(column, ingest_field_names[settable[i]]) == 0) {
            cfg->set[settable[i]] = value;
            return 0;
        }
    return -1;
}

size_t anketa_ingest_notes(const struct anketa_ingest_counts *n,
                           const struct anketa_campaign *c, char *buf, size_t cap)
{
    size_t len = 0;
    char line[512];
    if (cap)
        buf[0] = '\0';
    if (n->outside_period > 0)
        len += (size_t)snprintf(line, sizeof line, "%llu accepted response%s dated outside the "
                                "campaign's period %s..%s\n", n->outside_period,
                                n->outside_period == 1 ? " is" : "s are",
                                c && c->period_start ? c->period_start : "",
                                c && c->period_end ? c->period_end : "");
    if (len && len < cap)
        strcpy(buf, line);
    if (n->items_shared > 0) {
        int k = snprintf(line, sizeof line, "%llu response%s an item that several items "
                         "share, kept with the item blank: --set authority=ID (or direction, "
                         "point) tells which\n", n->items_shared,
                         n->items_shared == 1 ? " names" : "s name");
        if (len + (size_t)k < cap)
            strcpy(buf + len, line);
        len += (size_t)k;
    }
    return len;
}
