/* The campaign model: the demo loads whole; every kind of mistake is an error
 * naming file:line:column. And the codes built from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anketa/campaign.h>
#include <anketa/codes.h>
#include <anketa/template.h>

#include "check.h"

static const char BASE[] =
    "campaign: { id: c1, name: Кампания, timezone: \"+09:00\" }\n"       /* 1 */
    "directions:\n"                                                        /* 2 */
    "  - { id: services, kind: service, name: Услуги }\n"                 /* 3 */
    "authorities:\n"                                                       /* 4 */
    "  - id: min\n"                                                        /* 5 */
    "    name: Министерство\n"                                             /* 6 */
    "    feedback_url: https://min.ru/оценить\n"                          /* 7 */
    "    surveys:\n"                                                       /* 8 */
    "      services: { url: \"https://f.ru/u/1/\", prefill: { s: \"{item.id}\", p: \"{point.id}\" } }\n"
    "items:\n"                                                             /* 10 */
    "  - { id: i1, name: Справка, authority: min, direction: services }\n" /* 11 */
    "  - { id: i2, name: Выписка, authority: min, direction: services }\n" /* 12 */
    "points:\n"                                                            /* 13 */
    "  - { id: p1, name: Офис, municipality: Город, items: [i1] }\n"     /* 14 */
    "questions:\n"                                                         /* 15 */
    "  - { id: overall, text: Оценка, scale: 1-5 }\n"                     /* 16 */
    "  - { id: result, text: Результат, scale: yes/no }\n";               /* 17 */

/* Replaces the first `from` in BASE by `to` and expects an error containing `want`. */
static void expect_error(const char *from, const char *to, const char *want)
{
    char text[4096];
    const char *at = strstr(BASE, from);
    if (at == NULL) {
        check_fail(__FILE__, __LINE__, from);
        return;
    }
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - BASE), BASE, to, at + strlen(from));
    struct anketa_error err;
    struct anketa_campaign *c = anketa_campaign_parse(text, strlen(text), "c.yaml", &err);
    check_count++;
    if (c != NULL || strstr(err.message, want) == NULL) {
        check_fail(__FILE__, __LINE__, want);
        fprintf(stderr, "    got: %s\n", c ? "(no error)" : err.message);
    }
    anketa_campaign_free(c);
}

static void test_base(void)
{
    struct anketa_error err;
    struct anketa_campaign *c = anketa_campaign_parse(BASE, strlen(BASE), "c.yaml", &err);
    CHECK(c != NULL);
    if (c == NULL) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    CHECK(c->tz_offset_minutes == 9 * 60);
    CHECK(c->min_group == 5);
    CHECK_STR(c->method, "top2");
    CHECK_STR(c->authorities[0].feedback_url, "https://min.ru/%D0%BE%D1%86%D0%B5%D0%BD%D0%B8%D1%82%D1%8C");
    CHECK(anketa_campaign_item_by_name(c, "Выписка") == &c->items[1]);
    CHECK(anketa_campaign_point(c, "p1")->item_count == 1);
    const struct anketa_question *q = anketa_campaign_question(c, "result");
    CHECK(q && q->lo == 0 && q->hi == 1 && q->yes_no);

    struct anketa_code *codes;
    size_t n;
    CHECK(anketa_codes_build(c, ANKETA_LEVEL_AUTHORITY | ANKETA_LEVEL_DIRECTION | ANKETA_LEVEL_ITEM,
                             NULL, &codes, &n, &err) == 0);
    CHECK(n == 4);
    CHECK_STR(codes[0].code_id, "min");
    CHECK_STR(codes[1].code_id, "min.services");
    CHECK_STR(codes[1].url, "https://f.ru/u/1/");
    CHECK_STR(codes[2].code_id, "min.services.i1.p1");
    CHECK_STR(codes[2].url, "https://f.ru/u/1/?s=i1&p=p1");
    CHECK_STR(codes[3].code_id, "min.services.i2"); /* offered at no point */
    CHECK_STR(codes[3].url, "https://f.ru/u/1/?s=i2&p=");
    anketa_codes_free(codes, n);
    anketa_campaign_free(c);
}

