/* {placeholders}: one rule for the pre-fill templates of a campaign's URLs
 * and the texts of leaflet templates. */
#include <stdlib.h>
#include <string.h>

#include "util.h"

int anketa_expand(const char *t, anketa_expand_lookup *lookup, void *ctx, const char *hint,
                  char **out, struct anketa_error *err)
{
    size_t len = 0, cap = 0;
    char *buf = NULL;
    for (const char *p = t; *p;) {
        const char *piece = p;
        size_t plen = 1;
        if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
            p += 2;     /* "{{" and "}}" stand for the brace itself */
        } else if (*p == '{') {
            const char *close = strchr(p, '}');
            if (close == NULL) {
                free(buf);
                return anketa_error_set(err, ANKETA_ERR_INVALID,
                                        "unclosed '{' in '%.200s' (write '{{' for a brace)", t);
            }
            size_t nlen = (size_t)(close - p - 1);
            if (lookup(ctx, p + 1, nlen, &piece) != 0) {
                free(buf);
                return anketa_error_set(err, ANKETA_ERR_INVALID, "unknown placeholder '{%.*s}'%s",
                                        (int)nlen, p + 1, hint ? hint : "");
            }
            if (piece == NULL)
                piece = "";
            plen = strlen(piece);
            p = close + 1;
        } else {
            p++;
        }
        if (out == NULL)
            continue;
        if (anketa_reserve((void **)&buf, &cap, len + plen + 1, 1) != 0) {
            free(buf);
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        }
        memcpy(buf + len, piece, plen);
        len += plen;
    }
    if (out) {
        if (buf == NULL && (buf = malloc(1)) == NULL)
            return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
        buf[len] = '\0';
        *out = buf;
    }
    return 0;
}
