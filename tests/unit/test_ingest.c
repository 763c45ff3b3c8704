/* ingest's parts: folding, encodings, dates, scores, weights, the seen set,
 * masking. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ingest_int.h"

static const char profile_yaml[] =
    "source: yf\nnumber_prefix: true\nfields: { response_id: ID, submitted_at: date }\n"
    "labels:\n  5: [Отлично, очень хорошо]\n  4: [скорее хорошо]\n  2: [скорее плохо]\n"
    "  1: [очень плохо, да]\n  0: [нет]\n  none: [затрудняюсь ответить]\n";

static const char *date(const char *s, int serial, int zone_set, int minutes, int *rc)
{
    static char out[INGEST_DATE_MAX], why[INGEST_WHY];
    struct ingest_zone z = { zone_set, minutes };
    *rc = ingest_parse_date(s, DATES_ISO | DATES_DMY | DATES_EXCEL, serial, z, out, why);
    return *rc == 0 ? out : why;
}

static void test_dates(void)
{
    int rc;
    CHECK_STR(date("2024-03-05 14:07:33", 0, 1, 540, &rc), "2024-03-05T14:07:33+09:00");
    CHECK_STR(date("05.03.2024 14:07", 0, 1, 540, &rc), "2024-03-05T14:07:00+09:00");
    CHECK_STR(date("5.3.2024", 0, 1, 540, &rc), "2024-03-05T00:00:00+09:00");
    /* An instant with an offset lands in the campaign's zone. */
    CHECK_STR(date("2024-03-31T20:30:00Z", 0, 1, 540, &rc), "2024-04-01T05:30:00+09:00");
    CHECK_STR(date("2024-03-05T10:00:00+03:00", 0, 1, 540, &rc), "2024-03-05T16:00:00+09:00");
    CHECK_STR(date("2024-03-05T10:00:00+03:00", 0, 0, 0, &rc), "2024-03-05T10:00:00+03:00");
    /* Excel serial 45356.5 is 2024-03-05 12:00, only from an XLSX number. */
    CHECK_STR(date("45356.5", 1, 1, 540, &rc), "2024-03-05T12:00:00+09:00");
    date("45356.5", 0, 1, 540, &rc);
    CHECK(rc == -1);
    date("31.04.2024 10:00", 0, 1, 540, &rc);
    CHECK(rc == -1);
    date("29.02.2023", 0, 1, 540, &rc);
    CHECK(rc == -1);
    CHECK_STR(date("29.02.2024", 0, 1, 540, &rc), "2024-02-29T00:00:00+09:00");
    date("2024-03-05 24:00", 0, 1, 540, &rc);
    CHECK(rc == -1);
    date("03/05/2024", 0, 1, 540, &rc);   /* month first is never guessed */
    CHECK(rc == -1);
    date("2024-03-05 10:00", 0, 0, 0, &rc);
    CHECK(rc == -2);
}

static void test_scores(const struct anketa_profile *p)
{
    long v = -9;
    char why[INGEST_WHY];
    CHECK(ingest_parse_score(p, "5 - Отлично", 1, 5, &v, why) == 1 && v == 5);
    CHECK(ingest_parse_score(p, "  ОТЛИЧНО ", 1, 5, &v, why) == 1 && v == 5);
    CHECK(ingest_parse_score(p, "Скорее хорошо", 1, 5, &v, why) == 1 && v == 4);
    CHECK(ingest_parse_score(p, "скорее плохо", 1, 5, &v, why) == 1 && v == 2);
    CHECK(ingest_parse_score(p, "Очень плохо", 1, 5, &v, why) == 1 && v == 1);
    CHECK(ingest_parse_score(p, "Затрудняюсь ответить", 1, 5, &v, why) == 0);
    CHECK(ingest_parse_score(p, "", 1, 5, &v, why) == 0);
    CHECK(ingest_parse_score(p, "Да", 0, 1, &v, why) == 1 && v == 1);
    CHECK(ingest_parse_score(p, "нет", 0, 1, &v, why) == 1 && v == 0);
    CHECK(ingest_parse_score(p, "нет", 1, 5, &v, why) == -1);
    CHECK(ingest_parse_score(p, "4,0", 1, 5, &v, why) == 1 && v == 4);
    CHECK(ingest_parse_score(p, "4,5", 1, 5, &v, why) == -1);
    CHECK(ingest_parse_score(p, "6 - Превосходно", 1, 5, &v, why) == -1);
    CHECK(ingest_parse_score(p, "10", 0, 10, &v, why) == 1 && v == 10);
    CHECK(ingest_parse_score(p, "хорошо", 1, 5, &v, why) == -1);
    CHECK(ingest_parse_score(p, "-3", 1, 0, &v, why) == 1 && v == -3); /* no scale: any */
}

