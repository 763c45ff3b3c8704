#ifndef ANKETA_URL_H
#define ANKETA_URL_H

#include <stddef.h>

#include <anketa/common.h>
#include <anketa/error.h>

/* Percent-encodes a query component per RFC 3986: everything but
 * ALPHA DIGIT - . _ ~ becomes %XX (UTF-8 bytes), so a space is %20 and
 * '&', '#', '+', '=' never break the query. Returns a malloc'd string or NULL. */
ANKETA_API char *anketa_url_encode_component(const char *s);

/* The one rule for every URL anketa writes into a code or draws: http or
 * https, a host name and nothing else before the path (no user@, no spaces;
 * an optional :port), no NUL byte. The host is checked and written in ASCII
 * by IDNA 2008 (libidn2): "мфц-нсо.рф" becomes "xn--...", lower case. In
 * the rest, non-ASCII bytes, spaces and controls become %XX (UTF-8), while
 * reserved characters and existing %XX escapes stay as they are. Returns a
 * malloc'd string, or NULL with err set (ANKETA_ERR_INVALID naming why). */
ANKETA_API char *anketa_url_normalize(const char *url, struct anketa_error *err);
/* The same for url[0..len), which may hold a NUL byte (an error then). */
ANKETA_API char *anketa_url_normalize_n(const char *url, size_t len, struct anketa_error *err);

/* Appends name=value pairs (both percent-encoded) to the query of base,
 * keeping a #fragment last. Returns a malloc'd string, or NULL with err set. */
ANKETA_API char *anketa_url_add_params(const char *base, const char *const *names,
                                       const char *const *values, size_t count,
                                       struct anketa_error *err);

#endif
