#ifndef ANKETA_URL_H
#define ANKETA_URL_H

#include <stddef.h>

#include <anketa/common.h>
#include <anketa/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Percent-encodes a query component per RFC 3986: everything but
 * ALPHA DIGIT - . _ ~ becomes %XX (UTF-8 bytes), so a space is %20 and
 * '&', '#', '+', '=' never break the query. Returns a malloc'd string or NULL. */
ANKETA_API char *anketa_url_encode_component(const char *s);

/* Turns a URL that may hold non-ASCII characters or spaces (an IRI, as people
 * paste them) into its URI form: those bytes become %XX, while reserved
 * characters and existing %XX escapes stay as they are. The scheme must be
 * http or https. Returns a malloc'd string, or NULL with err set. */
ANKETA_API char *anketa_url_normalize(const char *url, struct anketa_error *err);

/* Appends name=value pairs (both percent-encoded) to the query of base,
 * keeping a #fragment last. Returns a malloc'd string, or NULL with err set. */
ANKETA_API char *anketa_url_add_params(const char *base, const char *const *names,
                                       const char *const *values, size_t count,
                                       struct anketa_error *err);

#ifdef __cplusplus
}
#endif

#endif
