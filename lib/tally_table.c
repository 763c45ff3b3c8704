/* Key dictionaries (string -> small id) and the group table (key ids ->
 * counters). Interning each key column apart keeps a group's key to a few
 * integers, so millions of groups fit in little memory and hash quickly. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"
#include "util.h"

/* The group table's slots fill up to 3/4 (the tags keep probes within a
 * cache line or two) where the dictionaries', small anyway, fill up to 1/2:
 * with millions of groups the slots are a third of the memory. */
#define TABLE_LOAD 3

static uint64_t load64(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

static uint32_t load32(const char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
    return w;
}

/* Key values are short ids: a tail of under 8 bytes is read as two
 * overlapping 4-byte words (or its first, middle and last byte), never byte
 * by byte; the final mix spreads every input bit over the high word, whose
 * low bits pick the slot. */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ len;
    while (len >= 8) {
        h = (h ^ load64(s)) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
        s += 8;
        len -= 8;
    }
    uint64_t w = 0;
    if (len >= 4)
        w = load32(s) | (uint64_t)load32(s + len - 4) << 32;
    else if (len > 0)
        w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
            (uint64_t)(unsigned char)s[len - 1] << 16;
    h ^= w;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53u;
    h ^= h >> 33;
    return h;
}

static uint64_t hash_ids(const uint32_t *ids, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ ids[i]) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 31;
    }
    h *= 0xC4CEB9FE1A85EC53u;
    h ^= h >> 33;
    return h;
}

/* Doubles an open-addressing slot array once `count` entries would fill
 * more than `load` quarters of it. */
static int grow_slots(uint64_t **slots, size_t *mask, size_t count, size_t load)
{
    size_t cap = *slots ? (*mask + 1) : 0;
    if (count * 4 < cap * load)
        return 0;
    size_t ncap = cap ? cap * 2 : 64;
    /* malloc and memset, not calloc: calloc'd pages are first mapped to the
     * zero page and then copied on the first write, with a TLB flush on every
     * core each time. */
    uint64_t *ns = anketa_big_alloc(ncap * sizeof *ns);
    if (ns == NULL)
        return -1;
    memset(ns, 0, ncap * sizeof *ns);
    for (size_t i = 0; i < cap; i++) {
        uint64_t e = (*slots)[i];
        if (e == 0)
            continue;
        size_t j = (size_t)(e >> 32) & (ncap - 1);
        while (ns[j] != 0)
            j = (j + 1) & (ncap - 1);
        ns[j] = e;
    }
    free(*slots);
    *slots = ns;
    *mask = ncap - 1;
    return 0;
}

int64_t tally_dict_intern(struct tally_dict *d, const char *s, size_t len)
{
    if ((d->slots == NULL || d->count * 2 >= d->slot_mask + 1) &&
        grow_slots(&d->slots, &d->slot_mask, d->count, 2) != 0)
        return -1;
    uint64_t h = hash_bytes(s, len);
    uint32_t tag = (uint32_t)(h >> 32);
    size_t j = (size_t)tag & d->slot_mask;
    for (;;) {
        uint64_t e = d->slots[j];
        if (e == 0)
            break;
        if ((uint32_t)(e >> 32) == tag) {
            uint32_t id = (uint32_t)e - 1;
            if (d->length[id] == len && memcmp(d->arena + d->offset[id], s, len) == 0)
                return id;
        }
        j = (j + 1) & d->slot_mask;
    }
    if (d->count == d->cap) {
        uint32_t ncap = d->cap ? d->cap * 2 : 64;
        size_t *o = realloc(d->offset, ncap * sizeof *o);
        if (o == NULL)
            return -1;
        d->offset = o;
        uint32_t *l = realloc(d->length, ncap * sizeof *l);
        if (l == NULL)
            return -1;
        d->length = l;
        d->cap = ncap;
    }
    if (d->arena_used + len + 1 > d->arena_cap) {
        size_t ncap = d->arena_cap ? d->arena_cap * 2 : 4096;
        while (ncap < d->arena_used + len + 1)
            ncap *= 2;
        char *a = realloc(d->arena, ncap);
        if (a == NULL)
            return -1;
        d->arena = a;
        d->arena_cap = ncap;
    }
    uint32_t id = d->count++;
    d->offset[id] = d->arena_used;
    d->length[id] = (uint32_t)len;
    memcpy(d->arena + d->arena_used, s, len);
    d->arena[d->arena_used + len] = '\0';
    d->arena_used += len + 1;
    d->slots[j] = ((uint64_t)tag << 32) | (id + 1u);
    return id;
}

