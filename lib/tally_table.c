/* Key dictionaries (string -> small id) and the group table (key ids ->
 * counters). Interning each key column apart keeps a group's key to a few
 * integers, so millions of groups fit in little memory and hash quickly. */
#include <stdlib.h>
#include <string.h>

#include "tally_int.h"
#include "util.h"

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ len;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
        s += 8;
        len -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, len);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 29;
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

/* Doubles an open-addressing slot array; `rehash` gives an entry's hash. */
static int grow_slots(uint64_t **slots, size_t *mask, size_t count)
{
    size_t cap = *slots ? (*mask + 1) : 0;
    if (count * 2 < cap)
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
    if (grow_slots(&d->slots, &d->slot_mask, d->count) != 0)
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
    size_t idbytes = (keys * sizeof(uint32_t) + 7) & ~(size_t)7;
    t->stride = idbytes + nstats * sizeof(int64_t);
    return 0;
}

uint32_t *tally_table_ids(const struct tally_table *t, size_t g)
{
    return (uint32_t *)(void *)(t->chunks[g >> TALLY_CHUNK_BITS] +
                                (g & ((1u << TALLY_CHUNK_BITS) - 1)) * t->stride);
}

int64_t *tally_table_stats(const struct tally_table *t, size_t g)
{
    size_t idbytes = (t->keys * sizeof(uint32_t) + 7) & ~(size_t)7;
    return (int64_t *)(void *)((unsigned char *)tally_table_ids(t, g) + idbytes);
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

int64_t tally_table_find_hashed(struct tally_table *t, const uint32_t *ids, uint64_t h)
{
    if (grow_slots(&t->slots, &t->slot_mask, t->count) != 0)
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
    if ((g >> TALLY_CHUNK_BITS) == t->chunk_count) {
        unsigned char **c = realloc(t->chunks, (t->chunk_count + 1) * sizeof *c);
        if (c == NULL)
            return -1;
        t->chunks = c;
        c[t->chunk_count] = anketa_big_alloc(t->stride << TALLY_CHUNK_BITS);
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
    memset(t, 0, sizeof *t);
}

int tally_table_widen(struct tally_table *t, size_t more)
{
    size_t stride = t->stride + more * sizeof(int64_t), chunk = (size_t)1 << TALLY_CHUNK_BITS;
    /* Groups keep their numbers (the slots hold them): each chunk is copied
     * into a wider one, new counters zero. */
    for (size_t c = 0; c < t->chunk_count; c++) {
        unsigned char *wide = anketa_big_alloc(stride << TALLY_CHUNK_BITS);
        if (wide == NULL)
            return -1;
        size_t n = t->count - c * chunk < chunk ? t->count - c * chunk : chunk;
        for (size_t g = 0; g < n; g++) {
            memcpy(wide + g * stride, t->chunks[c] + g * t->stride, t->stride);
            memset(wide + g * stride + t->stride, 0, stride - t->stride);
        }
        free(t->chunks[c]);
        t->chunks[c] = wide;
    }
    t->stride = stride;
    t->nstats += more;
    return 0;
}