static void test_weights(void)
{
    long v;
    char why[INGEST_WHY];
    CHECK(ingest_parse_weight("12", &v, why) == 0 && v == 12);
    CHECK(ingest_parse_weight("1\xC2\xA0" "250", &v, why) == 0 && v == 1250);
    CHECK(ingest_parse_weight("1 250,0", &v, why) == 0 && v == 1250);
    CHECK(ingest_parse_weight("0", &v, why) == -1);
    CHECK(ingest_parse_weight("2,5", &v, why) == -1);
    CHECK(ingest_parse_weight("abc", &v, why) == -1);
    /* the whole field, exactly (the same rule as tally's, weight.h) */
    CHECK(ingest_parse_weight("1 2", &v, why) == -1 && strstr(why, "grouped") != NULL);
    CHECK(ingest_parse_weight("1,000", &v, why) == -1 && strstr(why, "ambiguous") != NULL);
    CHECK(ingest_parse_weight("1.000", &v, why) == -1 && strstr(why, "ambiguous") != NULL);
    CHECK(ingest_parse_weight("1 000", &v, why) == 0 && v == 1000);
    CHECK(ingest_parse_weight("1 250 000", &v, why) == 0 && v == 1250000);
    CHECK(ingest_parse_weight("12 50", &v, why) == -1);
    CHECK(ingest_parse_weight("1250 000", &v, why) == -1);
    CHECK(ingest_parse_weight(" 7 ", &v, why) == 0 && v == 7);
    CHECK(ingest_parse_weight("1,0", &v, why) == 0 && v == 1);
    char zeros[80];
    memset(zeros, '0', 62);
    memcpy(zeros + 62, "1000", 5);
    CHECK(ingest_parse_weight(zeros, &v, why) == 0 && v == 1000);
    CHECK(ingest_parse_weight("1000000000", &v, why) == 0 && v == 1000000000);
    CHECK(ingest_parse_weight("2000000000", &v, why) == -1 && strstr(why, "above") != NULL);
    CHECK(ingest_parse_weight("1e3", &v, why) == -1 && strstr(why, "not a whole") != NULL);
}

