/*
 * shutdown-deny: for the shutdown-deny test inmate, which denies the first
 * shutdown request and approves the next. The communication region is
 * active (no JAILHOUSE_CELL_PASSIVE_COMMREG), so the hypervisor asks the
 * cell before shutting it down and tells it about reconfigurations.
 * One CPU (5), 1 MiB of RAM, the shared PL011.
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
		.name = "shutdown-deny",
		.flags = 0,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = CELL_CONSOLE,
	},

	.cpus = {
		1 << 5,
	},

	.mem_regions = {
		CELL_RAM_REGION(4),
		CELL_UART_REGION,
		CELL_COMM_REGION,
	},
};
