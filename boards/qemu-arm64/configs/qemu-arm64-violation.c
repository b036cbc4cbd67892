/*
 * violation: for the violation test inmate, which writes outside its cell
 * (by default to 0x40000000, root cell RAM that this cell does not map).
 * One CPU (4), 1 MiB of RAM, the shared PL011.
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
		.name = "violation",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = CELL_CONSOLE,
	},

	.cpus = {
		1 << 4,
	},

	.mem_regions = {
		CELL_RAM_REGION(3),
		CELL_UART_REGION,
		CELL_COMM_REGION,
	},
};
