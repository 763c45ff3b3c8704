/* {placeholders}: the one rule of campaign pre-fill templates and leaflet
 * texts (lib/expand.c), and both users of it keeping to it. */
#include <stdlib.h>
#include <string.h>

#include <anketa/campaign.h>

#include "check.h"
#include "util.h"

static int lookup(void *ctx, const char *name, size_t len, const char **value)
{
    (void)ctx;
    if (len == 4 && memcmp(name, "item", 4) == 0) {
        *value = "Пособие";
        return 0;
    }
    if (len == 5 && memcmp(name, "empty", 5) == 0) {
        *value = NULL;
        return 0;
    }
    return -1;
}

static char *expand(const char *t, struct anketa_error *err)
{
    char *out = NULL;
    return anketa_expand(t, lookup, NULL, " (hint)", &out, err) == 0 ? out : NULL;
}

int main(void)
{
    struct anketa_error err;
    char *s;
    CHECK_STR(s = expand("{item}: {{item}} }} {{", &err), "Пособие: {item} } {");
    free(s);
    CHECK_STR(s = expand("[{empty}]", &err), "[]");
    free(s);
    CHECK(expand("{nope}", &err) == NULL && err.code == ANKETA_ERR_INVALID &&
          strstr(err.message, "unknown placeholder '{nope}' (hint)") != NULL);
    CHECK(expand("a { b", &err) == NULL && strstr(err.message, "unclosed '{'") != NULL);
    CHECK(anketa_expand("{item}", lookup, NULL, NULL, NULL, &err) == 0);

    /* The campaign's pre-fill templates keep the same rule. */
    CHECK(anketa_campaign_check_template("https://x.ru/?a={{b}}&i={item.id}", &err) == 0);
    CHECK(anketa_campaign_check_template("https://x.ru/?i={item.idd}", &err) != 0 &&
          strstr(err.message, "unknown placeholder '{item.idd}' (known:") != NULL);
    CHECK(anketa_campaign_check_template("https://x.ru/?i={item.id", &err) != 0);
    return check_summary();
}
