/* printf-style formatting into a buffer or onto the console. */
#include "inmate.h"
#include "console.h"

struct sink {
	char *buffer;		/* NULL: write to the console */
	size_t size, used;
	char pending[64];	/* console output, written in pieces */
	size_t pending_used;
};

static void flush(struct sink *out)
{
	console_write(out->pending, out->pending_used);
	out->pending_used = 0;
}

static void put(struct sink *out, char c)
{
	if (!out->buffer) {
		if (out->pending_used == sizeof(out->pending))
			flush(out);
		out->pending[out->pending_used++] = c;
	} else if (out->used + 1 < out->size) {
		out->buffer[out->used] = c;
	}
	out->used++;
}

struct spec {
	bool left, zero;
	unsigned int width;
};

static void put_padded(struct sink *out, const struct spec *spec, const char *prefix,
		       const char *digits, size_t length)
{
	size_t prefix_length = strlen(prefix);
	size_t total = prefix_length + length;
	size_t pad = spec->width > total ? spec->width - total : 0;
	size_t n;

	if (!spec->left && !spec->zero)
		for (n = 0; n < pad; n++)
			put(out, ' ');
	for (n = 0; n < prefix_length; n++)
		put(out, prefix[n]);
	if (!spec->left && spec->zero)
		for (n = 0; n < pad; n++)
			put(out, '0');
	for (n = 0; n < length; n++)
		put(out, digits[n]);
	if (spec->left)
		for (n = 0; n < pad; n++)
			put(out, ' ');
}

static void put_number(struct sink *out, const struct spec *spec, unsigned long long value,
		       unsigned int base, bool upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char text[24];
	size_t n = sizeof(text);

	do {
		text[--n] = digits[value % base];
		value /= base;
	} while (value);
	put_padded(out, spec, prefix, text + n, sizeof(text) - n);
}

enum length { LENGTH_INT, LENGTH_LONG, LENGTH_LONG_LONG, LENGTH_SIZE };

static unsigned long long unsigned_argument(va_list *args, enum length length)
{
	switch (length) {
	case LENGTH_LONG:
		return va_arg(*args, unsigned long);
	case LENGTH_LONG_LONG:
		return va_arg(*args, unsigned long long);
	case LENGTH_SIZE:
		return va_arg(*args, size_t);
	default:
		return va_arg(*args, unsigned int);
	}
}

static long long signed_argument(va_list *args, enum length length)
{
	switch (length) {
	case LENGTH_LONG:
		return va_arg(*args, long);
	case LENGTH_LONG_LONG:
		return va_arg(*args, long long);
	case LENGTH_SIZE:
		return (long long)va_arg(*args, size_t);
	default:
		return va_arg(*args, int);
	}
}

static void format(struct sink *out, const char *f, va_list *args)
{
	for (; *f; f++) {
		struct spec spec = { false, false, 0 };
		enum length length = LENGTH_INT;

		if (*f != '%') {
			put(out, *f);
			continue;
		}
		for (f++; *f == '-' || *f == '0'; f++) {
			spec.left |= *f == '-';
			spec.zero |= *f == '0';
		}
		for (; *f >= '0' && *f <= '9'; f++)
			spec.width = spec.width * 10 + (unsigned int)(*f - '0');
		if (*f == 'z') {
			length = LENGTH_SIZE;
			f++;
		} else {
			for (; *f == 'l'; f++)
				length = length == LENGTH_INT ? LENGTH_LONG : LENGTH_LONG_LONG;
		}

		switch (*f) {
		case 'd':
		case 'i': {
			long long value = signed_argument(args, length);

			put_number(out, &spec, value < 0 ? 0ULL - (unsigned long long)value :
				   (unsigned long long)value, 10, false, value < 0 ? "-" : "");
			break;
		}
		case 'u':
			put_number(out, &spec, unsigned_argument(args, length), 10, false, "");
			break;
		case 'x':
		case 'X':
			put_number(out, &spec, unsigned_argument(args, length), 16, *f == 'X', "");
			break;
		case 'p':
			put_number(out, &spec, (unsigned long)va_arg(*args, void *), 16, false, "0x");
			break;
		case 'c': {
			char c = (char)va_arg(*args, int);

			put_padded(out, &spec, "", &c, 1);
			break;
		}
		case 's': {
			const char *s = va_arg(*args, const char *);

			if (!s)
				s = "(null)";
			put_padded(out, &spec, "", s, strlen(s));
			break;
		}
		case '%':
			put(out, '%');
			break;
		case '\0':
			return;
		default:	/* not understood: show it as written */
			put(out, '%');
			put(out, *f);
			break;
		}
	}
}

size_t vsnprintk(char *buffer, size_t size, const char *f, va_list args)
{
	struct sink out = { .buffer = buffer, .size = size };
	va_list copy;

	va_copy(copy, args);
	format(&out, f, &copy);
	va_end(copy);
	if (size)
		buffer[out.used < size ? out.used : size - 1] = 0;
	return out.used;
}

size_t snprintk(char *buffer, size_t size, const char *f, ...)
{
	va_list args;
	size_t length;

	va_start(args, f);
	length = vsnprintk(buffer, size, f, args);
	va_end(args);
	return length;
}

/* One message at a time, whole, whichever CPU or handler prints. */
static volatile u32 console_lock;

void vprintk(const char *f, va_list args)
{
	struct sink out = { .buffer = NULL };
	u64 flags = irqs_save();
	va_list copy;

	while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
	va_copy(copy, args);
	format(&out, f, &copy);
	va_end(copy);
	flush(&out);
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
	irqs_restore(flags);
}

void printk(const char *f, ...)
{
	va_list args;

	va_start(args, f);
	vprintk(f, args);
	va_end(args);
}