const char *tally_dict_str(const struct tally_dict *d, uint32_t id, size_t *len)
{
    if (id == TALLY_STAR) {
        if (len)
            *len = 1;
        return "*";
    }
    if (len)
        *len = d->length[id];
    return d->arena + d->offset[id];
}

void tally_dict_free(struct tally_dict *d)
{
    free(d->arena);
    free(d->offset);
    free(d->length);
    free(d->slots);
    memset(d, 0, sizeof *d);
}

int tally_table_init(struct tally_table *t, size_t keys, size_t nstats)
{
    memset(t, 0, sizeof *t);
    t->keys = keys;
    t->nstats = nstats;
    t->stride = (keys + 1 + nstats) * sizeof(uint32_t);
    /* Chunks of at least 2 MiB (one huge page: the look-ups are random) that
     * waste under 1/16 when rounded up to whole huge pages. */
    const size_t huge = 2u << 20;
    t->chunk_bits = 15;
    while (t->chunk_bits < 24) {
        size_t size = t->stride << t->chunk_bits;
        if (size >= huge && ((size + huge - 1) / huge * huge - size) * 16 <= size)
            break;
        t->chunk_bits++;
    }
    return 0;
}

void tally_table_load(const struct tally_table *t, size_t g, size_t from, size_t n,
                      int64_t *out)
{
    const uint32_t *b = tally_table_ids(t, g) + t->keys;
    if (b[0] != 0) {
        memcpy(out, t->wide + (size_t)(b[0] - 1) * t->nstats + from, n * sizeof *out);
        return;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = b[1 + from + i];
}

int tally_table_widen(struct tally_table *t, size_t g)
{
    uint32_t *b = tally_table_ids(t, g) + t->keys;
    if (t->wide_count == UINT32_MAX - 1)
        return -1;
    if (t->wide_count == t->wide_cap) {
        size_t ncap = t->wide_cap ? t->wide_cap * 2 : 16;
        int64_t *w = realloc(t->wide, ncap * t->nstats * sizeof *w);
        if (w == NULL)
            return -1;
        t->wide = w;
        t->wide_cap = ncap;
    }
    tally_table_load(t, g, 0, t->nstats, t->wide + t->wide_count * t->nstats);
    b[0] = (uint32_t)++t->wide_count;
    return 0;
}

int tally_table_add_all(struct tally_table *t, size_t g, const int64_t *d)
{
    for (size_t i = 0; i < t->nstats; i++)
        if (d[i] != 0 && tally_table_add(t, g, i, d[i]) != 0)
            return -1;
    return 0;
}

void tally_table_release(struct tally_table *t, size_t g)
{
    for (size_t c = 0; c < (g >> t->chunk_bits) && c < t->chunk_count; c++) {
        free(t->chunks[c]);
        t->chunks[c] = NULL;
    }
}

uint64_t tally_table_hash(const struct tally_table *t, const uint32_t *ids)
{
    uint64_t h = hash_ids(ids, t->keys);
    if (t->slots)
        __builtin_prefetch(&t->slots[(size_t)(uint32_t)(h >> 32) & t->slot_mask]);
    return h;
}

int64_t tally_table_find(struct tally_table *t, const uint32_t *ids)
{
    return tally_table_find_hashed(t, ids, hash_ids(ids, t->keys));
}

void tally_table_drop_index(struct tally_table *t)
{
    free(t->slots);
    t->slots = NULL;
    t->slot_mask = 0;
}

/* Makes the slots again after tally_table_drop_index. */
static int reindex(struct tally_table *t)
{
    size_t cap = 64;
    while (t->count * 4 >= cap * TABLE_LOAD)
        cap *= 2;
    uint64_t *ns = anketa_big_alloc(cap * sizeof *ns);
    if (ns == NULL)
        return -1;
    memset(ns, 0, cap * sizeof *ns);
    for (size_t g = 0; g < t->count; g++) {
        uint32_t tag = (uint32_t)(hash_ids(tally_table_ids(t, g), t->keys) >> 32);
        size_t j = tag & (cap - 1);
        while (ns[j] != 0)
            j = (j + 1) & (cap - 1);
        ns[j] = ((uint64_t)tag << 32) | (uint64_t)(g + 1);
    }
    t->slots = ns;
    t->slot_mask = cap - 1;
    return 0;
}

int64_t tally_table_find_hashed(struct tally_table *t, const uint32_t *ids, uint64_t h)
{
    if (t->slots == NULL && t->count > 0 && reindex(t) != 0)
        return -1;
    if ((t->slots == NULL || t->count * 4 >= (t->slot_mask + 1) * TABLE_LOAD) &&
        grow_slots(&t->slots, &t->slot_mask, t->count, TABLE_LOAD) != 0)
        return -1;
    uint32_t tag = (uint32_t)(h >> 32);
    size_t j = (size_t)tag & t->slot_mask;
    size_t idsize = t->keys * sizeof(uint32_t);
    for (;;) {
        uint64_t e = t->slots[j];
        if (e == 0)
            break;
        if ((uint32_t)(e >> 32) == tag) {
            size_t g = (uint32_t)e - 1;
            const uint32_t *have = tally_table_ids(t, g);
            size_t k = 0;
            while (k < t->keys && have[k] == ids[k])
                k++;
            if (k == t->keys)
                return (int64_t)g;
        }
        j = (j + 1) & t->slot_mask;
    }
    size_t g = t->count;
    if (g >= UINT32_MAX - 1)
        return -1;
    if ((g >> t->chunk_bits) == t->chunk_count) {
        unsigned char **c = realloc(t->chunks, (t->chunk_count + 1) * sizeof *c);
        if (c == NULL)
            return -1;
        t->chunks = c;
        c[t->chunk_count] = anketa_big_alloc(t->stride << t->chunk_bits);
        if (c[t->chunk_count] == NULL)
            return -1;
        t->chunk_count++;
    }
    t->count++;
    uint32_t *dst = tally_table_ids(t, g);
    memset(dst, 0, t->stride);
    memcpy(dst, ids, idsize);
    t->slots[j] = ((uint64_t)tag << 32) | (uint64_t)(g + 1);
    return (int64_t)g;
}

void tally_table_free(struct tally_table *t)
{
    for (size_t i = 0; i < t->chunk_count; i++)
        free(t->chunks[i]);
    free(t->chunks);
    free(t->slots);
    free(t->wide);
    memset(t, 0, sizeof *t);
}

int tally_table_add_columns(struct tally_table *t, size_t more)
{
    size_t nstats = t->nstats + more, per = (size_t)1 << t->chunk_bits;
    size_t stride = (t->keys + 1 + nstats) * sizeof(uint32_t);
    /* Everything is allocated first, so a failure leaves the table as it was. */
    unsigned char **chunks = calloc(t->chunk_count ? t->chunk_count : 1, sizeof *chunks);
    int64_t *wide = t->wide_cap ? calloc(t->wide_cap, nstats * sizeof *wide) : NULL;
    int ok = chunks != NULL && (t->wide_cap == 0 || wide != NULL);
    for (size_t c = 0; ok && c < t->chunk_count; c++)
        ok = (chunks[c] = anketa_big_alloc(stride << t->chunk_bits)) != NULL;
    if (!ok) {
        for (size_t c = 0; chunks && c < t->chunk_count; c++)
            free(chunks[c]);
        free(chunks);
        free(wide);
        return -1;
    }
    /* Groups keep their numbers (the slots hold them): rows are copied into
     * wider ones, the new counters zero, the 64-bit rows likewise. */
    for (size_t c = 0; c < t->chunk_count; c++) {
        size_t n = t->count - c * per < per ? t->count - c * per : per;
        for (size_t g = 0; g < n; g++) {
            memcpy(chunks[c] + g * stride, t->chunks[c] + g * t->stride, t->stride);
            memset(chunks[c] + g * stride + t->stride, 0, stride - t->stride);
        }
        free(t->chunks[c]);
        t->chunks[c] = chunks[c];
    }
    free(chunks);
    for (size_t w = 0; w < t->wide_count; w++)
        memcpy(wide + w * nstats, t->wide + w * t->nstats, t->nstats * sizeof *wide);
    if (wide != NULL) {
        free(t->wide);
        t->wide = wide;
    }
    t->stride = stride;
    t->nstats = nstats;
    return 0;
}
