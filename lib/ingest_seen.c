/* The ids seen in this and earlier runs, with a hash of each one's content:
 * the same id again is a duplicate when the content matches and a conflict
 * when it does not. 12 bytes a slot, the table 40-80% full. */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include <anketa/output.h>

#include "ingest_int.h"
#include "util.h"

/* Fixed seeds: the hashes are stored in seen files, so they never change. */
uint64_t ingest_hash64(const char *s, size_t len)
{
    uint64_t h = XXH3_64bits_withSeed(s, len, 0x616E6B657461ULL);
    return h ? h : 1;   /* 0 marks an empty slot */
}

uint32_t ingest_content_hash(const char *s, size_t len)
{
    return (uint32_t)XXH3_64bits_withSeed(s, len, 0x636F6E74656E74ULL);
}

static struct seen_slot *probe(struct seen_slot *slots, size_t cap, uint64_t id)
{
    uint32_t lo = (uint32_t)id, hi = (uint32_t)(id >> 32);
    size_t i = (size_t)id & (cap - 1);
    while ((slots[i].id_lo | slots[i].id_hi) != 0 && (slots[i].id_lo != lo || slots[i].id_hi != hi))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static int grow(struct ingest_seen *s, size_t want)
{
    size_t cap = 1024;
    while (cap * 4 / 5 < want)
        cap *= 2;
    if (cap <= s->cap)
        return 0;
    /* Not calloc: see anketa_big_alloc; zero pages copied on first write
     * would cost a TLB flush each. */
    struct seen_slot *slots = anketa_big_alloc(cap * sizeof *slots);
    if (slots == NULL)
        return -1;
    memset(slots, 0, cap * sizeof *slots);
    for (size_t i = 0; i < s->cap; i++) {
        const struct seen_slot *o = &s->slots[i];
        if (o->id_lo | o->id_hi)
            *probe(slots, cap, (uint64_t)o->id_hi << 32 | o->id_lo) = *o;
    }
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return 0;
}

int ingest_seen_check(struct ingest_seen *s, uint64_t id, uint32_t sum)
{
    if (s->count + 1 > s->cap * 4 / 5 && grow(s, s->count + 1) != 0)
        return SEEN_NOMEM;
    struct seen_slot *slot = probe(s->slots, s->cap, id);
    if (slot->id_lo | slot->id_hi)
        return slot->sum == sum ? SEEN_DUPLICATE : SEEN_CONFLICT;
    slot->id_lo = (uint32_t)id;
    slot->id_hi = (uint32_t)(id >> 32);
    slot->sum = sum;
    s->count++;
    return SEEN_NEW;
}

void ingest_seen_free(struct ingest_seen *s)
{
    free(s->slots);
    memset(s, 0, sizeof *s);
}

/* The file: a magic line, the count, 12 bytes an id (hash and content
 * hash), and since v2 an XXH3 checksum of all that, so that a damaged or cut
 * file is an error rather than a silently smaller set. */
static const char magic_v1[16] = "anketa-seen v1\n", magic[16] = "anketa-seen v2\n";

int ingest_seen_load(struct ingest_seen *s, const char *path, struct anketa_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        if (errno == ENOENT)
            return 0;   /* the first run */
        return anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
    }
    XXH3_state_t *st = XXH3_createState();
    char head[16];
    unsigned char rec[12];
    uint64_t n = 0, sum;
    int rc = 0, v1 = 0;
    if (st == NULL || XXH3_64bits_reset(st) != XXH_OK) {
        rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    if (fread(head, 1, sizeof head, fp) != sizeof head ||
        (memcmp(head, magic, sizeof magic) != 0 && !(v1 = !memcmp(head, magic_v1, sizeof magic))) ||
        fread(&n, sizeof n, 1, fp) != 1 || n > SIZE_MAX / 32) {
        rc = anketa_error_at(err, ANKETA_ERR_PARSE, path, 0, 0, "not a seen file of ingest");
        goto done;
    }
    XXH3_64bits_update(st, head, sizeof head);
    XXH3_64bits_update(st, &n, sizeof n);
    if (grow(s, s->count + (size_t)n) != 0) {
        rc = anketa_error_set(err, ANKETA_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    for (uint64_t i = 0; i < n; i++) {
        uint64_t id;
        uint32_t content;
        if (fread(rec, 1, sizeof rec, fp) != sizeof rec) {
            rc = anketa_error_at(err, ANKETA_ERR_PARSE, path, 0, 0,
                                 "truncated: %llu of %llu ids", (unsigned long long)i,
                                 (unsigned long long)n);
            goto done;
        }
        XXH3_64bits_update(st, rec, sizeof rec);
        memcpy(&id, rec, 8);
        memcpy(&content, rec + 8, 4);
        if (id == 0 || ingest_seen_check(s, id, content) == SEEN_NOMEM) {
            rc = anketa_error_at(err, id ? ANKETA_ERR_NOMEM : ANKETA_ERR_PARSE, path, 0, 0,
                                 id ? "out of memory" : "damaged: a zero id hash");
            goto done;
        }
    }
    if (!v1 && fread(&sum, sizeof sum, 1, fp) != 1)
        rc = anketa_error_at(err, ANKETA_ERR_PARSE, path, 0, 0, "truncated: no checksum");
    else if (!v1 && sum != XXH3_64bits_digest(st))
        rc = anketa_error_at(err, ANKETA_ERR_PARSE, path, 0, 0,
                             "damaged: the checksum does not match");
    else if (fgetc(fp) != EOF)
        rc = anketa_error_at(err, ANKETA_ERR_PARSE, path, 0, 0, "damaged: data after the %s",
                             v1 ? "last id" : "checksum");
    else if (ferror(fp))
        rc = anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
done:
    XXH3_freeState(st);
    fclose(fp);
    return rc == 0 && v1 ? 1 : rc;
}

int ingest_seen_write(const struct ingest_seen *s, FILE *fp, struct anketa_error *err)
{
    XXH3_state_t *st = XXH3_createState();
    if (st == NULL || XXH3_64bits_reset(st) != XXH_OK) {
        XXH3_freeState(st);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    uint64_t n = s->count;
    fwrite(magic, 1, sizeof magic, fp);
    fwrite(&n, sizeof n, 1, fp);
    XXH3_64bits_update(st, magic, sizeof magic);
    XXH3_64bits_update(st, &n, sizeof n);
    for (size_t i = 0; i < s->cap; i++) {
        const struct seen_slot *slot = &s->slots[i];
        if ((slot->id_lo | slot->id_hi) == 0)
            continue;
        uint64_t id = (uint64_t)slot->id_hi << 32 | slot->id_lo;
        unsigned char rec[12];
        memcpy(rec, &id, 8);
        memcpy(rec + 8, &slot->sum, 4);
        fwrite(rec, 1, sizeof rec, fp);
        XXH3_64bits_update(st, rec, sizeof rec);
    }
    uint64_t sum = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    fwrite(&sum, sizeof sum, 1, fp);
    return 0;
}

int ingest_seen_save(const struct ingest_seen *s, const char *path, struct anketa_error *err)
{
    struct anketa_output *out = anketa_output_open(path, err);
    if (out == NULL)
        return err->code;
    if (ingest_seen_write(s, anketa_output_stream(out), err) != 0) {
        anketa_output_abort(out);
        return err->code;
    }
    return anketa_output_commit(out, err);
}

/* Two runs on one seen file would each load it before the other saves and
 * both accept the ids they share: a lock on "<seen>.lock", which (unlike the
 * seen file, replaced by a rename at commit) stays the same file. Never
 * removed: removing a lock file races with a run that has just opened it. */
int ingest_seen_lock(const char *path, int block, struct anketa_error *err)
{
    size_t len = strlen(path);
    char *lock = malloc(len + sizeof ".lock");
    if (lock == NULL)
        return ingest_nomem(err);
    memcpy(lock, path, len);
    memcpy(lock + len, ".lock", sizeof ".lock");
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666), rc = -1;
    if (fd < 0) {
        anketa_error_at(err, ANKETA_ERR_IO, lock, 0, 0, "cannot open the lock of %s: %s", path,
                        strerror(errno));
        free(lock);
        return -1;
    }
    while ((rc = flock(fd, block ? LOCK_EX : LOCK_EX | LOCK_NB)) != 0 && errno == EINTR)
        ;
    if (rc != 0) {
        int busy = errno == EWOULDBLOCK;
        if (busy)
            anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0,
                            "in use by another ingest (it holds %s); run again when that one "
                            "is done, or without --no-wait to wait for it", lock);
        else
            anketa_error_at(err, ANKETA_ERR_IO, lock, 0, 0, "cannot lock: %s", strerror(errno));
        close(fd);
        fd = busy ? -2 : -1;
    }
    free(lock);
    return fd;
}
