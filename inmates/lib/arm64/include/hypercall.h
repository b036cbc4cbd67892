/* Jailhouse hypercalls (hvc #0x4a48): the result, or a negative errno. */
#ifndef INMATE_HYPERCALL_H
#define INMATE_HYPERCALL_H

#include "abi.h"

#define EPERM	1
#define ENOENT	2
#define EINVAL	22
#define ENOSYS	38

static inline long jailhouse_call(u64 code, u64 arg1, u64 arg2)
{
	register u64 x0 asm("x0") = code;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = arg2;

	asm volatile("hvc #0x4a48"
		     : "+r" (x0), "+r" (x1), "+r" (x2)
		     : : "x3", "memory");
	return (long)x0;
}

#endif
