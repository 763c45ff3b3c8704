/* A minimal unit-test harness: CHECK records a failure and goes on; a test
 * program returns check_summary() from main. */
#ifndef ANKETA_CHECK_H
#define ANKETA_CHECK_H

#include <stdio.h>
#include <string.h>

extern int check_failures;
extern int check_count;
void check_fail(const char *file, int line, const char *what);
int check_summary(void);

#define CHECK(cond) do { check_count++; if (!(cond)) check_fail(__FILE__, __LINE__, #cond); } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); check_count++; \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) { check_fail(__FILE__, __LINE__, #a " == " #b); \
    fprintf(stderr, "    got      '%s'\n    expected '%s'\n", a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } } while (0)

#endif
