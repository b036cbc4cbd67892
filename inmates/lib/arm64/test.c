/* Checks that print their outcome, and a summary. */
#include "inmate.h"
#include "test.h"

static unsigned int checks, failures;

static void record(bool passed)
{
	checks++;
	if (!passed)
		failures++;
}

void test_expect_eq(const char *what, long long actual, long long expected)
{
	record(actual == expected);
	if (actual == expected)
		printk("%s: %lld ok\n", what, actual);
	else
		printk("%s: %lld FAILED (expected %lld)\n", what, actual, expected);
}

void test_expect_true(const char *what, bool condition)
{
	record(condition);
	printk("%s: %s\n", what, condition ? "ok" : "FAILED");
}

bool test_summary(const char *name)
{
	if (failures)
		printk("%s: %u of %u checks FAILED\n", name, failures, checks);
	else
		printk("%s: all %u checks passed\n", name, checks);
	return failures == 0;
}
