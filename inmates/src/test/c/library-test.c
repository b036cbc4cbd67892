/*
 * Unit checks of the inmate library's formatting and command-line parsing,
 * built as a Linux program and run under qemu-aarch64 (InmateLibraryTest).
 * Prints one line per failed check; the exit status is the number of failures.
 */
#include <stdio.h>
#include <limits.h>
#include "inmate.h"
#include "console.h"

static int failures, checks;

/* vprintk's output channel; these checks only format into buffers. */
void console_write(const char *text, size_t length)
{
	(void)text;
	(void)length;
}

static void expect_text(int line, const char *actual, const char *expected)
{
	checks++;
	if (strcmp(actual, expected) != 0) {
		failures++;
		printf("line %d: got \"%s\", expected \"%s\"\n", line, actual, expected);
	}
}

static void expect_number(int line, long long actual, long long expected)
{
	checks++;
	if (actual != expected) {
		failures++;
		printf("line %d: got %lld, expected %lld\n", line, actual, expected);
	}
}

#define FORMATS_TO(expected, ...) do {					\
		char buffer[128];					\
		snprintk(buffer, sizeof(buffer), __VA_ARGS__);		\
		expect_text(__LINE__, buffer, expected);		\
	} while (0)

static void formatting(void)
{
	/* without the format attribute, to pass what the compiler would reject */
	size_t (*unchecked)(char *, size_t, const char *, ...) = snprintk;
	char small[5];

	FORMATS_TO("0 -42 4294967295", "%d %i %u", 0, -42, 4294967295U);
	FORMATS_TO("-9223372036854775808 18446744073709551615", "%lld %llu", LLONG_MIN, ULLONG_MAX);
	FORMATS_TO("beef BEEF 0000001f", "%x %X %08x", 0xbeef, 0xbeef, 0x1f);
	FORMATS_TO("  1234|42   |-0042", "%6ld|%-5d|%05d", 1234L, 42, -42);
	FORMATS_TO("0x1000 A hi    ab (null)", "%p %c %s %5s %s", (void *)0x1000, 'A', "hi", "ab", (char *)NULL);
	FORMATS_TO("100% 7", "100%% %zu", (size_t)7);
	FORMATS_TO("00:01.0", "%02x:%02x.%x", 0, 1, 0);
	FORMATS_TO("Timer fired, jitter:   1234 ns, min:   1000 ns, max: 99999999 ns",
		   "Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns", 1234L, 1000L, 99999999L);

	unchecked(small, sizeof(small), "%q");
	expect_text(__LINE__, small, "%q");
	expect_number(__LINE__, (long long)snprintk(small, sizeof(small), "%s", "abcdefgh"), 8);
	expect_text(__LINE__, small, "abcd");
}

static void command_lines(void)
{
	const char *args = "  a=1   b=0x1F c=-5 X=0X10 p=+7 empty= bad=12z n=1 n=2 con-based=5 lock ";
	char buffer[16];

	expect_number(__LINE__, args_int(args, "a", 0), 1);
	expect_number(__LINE__, args_int(args, "b", 0), 31);
	expect_number(__LINE__, args_int(args, "c", 0), -5);
	expect_number(__LINE__, args_int(args, "X", 0), 16);
	expect_number(__LINE__, args_int(args, "p", 0), 7);
	expect_number(__LINE__, args_int(args, "n", 0), 2);
	expect_number(__LINE__, args_int(args, "empty", 9), 9);
	expect_number(__LINE__, args_int(args, "bad", 9), 9);
	expect_number(__LINE__, args_int(args, "missing", 9), 9);
	expect_number(__LINE__, args_int(args, "con-base", 9), 9);
	expect_number(__LINE__, args_int("", "a", 3), 3);

	expect_number(__LINE__, args_bool(args, "lock", false), true);
	expect_number(__LINE__, args_bool("lock=off", "lock", true), false);
	expect_number(__LINE__, args_bool("lock=yes", "lock", false), true);
	expect_number(__LINE__, args_bool("lock=maybe", "lock", true), true);
	expect_number(__LINE__, args_bool(args, "missing", false), false);

	expect_text(__LINE__, args_str("con-type=8250 x", "con-type", buffer, sizeof(buffer), "none"), "8250");
	expect_text(__LINE__, args_str("con-type=8250 x", "con-type", buffer, 3, "none"), "82");
	expect_text(__LINE__, args_str("con-type=8250 x", "x", buffer, sizeof(buffer), "none"), "");
	expect_text(__LINE__, args_str("con-type=8250 x", "y", buffer, sizeof(buffer), "none"), "none");
}

int main(void)
{
	formatting();
	command_lines();
	printf("%d checks, %d failed\n", checks, failures);
	return failures;
}
