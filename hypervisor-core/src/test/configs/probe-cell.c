/*
 * A cell for testing the hypervisor's checks and messages, built from the
 * qemu-arm64 building blocks with -D options:
 *   PROBE_NAME, PROBE_FLAGS, PROBE_CPUS, PROBE_RAM (RAM slot, see CELL_RAM),
 *   PROBE_TIMEOUT (msg_reply_timeout), PROBE_COMM_SIZE,
 *   PROBE_EXTRA_PHYS, PROBE_EXTRA_VIRT, PROBE_EXTRA_SIZE, PROBE_EXTRA_FLAGS
 *     (one more memory region; size 0: none that matters),
 *   PROBE_IRQS (the fourth word of the pin bitmap: interrupts 128..159).
 */
#include "qemu-arm64.h"

#ifndef PROBE_NAME
#define PROBE_NAME		"probe"
#endif
#ifndef PROBE_FLAGS
#define PROBE_FLAGS		JAILHOUSE_CELL_PASSIVE_COMMREG
#endif
#ifndef PROBE_CPUS
#define PROBE_CPUS		(1 << 9)
#endif
#ifndef PROBE_RAM
#define PROBE_RAM		8
#endif
#ifndef PROBE_TIMEOUT
#define PROBE_TIMEOUT		0
#endif
#ifndef PROBE_COMM_SIZE
#define PROBE_COMM_SIZE		0x1000
#endif
#ifndef PROBE_EXTRA_SIZE
#define PROBE_EXTRA_PHYS	CELL_RAM(PROBE_RAM + 1)
#define PROBE_EXTRA_VIRT	0x00200000
#define PROBE_EXTRA_SIZE	0x1000
#define PROBE_EXTRA_FLAGS	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE)
#endif
#ifndef PROBE_IRQS
#define PROBE_IRQS		0
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = PROBE_NAME,
		.flags = PROBE_FLAGS,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.msg_reply_timeout = PROBE_TIMEOUT,
		.console = CELL_CONSOLE,
	},

	.cpus = {
		PROBE_CPUS,
	},

	.mem_regions = {
		CELL_RAM_REGION(PROBE_RAM),
		CELL_UART_REGION,
		{
			.virt_start = 0x80000000,
			.size = PROBE_COMM_SIZE,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		{
			.phys_start = PROBE_EXTRA_PHYS,
			.virt_start = PROBE_EXTRA_VIRT,
			.size = PROBE_EXTRA_SIZE,
			.flags = PROBE_EXTRA_FLAGS,
		},
	},

	.irqchips = {
		GIC_IRQCHIP(0, 0, 0, PROBE_IRQS),
	},
};