static void test_errors(void)
{
    expect_error("    name: Министерство\n", "    nmae: Министерство\n",
                 "c.yaml:6:5: unknown key 'nmae' in authority");
    expect_error("    name: Министерство\n", "",
                 "c.yaml:5:5: authority: missing required key 'name'");
    expect_error("id: i2,", "id: i1,", "c.yaml:12:11: duplicate item id 'i1'");
    expect_error("items: [i1]", "items: [i9]", "c.yaml:14:56: point 'p1': unknown item 'i9'");
    expect_error("authority: min, direction: services }\n  - { id: i2",
                 "authority: mni, direction: services }\n  - { id: i2",
                 "c.yaml:11:41: item: unknown authority 'mni'");
    expect_error("scale: 1-5", "scale: 5-1", "c.yaml:16:41: scale must be");
    expect_error("{point.id}", "{point.nmae}", "unknown placeholder '{point.nmae}'");
    expect_error("\"+09:00\"", "Asia/Tokyo", "timezone 'Asia/Tokyo' must be a UTC offset");
    expect_error("kind: service,", "kind: servise,", "c.yaml:3:27: direction kind 'servise'");
    expect_error("https://f.ru/u/1/", "f.ru/u/1/", "c.yaml:9:24: 'f.ru/u/1/' is not an http(s) URL");
    expect_error("questions:", "questions: [\n", "c.yaml:");
    expect_error("campaign: {", "campaign: { id: x, ", "key 'id' given twice in campaign");
    expect_error("id: c1,", "id: \"c/../1\",", "campaign id 'c/../1' may hold only letters");
    expect_error("https://min.ru/оценить", "\"https://min.ru/\\0.exe\"",
                 "c.yaml:7:19: authority: 'feedback_url' holds a NUL character");
    expect_error("https://min.ru/оценить", "https://user@min.ru/", "user name or password");
}

/* Parses BASE with `from` replaced by `to`; NULL (and a failed check) on an error. */
static struct anketa_campaign *parse_with(const char *from, const char *to)
{
    static char text[4096];
    const char *at = strstr(BASE, from);
    struct anketa_error err;
    snprintf(text, sizeof text, "%.*s%s%s", at ? (int)(at - BASE) : 0, BASE, at ? to : "",
             at ? at + strlen(from) : BASE);
    struct anketa_campaign *c = anketa_campaign_parse(text, strlen(text), "c.yaml", &err);
    CHECK(at != NULL && c != NULL);
    if (c == NULL)
        fprintf(stderr, "    got: %s\n", err.message);
    return c;
}

/* Item kinds: given, taken from the direction (said once), or an error at
 * file:line:column; a kind of control has one code per event type enabled. */
static void test_kinds(void)
{
    struct anketa_campaign *c = parse_with("direction: services }\n  - { id: i2",
                                           "direction: services, kind: measure }\n  - { id: i2");
    if (c) {
        CHECK_STR(c->items[0].kind, "measure");
        CHECK(c->items[0].kind_given);
        CHECK_STR(c->items[1].kind, "service");   /* from the direction */
        CHECK(!c->items[1].kind_given);
        CHECK(c->notice && strstr(c->notice, "c.yaml:12:5: item 'i2' has no kind: 1 item takes") != NULL);
    }
    anketa_campaign_free(c);

    /* a kind of control with both event types: two codes at a point, the
     * event in the id and in the pre-filled link; with one, one code and
     * no suffix */
    static const char control[] =
        "campaign: { id: c1, name: Кампания, points: units }\n"
        "directions:\n"
        "  - { id: knd, name: Контроль }\n"
        "authorities:\n"
        "  - id: min\n"
        "    name: Министерство\n"
        "    feedback_url: https://min.ru/\n"
        "    surveys:\n"
        "      knd: { url: \"https://f.ru/k/\", prefill: { k: \"{item.id}\", e: \"{event}\" } }\n"
        "items:\n"
        "  - { id: i1, name: Профилактика, authority: min, direction: knd, kind: control, events: [prevention] }\n"
        "  - { id: i2, name: Надзор, authority: min, direction: knd, kind: control }\n"
        "points:\n"
        "  - { id: p1, name: Отдел, municipality: Город, items: [i1, i2] }\n"
        "questions:\n"
        "  - { id: overall, text: Оценка, scale: 1-5 }\n";
    struct anketa_error perr;
    c = anketa_campaign_parse(control, strlen(control), "c.yaml", &perr);
    CHECK(c != NULL);
    if (c == NULL)
        fprintf(stderr, "    got: %s\n", perr.message);
    if (c) {
        CHECK(c->notice == NULL);   /* i1 has its direction's kind, i2 its own */
        struct anketa_code *codes;
        size_t n;
        struct anketa_error err;
        CHECK(anketa_codes_build(c, ANKETA_LEVEL_ITEM, NULL, &codes, &n, &err) == 0);
        CHECK(n == 3);
        if (n == 3) {
            CHECK_STR(codes[0].code_id, "min.knd.i1.p1");
            CHECK_STR(codes[0].url, "https://f.ru/k/?k=i1&e=prevention");
            CHECK_STR(codes[1].code_id, "min.knd.i2.p1.control");
            CHECK_STR(codes[1].url, "https://f.ru/k/?k=i2&e=control");
            CHECK_STR(codes[2].code_id, "min.knd.i2.p1.prevention");
            CHECK_STR(codes[2].url, "https://f.ru/k/?k=i2&e=prevention");
            const char *row[ANKETA_MANIFEST_COLUMNS];
            anketa_code_manifest_row(c, &codes[2], NULL, row);
            CHECK_STR(row[7], "control");
            CHECK_STR(row[8], "prevention");
            CHECK_STR(row[11], "Подразделение");
        }
        anketa_codes_free(codes, n);
    }
    anketa_campaign_free(c);
}

