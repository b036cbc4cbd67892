/*
 * Differential source: function-like, variadic and nested macros, # and ##,
 * rescanning, and macros that expand to designators and whole initialisers.
 */
#include "fixture-common.h"

#define STR(x)			#x
#define XSTR(x)			STR(x)
#define CAT(a, b)		a ## b
#define XCAT(a, b)		CAT(a, b)
#define MEM(flag)		JAILHOUSE_MEM_ ## flag
#define MEM2(a, b)		(MEM(a) | MEM(b))
#define BOARD			demo
#define BOARD_ID		7
#define ID(x)			x

/* Rescanning: f(2)(9) becomes 2*9*g, as in the C standard's example. */
#define f(a)			a*g
#define g(a)			f(a)

/* A macro that names itself expands once, then means the enumerator. */
enum { g = 3, BASE_FLAGS = JAILHOUSE_MEM_READ };
#define BASE_FLAGS		(BASE_FLAGS | JAILHOUSE_MEM_ROOTSHARED)

/* Variadic macros, GNU's comma swallowing and a named variadic parameter. */
#define BITMAP(first, ...)	{ first, ## __VA_ARGS__ }
#define OR4(a, b, c, d, ...)	((a) | (b) | (c) | (d))
#define OR_ALL(flags...)	OR4(flags, 0, 0, 0, 0)
#define FIRST(a, ...)		a
#define COUNT(...)		COUNT_(__VA_ARGS__, 4, 3, 2, 1, 0)
#define COUNT_(a, b, c, d, n, ...) n

/* A whole memory region, designators included. */
#define REGION(start, len, ...)				\
	{						\
		.phys_start = (start),			\
		.virt_start = (start),			\
		.size = (len),				\
		.flags = OR_ALL(__VA_ARGS__),		\
	}

#define RAM_FLAGS	MEM(READ), MEM(WRITE), MEM(EXECUTE)
#define APPLY(m, args)	m args
#define EMPTY
#define SHIFTED(n)	(1 << (n)) EMPTY

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[5];
	struct jailhouse_irqchip irqchips[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_ARM64)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = XSTR(BOARD) "-" STR(BOARD) "-" XSTR(BOARD_ID) STR( a  "b\n" ),
		.flags = CAT(JAILHOUSE_CELL_, PASSIVE_COMMREG),
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.vpci_irq_base = f(2)(9),
		.cpu_reset_address = __LINE__,
		.msg_reply_timeout = COUNT(a, b, c),
		.console = {
			.address = XCAT(0x0900, 0000),
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = OR_ALL(JAILHOUSE_CON_ACCESS_MMIO) |
				 OR_ALL(0, JAILHOUSE_CON_REGDIST_4),
		},
	},

	.cpus = {
		FIRST(0x8, ignored, too),
	},

	.mem_regions = {
		REGION(0x7fa00000, 0x10000, RAM_FLAGS, MEM(LOADABLE)),
		REGION(0x09000000, 0x1000, MEM2(READ, WRITE), MEM(IO)),
		APPLY(REGION, (0x7fb00000, 0x1000, BASE_FLAGS)),
		ID(REGION)(0x7fc00000, 0x2000, MEM(WRITE), MEM(DMA)),
		{
			.virt_start = 0x80000000,
			.size = 0x1000,
			.flags = MEM2(READ, WRITE) | MEM(COMM_REGION),
		},
	},

	.irqchips = {
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = BITMAP(SHIFTED(BOARD_ID + 1), COUNT(), COUNT(x, y)),
		},
		{
			.address = 0x08000000,
			.pin_base = 160,
			.pin_bitmap = BITMAP(0xffff),
		},
	},
};
