/*
 * Differential source: local headers included with <...> through -I, by a
 * quoted name beside the including header, through a macro, twice with
 * #pragma once, plus header guards and __FILE__-independent content.
 */
#include "fixture-common.h"
#include <board/memmap.h>
#include "include/board/regions.h"

#define STRINGIFY(x)	#x
#define HEADER(name)	STRINGIFY(include/board/name.h)
#include HEADER(irq)

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_ARM64)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "includes",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,
		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = UART_IRQ + 64,
		.console = {
			.address = UART_BASE,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0x6,
	},

	.mem_regions = {
		RAM_REGION(0, 0x10000, JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE),
		RAM_REGION(0x10000, RAM_SIZE / 0x1000, JAILHOUSE_MEM_DMA),
		{
			.phys_start = UART_BASE,
			.virt_start = UART_BASE,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
		},
		{
			.virt_start = 0x80000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				[IRQ_WORD(UART_IRQ)] = IRQ_BIT(UART_IRQ),
				[IRQ_WORD(140)] = IRQ_BIT(140) | IRQ_BIT(141),
			},
		},
	},

	.pci_devices = {
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 2 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 16,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_CUSTOM,
		},
	},
};
