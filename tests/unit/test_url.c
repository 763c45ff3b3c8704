#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/url.h>

#include "check.h"

int main(void)
{
    struct anketa_error err;
    char *s = anketa_url_encode_component("a b&c=d#e+f/ж~._-");
    CHECK_STR(s, "a%20b%26c%3Dd%23e%2Bf%2F%D0%B6~._-");
    free(s);

    s = anketa_url_normalize("https://example.ru/оценить работу?x=1&y=%D0%B6#top", &err);
    CHECK_STR(s, "https://example.ru/%D0%BE%D1%86%D0%B5%D0%BD%D0%B8%D1%82%D1%8C%20"
                 "%D1%80%D0%B0%D0%B1%D0%BE%D1%82%D1%83?x=1&y=%D0%B6#top");
    free(s);
    CHECK(anketa_url_normalize("ftp://x", &err) == NULL);
    CHECK(strstr(err.message, "not an http(s) URL") != NULL);
    s = anketa_url_normalize("https://x/100%", &err); /* a lone % is escaped */
    CHECK_STR(s, "https://x/100%25");
    free(s);

    const char *names[] = { "service", "point" };
    const char *values[] = { "Выдача справки", "pt-1&2" };
    s = anketa_url_add_params("https://forms.yandex.ru/u/abc/", names, values, 2, &err);
    CHECK_STR(s, "https://forms.yandex.ru/u/abc/?service=%D0%92%D1%8B%D0%B4%D0%B0%D1%87%D0%B0"
                 "%20%D1%81%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B8&point=pt-1%262");
    free(s);
    s = anketa_url_add_params("https://x/f?utm=1#anchor", names + 1, values + 1, 1, &err);
    CHECK_STR(s, "https://x/f?utm=1&point=pt-1%262#anchor");
    free(s);
    s = anketa_url_add_params("https://x/f?", names + 1, values + 1, 1, &err);
    CHECK_STR(s, "https://x/f?point=pt-1%262");
    free(s);

    /* IDNA for the host, percent-encoding for the rest */
    s = anketa_url_normalize("https://мфц-нсо.рф/оценка?q=ж", &err);
    CHECK_STR(s, "https://xn----wtbeeopo.xn--p1ai/%D0%BE%D1%86%D0%B5%D0%BD%D0%BA%D0%B0?q=%D0%B6");
    free(s);
    s = anketa_url_normalize("HTTPS://Example.RU:8443/A", &err);
    CHECK_STR(s, "https://example.ru:8443/A");
    free(s);
    s = anketa_url_normalize("https://xn----wtbeeopo.xn--p1ai/", &err);  /* already ASCII */
    CHECK_STR(s, "https://xn----wtbeeopo.xn--p1ai/");
    free(s);
    s = anketa_url_normalize("http://[::1]:80/x", &err);
    CHECK_STR(s, "http://[::1]:80/x");
    free(s);
    s = anketa_url_add_params("https://мфц-нсо.рф/f", names + 1, values + 1, 1, &err);
    CHECK_STR(s, "https://xn----wtbeeopo.xn--p1ai/f?point=pt-1%262");
    free(s);

    /* the rule: http(s), a valid host and nothing else before the path */
    static const struct { const char *url, *why; } bad[] = {
        { "javascript:alert(1)", "not an http(s) URL" },
        { "https:///x", "no host name" },
        { "https://", "no host name" },
        { "https://exa mple.ru/", "not a valid host name" },
        { "https://user@example.ru/", "user name or password" },
        { "https://user:pw@example.ru/", "user name or password" },
        { "https://example.ru:99999/", "port" },
        { "https://example.ru:/", "port" },
        { "https://exa_mple.ru/", "not a valid host name" },
        { "https://-x.ru/", "not a valid host name" },
        { "https://a..ru/", "not a valid host name" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        s = anketa_url_normalize(bad[i].url, &err);
        CHECK(s == NULL && strstr(err.message, bad[i].why) != NULL);
        if (s != NULL || strstr(err.message, bad[i].why) == NULL)
            fprintf(stderr, "    %s: %s\n", bad[i].url, s ? s : err.message);
        free(s);
    }
    static const char nul[] = "https://example.ru/\0evil";
    CHECK(anketa_url_normalize_n(nul, sizeof nul - 1, &err) == NULL);
    CHECK(strstr(err.message, "NUL") != NULL);
    return check_summary();
}
