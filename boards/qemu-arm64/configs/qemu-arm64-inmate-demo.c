/*
 * inmate-demo: one CPU (1) and 1 MiB of RAM for gic-demo, uart-demo or an
 * inmate of your own, printing on the shared PL011. Its communication
 * region is passive: the demos never answer messages, so the hypervisor
 * does not ask before shutting the cell down.
 */
#include "qemu-arm64.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "inmate-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.console = CELL_CONSOLE,
	},

	.cpus = {
		1 << 1,
	},

	.mem_regions = {
		CELL_RAM_REGION(0),
		CELL_UART_REGION,
		CELL_COMM_REGION,
	},

	.irqchips = {
		/* the UART's line 33, for inmates that read the console */
		GIC_IRQCHIP(1 << (33 - 32), 0, 0, 0),
	},
};
