/* Anonymity for internal-client surveys: ids become keyed hashes (BLAKE2b
 * from libsodium: without the key nobody can tell which id was whose), and
 * e-mail addresses, phone numbers, СНИЛС, ИНН, passport and card numbers in
 * free text are masked. */
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

/* Numbers that identify a person, told by their digit groups: a run of
 * digits separated by single spaces, hyphens, brackets, dots or '№' (at
 * most three such characters, two spaces in a row end it). */
enum { GROUPS = 8 };
struct digits {
    int plus;                  /* a '+' before the first group */
    int n;                     /* groups */
    size_t len[GROUPS];        /* digits in each */
    size_t end[GROUPS];        /* where each ends in the text */
    char d[48];                /* the digits, concatenated (up to 47) */
};

/* A separator character at s: its length, or 0. */
static size_t separator_at(const char *s, size_t left)
{
    if (*s == ' ' || *s == '-' || *s == '(' || *s == ')' || *s == '.')
        return 1;
    if (left >= 2 && memcmp(s, "\xC2\xA0", 2) == 0)
        return 2;                                   /* NBSP */
    if (left >= 3 && (memcmp(s, "\xE2\x84\x96", 3) == 0 ||   /* № */
                      memcmp(s, "\xE2\x80\x93", 3) == 0))    /* en dash */
        return 3;
    return 0;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void read_groups(const char *s, size_t len, size_t i, struct digits *g)
{
    size_t p = i, total = 0;
    g->plus = s[p] == '+';
    p += (size_t)g->plus;
    g->n = 0;
    while (g->n < GROUPS && p < len && is_digit(s[p])) {
        size_t k = 0;
        while (p < len && is_digit(s[p])) {
            if (total + k < sizeof g->d - 1)
                g->d[total + k] = s[p];
            k++;
            p++;
        }
        if (total + k >= sizeof g->d - 1)
            break;
        total += k;
        g->len[g->n] = k;
        g->end[g->n++] = p;
        /* The separators before the next group. */
        size_t q = p, count = 0, sep;
        while (q < len && count < 3 && (sep = separator_at(s + q, len - q)) != 0) {
            if (s[q] == ' ' && q > p && s[q - 1] == ' ')
                break;
            q += sep;
            count++;
        }
        if (q == p || q >= len || !is_digit(s[q]))
            break;
        p = q;
    }
    g->d[total] = '\0';
}

static int shape(const struct digits *g, int k, const size_t *want, int n)
{
    if (k != n)
        return 0;
    for (int i = 0; i < n; i++)
        if (g->len[i] != want[i])
            return 0;
    return 1;
}

static int luhn(const char *d, size_t n)
{
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned v = (unsigned)(d[n - 1 - i] - '0');
        if (i % 2 == 1 && (v *= 2) > 9)
            v -= 9;
        sum += v;
    }
    return sum % 10 == 0;
}

/* СНИЛС's check number: the first nine digits weighted 9..1, mod 101. */
static int snils_valid(const char *d)
{
    unsigned sum = 0;
    for (int i = 0; i < 9; i++)
        sum += (unsigned)(d[i] - '0') * (unsigned)(9 - i);
    unsigned check = sum % 101 == 100 ? 0 : sum % 101;
    return check == (unsigned)((d[9] - '0') * 10 + (d[10] - '0'));
}

enum kind { NONE = -1, PHONE, EMAIL, SNILS, INN, PASSPORT, CARD };

/* What the first k groups are, or NONE. */
static enum kind classify(const struct digits *g, int k)
{
    static const size_t snils[] = { 3, 3, 3, 2 }, passport3[] = { 2, 2, 6 },
                        passport2[] = { 4, 6 }, card[] = { 4, 4, 4, 4 };
    size_t total = 0;
    for (int i = 0; i < k; i++)
        total += g->len[i];
    char first = g->d[0];
    if (!g->plus && shape(g, k, snils, 4))
        return SNILS;
    if (!g->plus && (shape(g, k, passport3, 3) || shape(g, k, passport2, 2)))
        return PASSPORT;
    if (!g->plus && total == 16 && (k == 1 || shape(g, k, card, 4)) && luhn(g->d, 16))
        return CARD;
    if (g->plus ? total == 11 && first == '7'
                : (total == 11 && (first == '7' || first == '8')) || (total == 10 && first == '9'))
        return PHONE;
    if (!g->plus && k == 1 && (total == 10 || total == 12))
        return INN;
    if (!g->plus && k == 1 && total == 11 && snils_valid(g->d))
        return SNILS;
    return NONE;
}

/* The identifying number that starts at s[i]: its kind and end, or NONE. */
static enum kind number_at(const char *s, size_t len, size_t i, size_t *end)
{
    if (i > 0 && is_digit(s[i - 1]))
        return NONE;
    struct digits g;
    read_groups(s, len, i, &g);
    for (int k = g.n; k > 0; k--) {   /* the longest reading that is one */
        enum kind kind = classify(&g, k);
        if (kind != NONE) {
            *end = g.end[k - 1];
            return kind;
        }
    }
    return NONE;
}

size_t ingest_mask(const char *s, size_t len, char *out, struct anketa_ingest_counts *n)
{
    static const char *const marks[] = {
        [PHONE] = "[телефон скрыт]", [EMAIL] = "[e-mail скрыт]", [SNILS] = "[СНИЛС скрыт]",
        [INN] = "[ИНН скрыт]", [PASSPORT] = "[паспорт скрыт]", [CARD] = "[карта скрыта]",
    };
    unsigned long long *counts[] = {
        [PHONE] = &n->phones_masked, [EMAIL] = &n->emails_masked, [SNILS] = &n->snils_masked,
        [INN] = &n->inns_masked, [PASSPORT] = &n->passports_masked, [CARD] = &n->cards_masked,
    };
    size_t w = 0, i = 0, floor = 0, start, end;
    while (i < len) {
        enum kind kind = NONE;
        if (s[i] == '@' && (end = email_at(s, len, i, floor, &start)) != 0) {
            kind = EMAIL;
            w -= i - start;   /* the local part was copied already */
        } else if ((s[i] == '+' && i + 1 < len && is_digit(s[i + 1])) || is_digit(s[i])) {
            kind = number_at(s, len, i, &end);
        }
        if (kind == NONE) {
            out[w++] = s[i++];
            continue;
        }
        ++*counts[kind];
        memcpy(out + w, marks[kind], strlen(marks[kind]));
        w += strlen(marks[kind]);
        i = floor = end;
    }
    out[w] = '\0';
    return w;
}

void ingest_add_masked(struct anketa_ingest_counts *to, const struct anketa_ingest_counts *from)
{
    to->emails_masked += from->emails_masked;
    to->phones_masked += from->phones_masked;
    to->snils_masked += from->snils_masked;
    to->inns_masked += from->inns_masked;
    to->passports_masked += from->passports_masked;
    to->cards_masked += from->cards_masked;
}

/* "2024-03-01T10:27:41+09:00": hour at 11, minute at 14, second at 17. */
void ingest_coarsen_time(char *date, int precision)
{
    static const int from[] = { [ANKETA_TIME_MINUTE] = 17, [ANKETA_TIME_HOUR] = 14,
                                [ANKETA_TIME_DAY] = 11 };
    if (precision == ANKETA_TIME_SECOND)
        return;
    for (int i = from[precision]; i < 19; i += 3)
        date[i] = date[i + 1] = '0';
}
