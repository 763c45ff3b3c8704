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
    return check_summary();
}