static void test_kind_errors(void)
{
    expect_error("direction: services }\n  - { id: i2", "direction: services, kind: servise }\n  - { id: i2",
                 "c.yaml:11:73: item 'i1': unknown kind 'servise'");
    expect_error("direction: services }\n  - { id: i2",
                 "direction: services, kind: control, events: [] }\n  - { id: i2",
                 "c.yaml:11:90: item 'i1': a kind of control needs at least one event type");
    expect_error("direction: services }\n  - { id: i2",
                 "direction: services, kind: control, events: [audit] }\n  - { id: i2",
                 "item 'i1': unknown event type 'audit'");
    expect_error("direction: services }\n  - { id: i2",
                 "direction: services, kind: service, events: [control] }\n  - { id: i2",
                 "item 'i1': event types belong to kind control");
    expect_error("kind: service, name: Услуги", "name: Услуги",
                 "c.yaml:11:5: item 'i1' has no kind and its direction 'services' gives none");
    expect_error("timezone: \"+09:00\"", "timezone: \"+09:00\", points: desks",
                 "c.yaml:1:65: points must be 'offices'");
}

static void test_demo(void)
{
    struct anketa_error err;
    struct anketa_campaign *c = anketa_campaign_load("../../share/examples/demo-campaign.yaml", &err);
    CHECK(c != NULL);
    if (c == NULL) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    CHECK(c->authority_count == 3);
    CHECK(c->direction_count == 4);    /* the four of the recommendations */
    CHECK(c->notice == NULL);          /* every item has its kind */
    CHECK(c->item_count >= 25);
    CHECK(c->point_count >= 10);
    CHECK(c->question_count == 7);
    CHECK(c->target > 0.79 && c->target < 0.81);
    anketa_campaign_free(c);
    CHECK(anketa_campaign_load("no-such-campaign.yaml", &err) == NULL);
    CHECK(strstr(err.message, "no-such-campaign.yaml: No such file") != NULL);
}

/* YAML that would take minutes or gigabytes is refused at once, at its place:
 * deep nesting (libyaml's scanner is quadratic in it), aliases that multiply
 * what a walker visits, and an alias inside the node it names. */
static void expect_limit(const char *text, size_t len, const char *want)
{
    struct anketa_error err;
    struct anketa_campaign *c = anketa_campaign_parse(text, len, "c.yaml", &err);
    check_count++;
    if (c != NULL || strstr(err.message, want) == NULL) {
        check_fail(__FILE__, __LINE__, want);
        fprintf(stderr, "    got: %s\n", c ? "(no error)" : err.message);
    }
    anketa_campaign_free(c);
    struct anketa_template *t = anketa_template_parse(text, len, "c.yaml", &err);
    check_count++;
    if (t != NULL || strstr(err.message, want) == NULL) {
        check_fail(__FILE__, __LINE__, want);
        fprintf(stderr, "    got: %s\n", t ? "(no error)" : err.message);
    }
    anketa_template_free(t);
}

static void test_limits(void)
{
    size_t n = 200000;
    char *deep = malloc(n + 1);
    if (deep == NULL)
        return;
    memset(deep, '[', n);
    deep[n] = '\n';
    expect_limit(deep, n + 1, "c.yaml:1:65: lists and mappings nested deeper than 64 levels");
    free(deep);
    static const char bomb[] =
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        "a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n"
        "a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\n"
        "a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\n"
        "a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]\n"
        "a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]\n"
        "a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]\n";
    expect_limit(bomb, sizeof bomb - 1, "c.yaml:7:10: more than 2000000 YAML nodes");
    static const char loop[] = "a: &x [1, *x]\n";
    expect_limit(loop, sizeof loop - 1, "c.yaml:1:11: alias '*x' stands inside the node it names");
    static const char twice[] = "a: &x 1\nb: &x 2\n";
    expect_limit(twice, sizeof twice - 1, "c.yaml:2:4: anchor '&x' defined twice");
}

int main(void)
{
    test_base();
    test_errors();
    test_limits();
    test_kinds();
    test_kind_errors();
    test_demo();
    return check_summary();
}
