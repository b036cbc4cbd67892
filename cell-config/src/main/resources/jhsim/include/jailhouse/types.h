/*
 * jhsim: integer types used by Jailhouse configuration sources.
 * Part of jhsim's own configuration headers; usable by gcc and by
 * jhsim's configuration compiler alike.
 */
#ifndef JHSIM_JAILHOUSE_TYPES_H
#define JHSIM_JAILHOUSE_TYPES_H

typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

#ifndef __cplusplus
typedef _Bool bool;
#define true	1
#define false	0
#endif

#ifndef NULL
#define NULL	((void *)0)
#endif

#endif
