#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <anketa/error.h>

ANKETA_PRINTF(4, 0)
static int error_vset(struct anketa_error *err, int code, const char *prefix,
                      const char *fmt, va_list ap)
{
    if (err == NULL)
        return code;
    err->code = code;
    size_t n = (size_t)snprintf(err->message, sizeof err->message, "%s", prefix);
    if (n >= sizeof err->message)
        n = sizeof err->message - 1;
    vsnprintf(err->message + n, sizeof err->message - n, fmt, ap);
    return code;
}

int anketa_error_set(struct anketa_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, "", fmt, ap);
    va_end(ap);
    return code;
}

int anketa_error_at(struct anketa_error *err, int code, const char *file, long line,
                    long column, const char *fmt, ...)
{
    char prefix[512];
    if (line > 0 && column > 0)
        snprintf(prefix, sizeof prefix, "%s:%ld:%ld: ", file, line, column);
    else if (line > 0)
        snprintf(prefix, sizeof prefix, "%s:%ld: ", file, line);
    else
        snprintf(prefix, sizeof prefix, "%s: ", file);
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, prefix, fmt, ap);
    va_end(ap);
    return code;
}

void anketa_error_clear(struct anketa_error *err)
{
    if (err != NULL) {
        err->code = ANKETA_OK;
        err->message[0] = '\0';
    }
}

const char *anketa_status_name(int code)
{
    switch (code) {
    case ANKETA_OK: return "success";
    case ANKETA_ERR_IO: return "I/O error";
    case ANKETA_ERR_NOMEM: return "out of memory";
    case ANKETA_ERR_PARSE: return "malformed input";
    case ANKETA_ERR_INVALID: return "invalid input";
    case ANKETA_ERR_LIMIT: return "limit exceeded";
    case ANKETA_ERR_USAGE: return "invalid argument";
    default: return "unknown error";
    }
}
