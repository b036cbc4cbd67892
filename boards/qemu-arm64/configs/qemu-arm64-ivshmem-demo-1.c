/*
 * ivshmem-demo-1: peer 1 of the ivshmem demo link (device 00:00.0), for
 * ivshmem-demo, which rings the doorbell of ivshmem-demo-2. One CPU (2),
 * 1 MiB of RAM, the shared PL011; the device's INTx is line
 * 136 (32 + vpci_irq_base, pin A).
 */
#include "qemu-arm64.h"

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[8];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.name = "ivshmem-demo-1",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = IVSHMEM_DEMO_1_VPCI_IRQ_BASE,
		.console = CELL_CONSOLE,
	},

	.cpus = {
		1 << 2,
	},

	.mem_regions = {
		CELL_RAM_REGION(1),
		CELL_UART_REGION,
		CELL_COMM_REGION,
		/* 3-7: the ivshmem demo link, peer 1 */
		IVSHMEM_DEMO_REGIONS(1, JAILHOUSE_MEM_ROOTSHARED),
	},

	.irqchips = {
		GIC_IRQCHIP(0, 0, 0, LINE_128_159(32 + IVSHMEM_DEMO_1_VPCI_IRQ_BASE)),
	},

	.pci_devices = {
		IVSHMEM_DEMO_DEVICE(1, 3),
	},
};
