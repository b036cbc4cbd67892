/* A tiny check helper for test inmates: one line per check, a summary at the end. */
#ifndef INMATE_TEST_H
#define INMATE_TEST_H

#include "types.h"

/* Prints "what: actual" and whether it equals expected. */
#define EXPECT_EQ(what, actual, expected) \
	test_expect_eq(what, (long long)(actual), (long long)(expected))
#define EXPECT_TRUE(what, condition) test_expect_true(what, condition)

void test_expect_eq(const char *what, long long actual, long long expected);
void test_expect_true(const char *what, bool condition);
/* Prints the summary line; returns whether all checks passed. */
bool test_summary(const char *name);

#endif
