/* Fixture: an x86 system configuration with IOMMUs, port I/O, caches and PCI. */
#include "fixture-common.h"

/* Outside the x86 part from revision 13 on, inside it in v12. */
#define FIXTURE_IOMMU_UNITS			\
	{					\
		.type = JAILHOUSE_IOMMU_INTEL,	\
		.base = 0xfed90000,		\
		.size = 0x1000,			\
	},					\
	{					\
		.type = JAILHOUSE_IOMMU_AMD,	\
		.base = 0xfeb80000,		\
		.size = 0x80000,		\
		.amd = {			\
			.bdf = 0x02,		\
			.base_cap = 0x40,	\
			.msi_cap = 0x54,	\
			.features = 0x80048824,	\
		},				\
	},

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_cache cache_regions[2];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[4];
	struct jailhouse_pci_device pci_devices[3];
	struct jailhouse_pci_capability pci_caps[4];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_X86)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = 0,
		.hypervisor_memory = {
			.phys_start = 0x3a000000,
			.size = 0x600000,
		},
		.debug_console = {
			.address = 0x3f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO | JAILHOUSE_CON_REGDIST_1,
		},
		.platform_info = {
			.pci_mmconfig_base = 0xb0000000,
			.pci_mmconfig_end_bus = 0xff,
			IOMMU_UNITS_OUTSIDE(FIXTURE_IOMMU_UNITS)
			.x86 = {
				.pm_timer_address = 0x608,
				.vtd_interrupt_limit = 256,
				.apic_mode = JAILHOUSE_APIC_MODE_X2APIC,
				.tsc_khz = 2592000,
				.apic_khz = 1000000,
				IOMMU_UNITS_INSIDE(FIXTURE_IOMMU_UNITS)
			},
			MINERVA(
			.color = { .way_size = 0 },
			.memguard = { .num_irqs = 0 },
			.qos = { .nic_base = 0 },
			)
		},
		.root_cell = {
			.name = "fixture-x86",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_cache_regions = ARRAY_SIZE(config.cache_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pio_regions = ARRAY_SIZE(config.pio_regions),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_pci_caps = ARRAY_SIZE(config.pci_caps),
		},
	},

	.cpus = {
		0xff,
	},

	.mem_regions = {
		/* RAM */ {
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0x3a000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM above the hypervisor */ {
			.phys_start = 0x3a600000,
			.virt_start = 0x3a600000,
			.size = 0x45a00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* IOAPIC-adjacent MMIO */ {
			.phys_start = 0xfed00000,
			.virt_start = 0xfed00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* framebuffer */ {
			.phys_start = 0xfd000000,
			.virt_start = 0xfd000000,
			.size = 0x1000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
	},

	.cache_regions = {
		{
			.start = 0,
			.size = 2,
			.type = JAILHOUSE_CACHE_L3_CODE,
			.flags = JAILHOUSE_CACHE_ROOTSHARED,
		},
		{
			.start = 2,
			.size = 4,
			.type = JAILHOUSE_CACHE_L3_DATA,
		},
	},

	.irqchips = {
		/* IOAPIC */ {
			.address = 0xfec00000,
			.id = 0x1f0f8,
			.pin_bitmap = {
				0xffffff
			},
		},
	},

	.pio_regions = {
		PIO_RANGE(0x20, 0x2),	/* PIC */
		PIO_RANGE(0x3f8, 0x8),	/* serial */
		PIO_RANGE(0x5658, 0x4),
		PIO_RANGE(0xcf8, 0x8),	/* PCI config */
	},

	.pci_devices = {
		/* host bridge */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.iommu = 1,
			.domain = 0x0000,
			.bdf = 0x0000,
			.caps_start = 0,
			.num_caps = 0,
		},
		/* PCIe root port */ {
			.type = JAILHOUSE_PCI_TYPE_BRIDGE,
			.iommu = 1,
			.bdf = 0x00e0,
			.caps_start = 0,
			.num_caps = 4,
			.num_msi_vectors = 1,
			.msi_64bits = 0,
			.msi_maskable = 1,
		},
		/* NIC with MSI-X */ {
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.iommu = 1,
			.bdf = 0x0200,
			.bar_mask = {
				0xfffe0000, 0x00000000, 0xffffffe0,
				0xffffc000, 0x00000000, 0x00000000,
			},
			.caps_start = 0,
			.num_caps = 4,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
			.num_msix_vectors = 5,
			.msix_region_size = 0x1000,
			.msix_address = 0xfebf0000,
		},
	},

	.pci_caps = {
		{
			.id = PCI_CAP_ID_PM,
			.start = 0xc8,
			.len = 8,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{
			.id = PCI_CAP_ID_MSI,
			.start = 0xd0,
			.len = 14,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{
			.id = PCI_CAP_ID_EXP,
			.start = 0xe0,
			.len = 20,
			.flags = 0,
		},
		{
			.id = PCI_EXT_CAP_ID_DSN | JAILHOUSE_PCI_EXT_CAP,
			.start = 0x140,
			.len = 12,
			.flags = 0,
		},
	},
};
