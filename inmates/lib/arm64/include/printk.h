/*
 * Console output: printk formats like printf (%c %s %d %i %u %x %X %p %%,
 * flags '-' and '0', a width, length modifiers l, ll and z) and writes to
 * the cell's UART and, where permitted, the hypervisor's debug console.
 */
#ifndef INMATE_PRINTK_H
#define INMATE_PRINTK_H

#include <stdarg.h>
#include "types.h"

void printk(const char *format, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *format, va_list args);

/* Formats into buffer (always terminated); returns the length it needed. */
size_t snprintk(char *buffer, size_t size, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
size_t vsnprintk(char *buffer, size_t size, const char *format, va_list args);

#endif
