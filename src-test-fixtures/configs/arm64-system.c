/* Fixture: an arm64 system configuration using every structure it can hold. */
#include "fixture-common.h"

/* IOMMU units every revision has: outside the ARM part from revision 13 on, inside it in v12. */
#define SMMU_AND_PVU_UNITS				\
	{						\
		.type = JAILHOUSE_IOMMU_SMMUV3,		\
		.base = 0x09050000,			\
		.size = 0x20000,			\
	},						\
	{						\
		.type = JAILHOUSE_IOMMU_PVU,		\
		.base = 0x30f80000,			\
		.size = 0x1000,				\
		.tipvu = {				\
			.tlb_base = 0x36000000,		\
			.tlb_size = 0x40000,		\
		},					\
	},


struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[10];
	struct jailhouse_cache cache_regions[1];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[3];
	struct jailhouse_pci_capability pci_caps[3];
	__u32 stream_ids[3];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_ARM64)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x7fc00000,
			.size = 0x00400000,
			MINERVA(.colors = 0xf0,)
		},
		.debug_console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4 |
				 JAILHOUSE_CON_INVERTED_GATE,
			.divider = 0x1b,
			.gate_nr = 7,
			.clock_reg = 0xff760000,
		},
		.platform_info = {
			.pci_mmconfig_base = 0x08e00000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			MINERVA(.no_spectre_mitigation = 1,)
			IOMMU_UNITS_OUTSIDE(
				SMMU_AND_PVU_UNITS
				{
					.type = REV13(JAILHOUSE_IOMMU_ARM_MMU500) + 0,
					.base = 0xfd800000,
					.size = 0x20000,
				},
			)
			MINERVA(
			.color = {
				.way_size = 0x10000,
				.root_map_offset = 0x0c000000000,
			},
			.memguard = {
				.num_irqs = 224,
				.hv_timer = 26,
				.irq_prio_min = 0xf0,
				.irq_prio_max = 0x00,
				.irq_prio_step = 0x10,
				.irq_prio_threshold = 0x10,
				.num_pmu_irq = 4,
				.pmu_cpu_irq = { 175, 176, 177, 178 },
			},
			.qos = {
				.nic_base = 0xfd700000,
				.nic_size = 0x100000,
			},
			)
			.arm = {
				.gic_version = 3,
				.gicd_base = 0x08000000,
				.gicr_base = 0x080a0000,
				.maintenance_irq = 25,
				IOMMU_UNITS_INSIDE(SMMU_AND_PVU_UNITS)
			},
		},
		.root_cell = {
			.name = "fixture-arm64",
			.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_cache_regions = ARRAY_SIZE(config.cache_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_pci_caps = ARRAY_SIZE(config.pci_caps),
			.num_stream_ids = ARRAY_SIZE(config.stream_ids),
			.vpci_irq_base = 128 - 32,
			.cpu_reset_address = 0x40080000,
			.msg_reply_timeout = 100,
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* ivshmem state table, read-only */ {
			.phys_start = 0x7faf0000,
			.virt_start = 0x7faf0000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem output sections */ {
			.phys_start = 0x7faf1000,
			.virt_start = 0x7faf1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		JAILHOUSE_SHMEM_NET_REGIONS(0x7fb00000, 0),
		/* UART, byte-wide sub-page access */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x100,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_8 |
				JAILHOUSE_MEM_IO_16 | JAILHOUSE_MEM_IO_32 |
				JAILHOUSE_MEM_IO_64 | JAILHOUSE_MEM_IO_UNALIGNED,
		},
		/* DMA-capable RAM without huge pages */ {
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x3fa00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_NO_HUGEPAGES,
		},
		/* high PCI ECAM */ {
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
			MINERVA(.colors = 0,)
		},
	},

	.cache_regions = {
		{
			.start = 0,
			.size = 8,
			.type = JAILHOUSE_CACHE_L3,
			.flags = JAILHOUSE_CACHE_ROOTSHARED,
		},
	},

	.irqchips = {
		/* GIC */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		/* GIC, second bank */ {
			.address = 0x08000000,
			.id = 1,
			.pin_base = 160,
			.pin_bitmap = {
				0x0000ffff, 0, 0, 0x80000000,
			},
		},
	},

	.pci_devices = {
		/* ivshmem 0001:00:00.0 */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 0,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* ivshmem 0001:00:01.0, networking */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 2,
			.shmem_regions_start = 2,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
		/* a physical device with MSI, behind the SMMU */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.iommu = 0,
			.domain = 0,
			.bdf = (1 << 8) | (2 << 3) | 1,
			.bar_mask = { 0xffffc000, 0xffffffff, 0, 0, 0, 0 },
			.caps_start = 0,
			.num_caps = 3,
			.num_msi_vectors = 8,
			.msi_64bits = 1,
			.msi_maskable = 1,
			.num_msix_vectors = 0,
		},
	},

	.pci_caps = {
		{
			.id = PCI_CAP_ID_PM,
			.start = 0x40,
			.len = 8,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{
			.id = PCI_CAP_ID_MSI,
			.start = 0x50,
			.len = 24,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{
			.id = PCI_EXT_CAP_ID_ERR | JAILHOUSE_PCI_EXT_CAP,
			.start = 0x100,
			.len = 4,
			.flags = 0,
		},
	},

	.stream_ids = {
		0x800, 0x801, 0x7c0f0000 | 0x0c10,
	},
};
