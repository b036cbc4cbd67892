/*
 * Differential source: integer constant expressions with every operator,
 * C's promotions and conversions, casts, sizeof and _Alignof, character and
 * binary/octal/suffixed constants, and enumerations.
 */
#include "fixture-common.h"

enum region_kind { RAM = 1, IO = RAM << 4, SHARED, LAST = -1 };
typedef enum region_kind kind_t;

#define KiB(n)		((n) * 1024UL)
#define MiB(n)		(KiB(n) * 1024)
#define BIT(n)		(1UL << (n))
#define GENMASK(h, l)	(((~0UL) << (l)) & (~0UL >> (63 - (h))))

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_cache cache_regions[2];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_X86)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "expr",
		.flags = (JAILHOUSE_CELL_PASSIVE_COMMREG ^ 0) | !0 << 1,
		.id = (__u32)-1,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = sizeof(config.mem_regions) / sizeof(struct jailhouse_memory),
		.num_cache_regions = sizeof config.cache_regions / sizeof config.cache_regions[0],
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),
		/* comparisons, logic and the conditional operator */
		.vpci_irq_base = ((3 > 2) + (2 >= 2) + (1 < 0) + (-1 < 0u) + (-1L < 0u) + (0 == 0) + (1 != 1)) << 16
			| ((0 && 1) + (0 || 2) + (sizeof(int) == 4 ? 10 : 20) + (SHARED - IO)) << 8
			| ((kind_t)LAST == -1 ? _Alignof(__u64) * 4 : 0),
		.cpu_reset_address = GENMASK(47, 12) & ~(__u64)0xfff,
		.msg_reply_timeout = (unsigned char)0x1ff + (signed char)0x80 + (short)-1 + (unsigned short)-1,
		.console = {
			.address = 0b1111111000 | 010,
			.size = 'A' << 8 | '\n' | '\x7f' << 16 | '\101' << 24,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = -1 >> 1 & 0xf,
			.divider = 0x7fffffff / 3 % 1000 - -5,
			.gate_nr = 4294967295u >> 31,
			.clock_reg = 18446744073709551615ull / 3 == 0 ? 0 : -2LL,
		},
	},

	.cpus = {
		(1 << 3) - 1 + ((-8) >> 2) + (-7 / 2) + (-7 % 2) + (8u >> 1),
	},

	.mem_regions = {
		{
			.phys_start = MiB(16) * 3 + KiB(4),
			.virt_start = 0,
			.size = MiB(1) - KiB(1) * 4,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_LOADABLE,
		},
		{
			.phys_start = 0xfed00000 + sizeof(struct jailhouse_cell_desc),
			.virt_start = 0xfed00000 + sizeof(config) - sizeof(config.cell),
			.size = sizeof(struct jailhouse_pci_device) * 0x100,
			.flags = JAILHOUSE_MEM_READ | IO,
		},
		{
			.phys_start = -1ULL << 40,
			.virt_start = (__u64)-4096,
			.size = 0x1000ULL * 0x1000,
			.flags = (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE) & ~JAILHOUSE_MEM_WRITE,
		},
		{
			.virt_start = BIT(31) | BIT(20),
			.size = sizeof(union { __u8 a[3]; __u16 b; }) + sizeof(__u8[7][3]) + sizeof(char *),
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.cache_regions = {
		{
			.start = (unsigned)-1 / 0x10000000,
			.size = 2L * 2,
			.type = JAILHOUSE_CACHE_L3 ^ JAILHOUSE_CACHE_L3_CODE,
			.flags = RAM,
		},
		{ 8, 4, JAILHOUSE_CACHE_L3, 0, (SHARED > IO) },
	},

	.irqchips = {
		{
			.address = 0xfec00000,
			.id = 0xff00 | 0x10 << 4,
			.pin_bitmap = { ~0u, ~0u >> 1, (__u32)~0ULL, -1 },
		},
	},

	.pio_regions = {
		PIO_RANGE(0x2f8 & 0xfff8, 010),
		PIO_RANGE(0xcf8 + (1 ? 0 : 4), sizeof(__u64)),
		PIO_RANGE((__u16)0x10040, -0x1 + 5),
	},
};
