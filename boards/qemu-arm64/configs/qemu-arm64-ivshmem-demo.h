/*
 * The configuration of an ivshmem-demo cell: peer IVSHMEM_DEMO_PEER (1 or
 * 2, defined by the including file) of the ivshmem demo link (device
 * 00:00.0). It runs on CPU IVSHMEM_DEMO_PEER + 1 with 1 MiB of RAM and the
 * shared PL011; the device's INTx is line 135 + IVSHMEM_DEMO_PEER
 * (32 + vpci_irq_base, pin A).
 */
#include "qemu-arm64.h"

#define IVSHMEM_DEMO_STRING(x)	#x
#define IVSHMEM_DEMO_NAME(peer)	"ivshmem-demo-" IVSHMEM_DEMO_STRING(peer)
#define IVSHMEM_DEMO_LINE	(135 + IVSHMEM_DEMO_PEER)

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
		.name = IVSHMEM_DEMO_NAME(IVSHMEM_DEMO_PEER),
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = IVSHMEM_DEMO_LINE - 32,
		.console = CELL_CONSOLE,
	},

	.cpus = {
		1 << (IVSHMEM_DEMO_PEER + 1),
	},

	.mem_regions = {
		CELL_RAM_REGION(IVSHMEM_DEMO_PEER),
		CELL_UART_REGION,
		CELL_COMM_REGION,
		/* 3-7: the ivshmem demo link */
		IVSHMEM_DEMO_REGIONS(IVSHMEM_DEMO_PEER, JAILHOUSE_MEM_ROOTSHARED),
	},

	.irqchips = {
		GIC_IRQCHIP(0, 0, 0, LINE_128_159(IVSHMEM_DEMO_LINE)),
	},

	.pci_devices = {
		IVSHMEM_DEMO_DEVICE(IVSHMEM_DEMO_PEER, 3),
	},
};
