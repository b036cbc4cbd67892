/* Console output on the PL011 at 0x09000000, and a small printf. */
#include "baremetal.h"

#define UART_BASE 0x09000000ul
#define UART_DR 0x00
#define UART_FR 0x18
#define FR_TXFF (1u << 5)

void putc(char c)
{
    while (mmio_read32(UART_BASE + UART_FR) & FR_TXFF)
        ;
    mmio_write32(UART_BASE + UART_DR, (unsigned char)c);
}

void puts(const char *s)
{
    while (*s)
        putc(*s++);
}

static void put_number(uint64_t value, unsigned int base, int negative, int width, char pad)
{
    char digits[24];
    int n = 0;
    do {
        unsigned int d = value % base;
        digits[n++] = d < 10 ? '0' + d : 'a' + d - 10;
        value /= base;
    } while (value);
    if (negative)
        digits[n++] = '-';
    while (width-- > n)
        putc(pad);
    while (n)
        putc(digits[--n]);
}

/* %d %u %x %p %s %c %% with an optional '0' flag, a width and 'l' (for long). */
int vprintf(const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            putc(*fmt);
            continue;
        }
        char pad = ' ';
        int width = 0, is_long = 0;
        fmt++;
        if (*fmt == '0')
            pad = '0', fmt++;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l')
            is_long = 1, fmt++;
        switch (*fmt) {
        case 'd': {
            int64_t v = is_long ? va_arg(ap, int64_t) : va_arg(ap, int);
            put_number(v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad);
            break;
        }
        case 'u':
            put_number(is_long ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int), 10, 0, width, pad);
            break;
        case 'x':
            put_number(is_long ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int), 16, 0, width, pad);
            break;
        case 'p':
            puts("0x");
            put_number((uint64_t)va_arg(ap, void *), 16, 0, width, pad);
            break;
        case 's':
            puts(va_arg(ap, const char *));
            break;
        case 'c':
            putc((char)va_arg(ap, int));
            break;
        default:
            putc(*fmt);
        }
    }
    return 0;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    return 0;
}
