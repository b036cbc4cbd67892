/*
 * hypercalls: for the hypercalls test inmate. It may use the debug console
 * hypercall (JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED), so that call
 * succeeds while the management calls are refused. One CPU (6), 1 MiB of
 * RAM, the shared PL011.
 */
#include "qemu-arm64.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "hypercalls",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = CELL_CONSOLE,
	},

	.cpus = {
		1 << 6,
	},

	.mem_regions = {
		CELL_RAM_REGION(5),
		CELL_UART_REGION,
		CELL_COMM_REGION,
	},
};
