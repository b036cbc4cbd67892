/*
 * smp: two CPUs (7 and 8) for the smp test inmate. Jailhouse starts CPU 7
 * at address 0; the inmate starts CPU 8 with PSCI CPU_ON. 1 MiB of RAM,
 * the shared PL011.
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
		.name = "smp",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = CELL_CONSOLE,
	},

	.cpus = {
		(1 << 7) | (1 << 8),
	},

	.mem_regions = {
		CELL_RAM_REGION(6),
		CELL_UART_REGION,
		CELL_COMM_REGION,
	},
};
