/*
 * Differential source: brace elision, positional initialisers, array index
 * designators and ranges, positional elements after designators, nested
 * designators, overriding initialisers and switching union members.
 */
#include "fixture-common.h"

struct {
	struct jailhouse_system header;
	__u64 cpus[2];
	struct jailhouse_memory mem_regions[6];
	struct jailhouse_irqchip irqchips[3];
	struct jailhouse_pci_device pci_devices[2];
	struct jailhouse_pci_capability pci_caps[4];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_ARM64)
		.revision = JAILHOUSE_CONFIG_REVISION,
		/* nested designators */
		.hypervisor_memory.phys_start = 0x7fc00000,
		.hypervisor_memory.size = 0x00400000,
		.debug_console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO,
		},
		/* a later initialiser overrides an earlier one */
		.debug_console.size = 0x2000,
		.platform_info = {
			.pci_mmconfig_base = 0x08e00000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			IOMMU_UNITS_OUTSIDE(
				[2] = {
					.type = JAILHOUSE_IOMMU_PVU,
					.base = 0x30f80000,
					.size = 0x1000,
					/* the tipvu member replaces the amd one */
					.amd.bdf = 0x1234,
					.tipvu.tlb_base = 0x36000000,
					.tipvu.tlb_size = 0x40000,
				},
				/* positional after a designator: unit 3, braces elided */
				JAILHOUSE_IOMMU_SMMUV3, 0x09050000, 0x20000,
			)
			.arm = {
				/* positional, then a designator, then positional again */
				25, 3,
				.gicd_base = 0x08000000,
				0x08010000, 0x08030000,
			},
			.arm.gicr_base = 0x080a0000,
		},
		.root_cell = {
			.name = { "elision" },
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_pci_caps = ARRAY_SIZE(config.pci_caps),
			.vpci_irq_base = 96,
		},
	},

	/* braces elided for a whole array */
	.cpus = { [1] = 0x3, [0] = 0xc },

	.mem_regions = {
		/* regions written positionally, braces elided */
		0x40000000, 0x40000000, 0x3fa00000,
			JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_EXECUTE,
		MINERVA(0,)
		{ 0x09000000, 0x09000000, 0x1000, JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO },
		[4] = {
			.virt_start = 0x80000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_COMM_REGION,
		},
		/* overrides region 4 entirely: a braced list resets its subobject */
		[4] = { .phys_start = 0x7fb00000, .virt_start = 0x7fb00000, .size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE },
		/* region 5: only its size, then its flags positionally */
		[5].size = 0x2000, JAILHOUSE_MEM_READ,
		[2] = { 0 },
		[3] = { 0x10000000, 0x10000000, 0x1000, JAILHOUSE_MEM_READ },
	},

	.irqchips = {
		[0 ... 2] = {
			.address = 0x08000000,
			.pin_base = 32,
		},
		[1].pin_base = 160,
		[1].pin_bitmap = { [3] = 0x80000000, [0 ... 1] = 0xf0f0f0f0 },
		[2].pin_base = 288,
		[2].pin_bitmap[2] = 1, 2,
	},

	.pci_devices = {
		{
			JAILHOUSE_PCI_TYPE_IVSHMEM, 0, 1, 0 << 3,
			JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 2,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = 0x10,
			.bar_mask = { 0xffffc000, [3] = 0xfffff000, 0xffffffff },
			.caps_start = 0,
			.num_caps = 4,
			.num_msi_vectors = 2, 1, 1,
			.msix_address = 0,
		},
	},

	.pci_caps = {
		PCI_CAP_ID_PM, 0x40, 8, JAILHOUSE_PCICAPS_WRITE,
		{ PCI_CAP_ID_MSI, 0x50, 14, JAILHOUSE_PCICAPS_WRITE },
		[3] = { .id = PCI_EXT_CAP_ID_ERR | JAILHOUSE_PCI_EXT_CAP, .start = 0x100, 4 },
		[2] = { PCI_CAP_ID_EXP, 0x70, 60, },
	},
};
