#include <stdio.h>

#include "check.h"

int check_failures;
int check_count;

void check_fail(const char *file, int line, const char *what)
{
    check_failures++;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
}

int check_summary(void)
{
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures != 0;
}