static void test_text(void)
{
    char out[256];
    ingest_fold("  Время\xC2\xA0\xC2\xA0 СОЗДАНИЯ ", strlen("  Время\xC2\xA0\xC2\xA0 СОЗДАНИЯ "), out);
    CHECK_STR(out, "время создания");
    ingest_fold("Ёлка", strlen("Ёлка"), out);
    CHECK_STR(out, "елка");
    /* Cyrillic beyond Russian folds too (Ukrainian, Belarusian, Serbian, Kazakh). */
    ingest_fold("ЇЖАК Є ЎЛЬЯНА ЂУРО ҚАЗАҚ ӘЛЕМ Ӏ", strlen("ЇЖАК Є ЎЛЬЯНА ЂУРО ҚАЗАҚ ӘЛЕМ Ӏ"), out);
    CHECK_STR(out, "їжак є ўльяна ђуро қазақ әлем ӏ");
    /* Headers as form builders number and star them. */
    const char *keys[][2] = {
        { "1. насколько вы довольны? *", "насколько вы довольны" },
        { "12) время ожидания*", "время ожидания" },
        { "3 - время ожидания", "время ожидания" },
        { "3 \xE2\x80\x94 время ожидания", "время ожидания" },
        { "4.1. вежливость , компетентность", "вежливость компетентность" },
        { "«вопрос» ?", "вопрос" },
        { "2024 год", "2024 год" },
        { "5 лет", "5 лет" },
        { "1.", "" },
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        ingest_question_key(keys[i][0], out);
        CHECK_STR(out, keys[i][1]);
    }
    CHECK(ingest_glob("*замечания*", "ваши замечания и предложения"));
    CHECK(!ingest_glob("*замечания", "ваши замечания и предложения"));
    CHECK(ingest_glob("id", "id") && !ingest_glob("id", "idx"));
    CHECK(ingest_utf8_valid("Привет", strlen("Привет")));
    CHECK(!ingest_utf8_valid("\xCF\xF0\xE8", 3));         /* Windows-1251 "При" */
    CHECK(!ingest_utf8_valid("\xC0\x80", 2));             /* overlong NUL */
    CHECK(!ingest_utf8_valid("\xED\xA0\x80", 3));         /* surrogate */
    CHECK(ingest_cp1251_to_utf8("\xCF\xF0\xE8\xE2\xE5\xF2 \xB9\xA8", 9, out) > 0);
    CHECK_STR(out, "Привет №Ё");
    CHECK(ingest_cp1251_to_utf8("a\x98", 2, out) == -1);
    ingest_utf8_repair("a\xFF" "b", 3, out);
    CHECK_STR(out, "a\xEF\xBF\xBD" "b");
}

static void test_seen(void)
{
    struct ingest_seen s = { 0 };
    CHECK(ingest_seen_check(&s, 42, 7) == SEEN_NEW);
    CHECK(ingest_seen_check(&s, 42, 7) == SEEN_DUPLICATE);
    CHECK(ingest_seen_check(&s, 42, 8) == SEEN_CONFLICT);
    for (uint64_t i = 1; i <= 100000; i++)
        ingest_seen_check(&s, i * 0x9E3779B97F4A7C15ULL | 1, (uint32_t)i);
    /* 12 bytes a slot, at least 40% full: at most 30 bytes an id. */
    CHECK(s.cap * 12 <= s.count * 30);
    char path[] = "/tmp/anketa-seen-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    struct anketa_error err;
    CHECK(ingest_seen_save(&s, path, &err) == 0);
    struct ingest_seen t = { 0 };
    CHECK(ingest_seen_load(&t, path, &err) == 0);
    CHECK(t.count == s.count);
    CHECK(ingest_seen_check(&t, 42, 7) == SEEN_DUPLICATE);
    CHECK(ingest_seen_check(&t, 42, 9) == SEEN_CONFLICT);
    /* One bit of one id flipped: the checksum says so, naming the file. */
    FILE *fp = fopen(path, "r+b");
    CHECK(fp && fseek(fp, 16 + 8 + 12 * 500 + 3, SEEK_SET) == 0);
    int c = getc(fp);
    fseek(fp, -1, SEEK_CUR);
    putc(c ^ 1, fp);
    fclose(fp);
    struct ingest_seen u = { 0 };
    CHECK(ingest_seen_load(&u, path, &err) != 0 && strstr(err.message, path) &&
          strstr(err.message, "checksum"));
    ingest_seen_free(&u);
    fp = fopen(path, "wb");
    fputs("not a seen file", fp);
    fclose(fp);
    CHECK(ingest_seen_load(&t, path, &err) != 0 && strstr(err.message, path));
    unlink(path);
    ingest_seen_free(&s);
    ingest_seen_free(&t);
}

