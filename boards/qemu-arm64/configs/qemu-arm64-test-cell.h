/*
 * The configuration of a test cell: RAM, the shared PL011 and the
 * communication region, nothing else. The including file defines
 * TEST_CELL_NAME, TEST_CELL_FLAGS, TEST_CELL_CPUS and TEST_CELL_RAM (the
 * index of its RAM slot, see CELL_RAM in qemu-arm64.h).
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
		.name = TEST_CELL_NAME,
		.flags = TEST_CELL_FLAGS,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.console = CELL_CONSOLE,
	},

	.cpus = {
		TEST_CELL_CPUS,
	},

	.mem_regions = {
		CELL_RAM_REGION(TEST_CELL_RAM),
		CELL_UART_REGION,
		CELL_COMM_REGION,
	},
};
