#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <anketa/url.h>

#include "util.h"

static const char HEX[] = "0123456789ABCDEF";

static int unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

/* Characters that may stand as they are in a URI (RFC 3986 reserved and
 * unreserved); '%' is handled apart. */
static int uri_char(unsigned char c)
{
    return unreserved(c) || (c != '\0' && strchr(":/?#[]@!$&'()*+,;=", c) != NULL);
}

static int is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

char *anketa_url_encode_component(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(3 * n + 1), *o = out;
    if (out == NULL)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (unreserved(*p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = HEX[*p >> 4];
            *o++ = HEX[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

char *anketa_url_normalize(const char *url, struct anketa_error *err)
{
    if (strncasecmp(url, "https://", 8) != 0 && strncasecmp(url, "http://", 7) != 0) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "'%.80s' is not an http(s) URL", url);
        return NULL;
    }
    size_t n = strlen(url);
    char *out = malloc(3 * n + 1), *o = out;
    if (out == NULL) {
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (uri_char(*p) || (*p == '%' && is_hex(p[1]) && is_hex(p[2]))) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = HEX[*p >> 4];
            *o++ = HEX[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

char *anketa_url_add_params(const char *base, const char *const *names,
                            const char *const *values, size_t count, struct anketa_error *err)
{
    char *norm = anketa_url_normalize(base, err);
    if (norm == NULL)
        return NULL;
    char *hash = strchr(norm, '#');
    size_t head = hash ? (size_t)(hash - norm) : strlen(norm);
    char *out = NULL;
    size_t cap = 0, len = head;
    if (anketa_reserve_grow((void **)&out, &cap, head + 1, 1) != 0)
        goto oom;
    memcpy(out, norm, head);
    int has_query = memchr(norm, '?', head) != NULL;
    for (size_t i = 0; i < count; i++) {
        char *k = anketa_url_encode_component(names[i]);
        char *v = anketa_url_encode_component(values[i] ? values[i] : "");
        size_t need = len + strlen(k) + strlen(v) + 3;
        if (k == NULL || v == NULL || anketa_reserve((void **)&out, &cap, need, 1) != 0) {
            free(k);
            free(v);
            goto oom;
        }
        char sep = !has_query ? '?' : (len > 0 && (out[len - 1] == '?' || out[len - 1] == '&')) ? 0 : '&';
        if (sep)
            out[len++] = sep;
        has_query = 1;
        len += (size_t)sprintf(out + len, "%s=%s", k, v);
        free(k);
        free(v);
    }
    size_t tail = hash ? strlen(hash) : 0;
    if (anketa_reserve((void **)&out, &cap, len + tail + 1, 1) != 0)
        goto oom;
    memcpy(out + len, hash ? hash : "", tail);
    out[len + tail] = '\0';
    free(norm);
    return out;
oom:
    free(norm);
    free(out);
    anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    return NULL;
}