static void test_mask(void)
{
    const char *s = "Пишите: ivan.petrov@mail.ru или +7 914 123-45-67, 8 (4162) 22-33-44; "
                    "дата 05.03.2024, заявление 123456";
    char out[1024];
    struct anketa_ingest_counts n = { 0 };
    ingest_mask(s, strlen(s), out, &n);
    CHECK_STR(out, "Пишите: [e-mail скрыт] или [телефон скрыт], [телефон скрыт]; "
                   "дата 05.03.2024, заявление 123456");
    CHECK(n.emails_masked == 1 && n.phones_masked == 2);
    /* Every common spelling of each kind; dates, times, sums and short
     * numbers stay. */
    static const char *const kinds[][2] = {
        { "+7 (913) 123-45-67", "[телефон скрыт]" },
        { "8 913 1234567", "[телефон скрыт]" },
        { "8-913-123-45-67", "[телефон скрыт]" },
        { "+79131234567", "[телефон скрыт]" },
        { "89131234567", "[телефон скрыт]" },
        { "(913) 123 45 67", "([телефон скрыт]" },
        { "8 (4162) 22-33-44", "[телефон скрыт]" },
        { "СНИЛС 123-456-789 64", "СНИЛС [СНИЛС скрыт]" },
        { "112-233-445 95.", "[СНИЛС скрыт]." },
        { "снилс 11223344595", "снилс [СНИЛС скрыт]" },
        { "ИНН 7707083893", "ИНН [ИНН скрыт]" },
        { "ИНН 500100732259,", "ИНН [ИНН скрыт]," },
        { "паспорт 45 06 123456 выдан 12.03.2010", "паспорт [паспорт скрыт] выдан 12.03.2010" },
        { "паспорт 4506 123456", "паспорт [паспорт скрыт]" },
        { "паспорт 4506 № 123456", "паспорт [паспорт скрыт]" },
        { "карта 4276 3800 1234 5679", "карта [карта скрыта]" },
        { "карта 4276380012345679", "карта [карта скрыта]" },
        { "карта 4276-3800-1234-5679", "карта [карта скрыта]" },
        { "заказ 4276 3800 1234 5676", "заказ 4276 3800 1234 5676" },   /* not Luhn */
        { "01.03.2024 10:00, 1 500 руб., дом 12, кв. 7", "01.03.2024 10:00, 1 500 руб., дом 12, кв. 7" },
        { "2024 год, 100500 раз", "2024 год, 100500 раз" },
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        ingest_mask(kinds[i][0], strlen(kinds[i][0]), out, &n);
        CHECK_STR(out, kinds[i][1]);
    }
    CHECK(n.snils_masked == 3 && n.inns_masked == 2 && n.passports_masked == 3 &&
          n.cards_masked == 3 && n.phones_masked == 2 + 7);
    char a[33], b[33], c[33];
    const unsigned char k1[] = "0123456789abcdef0123456789abcdef", k2[] = "fedcba9876543210fedcba9876543210";
    CHECK(ingest_anon_id(k1, 32, "1843920011", 10, a) == 0);
    ingest_anon_id(k1, 32, "1843920011", 10, b);
    ingest_anon_id(k2, 32, "1843920011", 10, c);
    CHECK(strlen(a) == 32 && strcmp(a, b) == 0 && strcmp(a, c) != 0);
}

int main(void)
{
    struct anketa_error err;
    struct anketa_profile *p = anketa_profile_parse(profile_yaml, strlen(profile_yaml), "t.yaml", &err);
    CHECK(p != NULL);
    if (p == NULL) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    test_dates();
    test_scores(p);
    test_weights();
    test_text();
    test_seen();
    test_mask();
    /* A profile's faults name file:line:column. */
    CHECK(anketa_profile_parse("fields: { response_id: ID, submited_at: d }\n", 44, "bad.yaml",
                               &err) == NULL);
    CHECK(strstr(err.message, "bad.yaml:1:") && strstr(err.message, "submited_at"));
    CHECK(anketa_profile_parse("labels: { x: [a] }\nfields: { response_id: a, submitted_at: b }\n",
                               63, "bad.yaml", &err) == NULL);
    CHECK(strstr(err.message, "bad.yaml:1:"));
    anketa_profile_free(p);
    return check_summary();
}
