/* Fixed-width types and helpers every part of the library uses. */
#ifndef INMATE_TYPES_H
#define INMATE_TYPES_H

#include <stdbool.h>
#include <stddef.h>

/* 64-bit values are long long, so "%llx" prints them. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define BIT(n)		(1UL << (n))

#define PAGE_SIZE	0x1000UL

#define NS_PER_USEC	1000ULL
#define NS_PER_MSEC	1000000ULL
#define NS_PER_SEC	1000000000ULL

#endif
