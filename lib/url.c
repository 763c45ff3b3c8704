#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <idn2.h>

#include <anketa/url.h>

#include "util.h"

static const char HEX[] = "0123456789ABCDEF";
static const char LDH[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.";

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

/* The host as a DNS name in ASCII: IDNA 2008 (punycode, lower case) by
 * libidn2, which also refuses what is no host name (spaces, '_', empty
 * labels, labels over 63 bytes); an IPv6 literal stays as it is. */
static char *ascii_host(const char *host, size_t len, const char *url, struct anketa_error *err)
{
    if (len == 0) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "'%.80s': no host name", url);
        return NULL;
    }
    char *h = malloc(len + 1), *out = NULL;
    if (h == NULL) {
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    memcpy(h, host, len);
    h[len] = '\0';
    if (len > 2 && h[0] == '[' && h[len - 1] == ']' &&
        strspn(h + 1, "0123456789abcdefABCDEF:.") == len - 2)
        return h;
    /* what libidn2 would map away rather than refuse: spaces, '_', empty labels */
    int bad = h[0] == '.' || strstr(h, "..") != NULL;
    for (const unsigned char *p = (const unsigned char *)h; *p && !bad; p++)
        bad = *p < 0x80 && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                             (*p >= '0' && *p <= '9') || *p == '-' || *p == '.');
    int rc = bad ? IDN2_DISALLOWED : idn2_lookup_u8((const uint8_t *)h, (uint8_t **)&out,
                            IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL | IDN2_USE_STD3_ASCII_RULES);
    if (rc == IDN2_OK && out != NULL && *out != '\0' && strspn(out, LDH) == strlen(out)) {
        char *copy = strdup(out);     /* the caller frees with free() */
        if (copy == NULL)
            anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        idn2_free(out);
        free(h);
        return copy;
    }
    anketa_error_set(err, ANKETA_ERR_INVALID, "'%.80s': the host '%.80s' is not a valid host name (%s)",
                     url, h, rc != IDN2_OK ? idn2_strerror(rc) : "empty");
    idn2_free(out);
    free(h);
    return NULL;
}

char *anketa_url_normalize(const char *url, struct anketa_error *err)
{
    return anketa_url_normalize_n(url, strlen(url), err);
}

char *anketa_url_normalize_n(const char *url, size_t n, struct anketa_error *err)
{
    size_t scheme = n >= 8 && strncasecmp(url, "https://", 8) == 0 ? 8
                  : n >= 7 && strncasecmp(url, "http://", 7) == 0 ? 7 : 0;
    if (memchr(url, '\0', n) != NULL) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "'%.80s...' holds a NUL byte", url);
        return NULL;
    }
    if (scheme == 0) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "'%.80s' is not an http(s) URL", url);
        return NULL;
    }
    /* the authority: [user@]host[:port], up to the path, query or fragment */
    const char *auth = url + scheme, *end = auth;
    while (end < url + n && *end != '/' && *end != '?' && *end != '#')
        end++;
    if (memchr(auth, '@', (size_t)(end - auth)) != NULL) {
        anketa_error_set(err, ANKETA_ERR_INVALID,
                         "'%.80s': a user name or password (user@host) is not allowed", url);
        return NULL;
    }
    const char *colon = end;
    for (const char *p = end; p > auth && p[-1] != ']'; p--)
        if (p[-1] == ':') {
            colon = p - 1;
            break;
        }
    long port = colon < end ? 0 : -1;
    for (const char *p = colon + 1; port >= 0 && p < end; p++)
        port = *p >= '0' && *p <= '9' && port <= 65535 ? port * 10 + (*p - '0') : -1;
    if (colon < end && (port < 0 || port > 65535 || colon + 1 == end)) {
        anketa_error_set(err, ANKETA_ERR_INVALID, "'%.80s': the port is not a number 0-65535", url);
        return NULL;
    }
    char *host = ascii_host(auth, (size_t)(colon - auth), url, err);
    if (host == NULL)
        return NULL;
    size_t hlen = strlen(host), rest = (size_t)(url + n - colon);
    char *out = malloc(scheme + hlen + 3 * rest + 1), *o = out;
    if (out == NULL) {
        free(host);
        anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        return NULL;
    }
    memcpy(o, scheme == 8 ? "https://" : "http://", scheme);
    memcpy(o += scheme, host, hlen);
    o += hlen;
    free(host);
    /* the port, path, query and fragment: non-URI bytes percent-encoded */
    const unsigned char *stop = (const unsigned char *)url + n;
    for (const unsigned char *p = (const unsigned char *)colon; p < stop; p++) {
        if (uri_char(*p) || (*p == '%' && p + 2 < stop && is_hex(p[1]) && is_hex(p[2]))) {
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
