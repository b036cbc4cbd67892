/* Reading "name=value" parameters from the command line at 0x1000. */
#include "inmate.h"

/* Empty unless the loader puts a string here. Not const: the compiler must not assume its contents. */
char cmdline[CMDLINE_SIZE] __attribute__((section(".cmdline"), used));

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* The value of the last "name=value" or "name" word, and its length; NULL if absent. */
static const char *find(const char *args, const char *name, size_t *length)
{
	size_t name_length = strlen(name);
	const char *found = NULL;
	const char *p = args;

	while (*p) {
		const char *word = p;

		while (*p && !is_blank(*p))
			p++;
		if (strncmp(word, name, name_length) == 0 &&
		    (word + name_length == p || word[name_length] == '=')) {
			found = word + name_length + (word + name_length < p);
			*length = (size_t)(p - found);
		}
		while (is_blank(*p))
			p++;
	}
	return found;
}

const char *args_str(const char *args, const char *name, char *buffer, size_t size,
		     const char *default_value)
{
	size_t length = 0;
	const char *value = find(args, name, &length);

	if (!value || size == 0)
		return default_value;
	if (length > size - 1)
		length = size - 1;
	memcpy(buffer, value, length);
	buffer[length] = 0;
	return buffer;
}

static int digit_value(char c, unsigned int base)
{
	int value = c >= '0' && c <= '9' ? c - '0' :
		c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;

	return value < (int)base ? value : -1;
}

long long args_int(const char *args, const char *name, long long default_value)
{
	char text[32];
	const char *p = args_str(args, name, text, sizeof(text), NULL);
	unsigned long long value = 0;
	unsigned int base = 10;
	bool negative = false;

	if (!p)
		return default_value;
	if (*p == '-' || *p == '+')
		negative = *p++ == '-';
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (!*p)
		return default_value;
	for (; *p; p++) {
		int digit = digit_value(*p, base);

		if (digit < 0)
			return default_value;
		value = value * base + (unsigned int)digit;
	}
	return negative ? -(long long)value : (long long)value;
}

static bool one_of(const char *value, const char *const words[], size_t count)
{
	size_t n;

	for (n = 0; n < count; n++)
		if (strcmp(value, words[n]) == 0)
			return true;
	return false;
}

bool args_bool(const char *args, const char *name, bool default_value)
{
	static const char *const yes[] = { "", "1", "true", "yes", "on" };
	static const char *const no[] = { "0", "false", "no", "off" };
	char text[8];
	const char *value = args_str(args, name, text, sizeof(text), NULL);

	if (!value)
		return default_value;
	if (one_of(value, yes, ARRAY_SIZE(yes)))
		return true;
	if (one_of(value, no, ARRAY_SIZE(no)))
		return false;
	return default_value;
}

const char *cmdline_str(const char *name, char *buffer, size_t size, const char *default_value)
{
	return args_str(cmdline, name, buffer, size, default_value);
}

long long cmdline_int(const char *name, long long default_value)
{
	return args_int(cmdline, name, default_value);
}

bool cmdline_bool(const char *name, bool default_value)
{
	return args_bool(cmdline, name, default_value);
}
