#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util.h"

int anketa_reserve_grow(void **buf, size_t *cap, size_t need, size_t size)
{
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / size)
            return -1;
        ncap *= 2;
    }
    void *p = realloc(*buf, ncap * size);
    if (p == NULL)
        return -1;
    *buf = p;
    *cap = ncap;
    return 0;
}

char *anketa_strdup(const char *s)
{
    return s ? strdup(s) : NULL;
}

char *anketa_read_file(const char *path, size_t *len, struct anketa_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "%s", strerror(errno));
        return NULL;
    }
    char *text = NULL;
    size_t cap = 0, n;
    char buf[16384];
    *len = 0;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        if (anketa_reserve((void **)&text, &cap, *len + n + 1, 1) != 0) {
            free(text);
            fclose(fp);
            anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
            return NULL;
        }
        memcpy(text + *len, buf, n);
        *len += n;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (bad || (text == NULL && (text = malloc(1)) == NULL)) {
        free(text);
        anketa_error_at(err, ANKETA_ERR_IO, path, 0, 0, "read error");
        return NULL;
    }
    text[*len] = '\0';
    return text;
}

#define HUGE_PAGE (2u << 20)

/* On 2 MiB pages a table looked up at random costs a TLB miss and a page
 * fault 512 times less often. */
void *anketa_big_alloc(size_t size)
{
    void *p = NULL;
    if (size < HUGE_PAGE)
        return malloc(size);
    size = (size + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
    if (posix_memalign(&p, HUGE_PAGE, size) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, size, MADV_HUGEPAGE);
#endif
    return p;
}
