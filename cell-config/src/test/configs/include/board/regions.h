/* Included twice; #pragma once keeps the second inclusion out. */
#pragma once

#define RAM_REGION(offset, len, extra)				\
	{							\
		.phys_start = RAM_BASE + (offset),		\
		.virt_start = (offset),				\
		.size = (len),					\
		.flags = JAILHOUSE_MEM_READ |			\
			JAILHOUSE_MEM_WRITE | (extra),		\
	}

/* Redefining a macro identically is allowed. */
#define UART_BASE	0x09000000

#include "irq.h"
