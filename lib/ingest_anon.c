/* Anonymity for internal-client surveys: ids become keyed hashes (BLAKE2b
 * from libsodium: without the key nobody can tell which id was whose), and
 * e-mail addresses and phone numbers in comments are masked. */
#include <string.h>

#include <sodium.h>

#include "ingest_int.h"

int ingest_anon_id(const unsigned char *key, size_t key_len, const char *id, size_t len,
                   char *out)
{
    unsigned char h[16];
    if (crypto_generichash(h, sizeof h, (const unsigned char *)id, len, key, key_len) != 0)
        return -1;
    sodium_bin2hex(out, 33, h, sizeof h);
    return 0;
}

static int email_local(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static int email_domain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-';
}

/* The end of an address whose '@' is at s[at], its start in *start; 0 if none. */
static size_t email_at(const char *s, size_t len, size_t at, size_t start_min, size_t *start)
{
    size_t b = at, e = at + 1, dot = 0;
    while (b > start_min && email_local((unsigned char)s[b - 1]))
        b--;
    while (e < len && email_domain((unsigned char)s[e])) {
        if (s[e] == '.' && e + 1 < len && email_domain((unsigned char)s[e + 1]))
            dot = e;
        e++;
    }
    while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-'))
        e--;
    if (b == at || dot == 0 || dot >= e - 1)
        return 0;
    *start = b;
    return e;
}

/* A Russian phone number at s[i] (+7 914 123-45-67, 8 (4162) 22-33-44,
 * 89141234567): its end, or 0. Ten or eleven digits, only spaces, brackets
 * and hyphens between them, and no digit glued on either side. */
static size_t phone_at(const char *s, size_t len, size_t i)
{
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
        return 0;
    size_t p = i, end = 0;
    int count = 0;
    if (s[p] == '+')
        p++;
    if (p >= len || s[p] < '0' || s[p] > '9')
        return 0;
    int first = s[p] - '0';
    for (; p < len; p++) {
        char c = s[p];
        if (c >= '0' && c <= '9') {
            if (++count > 11)
                return 0;
            end = p + 1;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
            break;
        }
        if (c == ' ' && p + 1 < len && s[p + 1] == ' ')
            break;
    }
    if (end < len && s[end] >= '0' && s[end] <= '9')
        return 0;
    if (count == 11 && (first == 7 || first == 8))
        return end;
    if (count == 10 && s[i] != '+' && first == 9)
        return end;   /* a mobile number without the country code */
    return 0;
}

size_t ingest_mask(const char *s, size_t len, char *out, unsigned long long *emails,
                   unsigned long long *phones)
{
    static const char email_mark[] = "[e-mail скрыт]", phone_mark[] = "[телефон скрыт]";
    size_t n = 0, i = 0, floor = 0, start, end;
    while (i < len) {
        const char *mark = NULL;
        if (s[i] == '@' && (end = email_at(s, len, i, floor, &start)) != 0) {
            mark = email_mark;
            ++*emails;
            n -= i - start;   /* the local part was copied already */
        } else if ((s[i] == '+' || (s[i] >= '0' && s[i] <= '9')) &&
                   (end = phone_at(s, len, i)) != 0) {
            mark = phone_mark;
            ++*phones;
        }
        if (mark == NULL) {
            out[n++] = s[i++];
            continue;
        }
        memcpy(out + n, mark, strlen(mark));
        n += strlen(mark);
        i = floor = end;
    }
    out[n] = '\0';
    return n;
}
