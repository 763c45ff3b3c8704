/* Unit tests of the report's one rounding (ru_number): half away from zero,
 * decided on exact decimals, Russian typography, any magnitude. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "report_int.h"

#define NB "\xC2\xA0"
#define MINUS "\xE2\x88\x92"

static void check_number(struct figure v, int shift, int decimals, const char *want, int line)
{
    char *got = ru_number(v, shift, decimals);
    check_count++;
    if (got == NULL || strcmp(got, want) != 0) {
        check_fail(__FILE__, line, want);
        fprintf(stderr, "    got '%s'\n", got ? got : "(null)");
    }
    free(got);
}
#define NUMBER(v, shift, decimals, want) check_number(v, shift, decimals, want, __LINE__)

static void test_fractions(void)
{
    NUMBER(fig_ratio(900, 1232), 2, 1, "73,1");   /* 73.0519... */
    NUMBER(fig_ratio(27, 48), 2, 1, "56,3");      /* a tie: away from zero */
    NUMBER(fig_ratio(1461, 2000), 2, 1, "73,1");  /* 73.05 exactly */
    NUMBER(fig_ratio(-1461, 2000), 2, 1, MINUS "73,1");
    NUMBER(fig_ratio(25, 8), 0, 2, "3,13");
    NUMBER(fig_ratio(1, 3000), 2, 1, "0,0");
    NUMBER(fig_ratio(-1, 3000), 2, 1, "0,0");     /* never "−0,0" */
    NUMBER(fig_ratio(585000, 10000), 0, 1, "58,5");
    NUMBER(fig_ratio(123456789, 1), 0, 0, "123" NB "456" NB "789");
    NUMBER(fig_ratio(1234, 1), 0, 0, "1234");     /* four digits stay together */
    NUMBER(fig_sub(fig_ratio(900, 1232), fig_decimal(0.8)), 2, 1, MINUS "6,9");
    NUMBER(fig_sub(fig_ratio(4, 5), fig_decimal(0.8)), 2, 1, "0,0");
    CHECK(fig_cmp(fig_ratio(4, 5), fig_decimal(0.8)) == 0);
    CHECK(fig_cmp(fig_ratio(7999, 10000), fig_decimal(0.8)) < 0);
}

static void test_doubles(void)
{
    /* decided on the shortest decimal that reads back as the double */
    NUMBER(fig_double(0.7305), 2, 1, "73,1");     /* 0.73049999... in binary */
    NUMBER(fig_double(2.675), 0, 2, "2,68");      /* 2.67499999... */
    NUMBER(fig_double(0.5625), 2, 1, "56,3");
    NUMBER(fig_double(-6.95), 0, 1, MINUS "7,0");
    NUMBER(fig_double(0.0004), 2, 1, "0,0");
    NUMBER(fig_double(0.0005), 2, 1, "0,1");
    NUMBER(fig_double(9.96), 0, 1, "10,0");
    NUMBER(fig_double(99999.95), 0, 1, "100" NB "000,0");
    NUMBER(fig_double(0), 0, 2, "0,00");
    NUMBER(fig_double(NAN), 0, 1, "");
    /* a share of 1e-20 */
    NUMBER(fig_double(1e-20), 2, 1, "0,0");
}

static void test_huge(void)
{
    /* 1e64 and more wrote past a fixed buffer: any double prints whole. */
    char *s = ru_number(fig_double(1e300), 0, 1);
    CHECK(s != NULL && strncmp(s, "1" NB "000" NB, 6) == 0 && strcmp(s + strlen(s) - 2, ",0") == 0);
    free(s);
    s = ru_number(fig_double(-1.7976931348623157e308), 2, 1);
    CHECK(s != NULL && strncmp(s, MINUS "17" NB "976", 9) == 0);
    free(s);
    s = ru_percent(fig_double(1e70), 1);
    CHECK(s != NULL && strlen(s) > 72);
    free(s);
}

int main(void)
{
    test_fractions();
    test_doubles();
    test_huge();
    return check_summary();
}
