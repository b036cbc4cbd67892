/* SMC calls per the SMC Calling Convention (results in x0, x4-x17 may change). */
#include "psci.h"

long smc_call(u64 function, u64 arg1, u64 arg2, u64 arg3)
{
	register u64 x0 asm("x0") = function;
	register u64 x1 asm("x1") = arg1;
	register u64 x2 asm("x2") = arg2;
	register u64 x3 asm("x3") = arg3;

	asm volatile("smc #0"
		     : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		     : : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
		       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}
