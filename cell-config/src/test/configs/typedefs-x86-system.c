/*
 * Differential source: the configuration's type given by a typedef, declared
 * extern before its const definition, local types with bit-fields, anonymous
 * members and attributes (measured with sizeof), prototypes, a static inline
 * function and static assertions, which produce no bytes.
 */
#include "fixture-common.h"

typedef unsigned long long addr_t;
typedef __u32 word_t, *word_ptr_t;
typedef word_t words_t[4];

struct __attribute__((packed)) local_bits {
	unsigned int low:3, :2, high:5;
	unsigned char :0;
	__u8 tail:1;
};

struct local_padded {
	char c;
	union {
		__u16 half;
		struct { __u8 lo, hi; };
	};
	addr_t wide __attribute__((aligned(16)));
	int bits:12;
};

enum { LOCAL_BITS = sizeof(struct local_bits), LOCAL_PADDED = sizeof(struct local_padded) };

_Static_assert(sizeof(struct jailhouse_memory) % 8 == 0, "regions are multiples of 8 bytes");

int unused_prototype(int x, const char *y);
static inline int unused_helper(int x) { return x * 2 + (x > 1 ? unused_helper(x - 1) : 0); }

/* The one IOMMU, wherever the layout keeps IOMMU units. */
#define AMD_IOMMU					\
	{						\
		.type = JAILHOUSE_IOMMU_AMD,		\
		.base = 0xfeb80000,			\
		.size = 0x80000,			\
		.amd.bdf = 0x02,			\
		.amd.base_cap = 0x40,			\
		.amd.msi_cap = 0x54,			\
		.amd.features = 0x80048824,		\
	}

typedef struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[2];
	struct jailhouse_pci_capability pci_caps[3];
} __attribute__((packed)) system_config_t;

extern const system_config_t config;

static words_t pin_words __attribute__((unused));

const system_config_t config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_X86)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.hypervisor_memory = {
			.phys_start = (addr_t)0x3a000000,
			.size = 0x600000,
		},
		.debug_console = {
			.address = 0x3f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO,
		},
		.platform_info = {
			.pci_mmconfig_base = 0xe0000000,
			.pci_mmconfig_end_bus = 0xff,
			IOMMU_UNITS_OUTSIDE(AMD_IOMMU)
			.x86 = {
				.pm_timer_address = 0x808,
				.apic_mode = JAILHOUSE_APIC_MODE_AUTO,
				.tsc_khz = LOCAL_BITS * 1000000 + LOCAL_PADDED,
				.apic_khz = sizeof(words_t) + sizeof(word_ptr_t),
				IOMMU_UNITS_INSIDE(AMD_IOMMU)
			},
		},
		.root_cell = {
			.name = "typedefs",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
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
		{
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0x3a000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		{
			.phys_start = 0xfed40000,
			.virt_start = 0xfed40000,
			.size = 0x5000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_8 | JAILHOUSE_MEM_IO_32,
		},
		{
			.phys_start = 0x3f000000,
			.virt_start = 0x3f000000,
			.size = 0x100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
	},

	.irqchips = {
		{
			.address = 0xfec00000,
			.id = 0xa0,
			.pin_bitmap = { 0xffffff },
		},
		{
			.address = 0xfec01000,
			.id = 0xa1,
			.pin_base = 24,
			.pin_bitmap = { 0x00ff00, 0, 0, 0x1 },
		},
	},

	.pio_regions = {
		PIO_RANGE(0x60, 1),
		PIO_RANGE(0x64, 1),
	},

	.pci_devices = {
		{
			.type = JAILHOUSE_PCI_TYPE_BRIDGE,
			.iommu = 0,
			.bdf = (0 << 8) | (0x1c << 3),
			.caps_start = 0,
			.num_caps = 2,
		},
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.iommu = 0,
			.bdf = (2 << 8) | (0 << 3),
			.bar_mask = { 0xfff00000, 0xffffffff, 0, 0, 0, 0 },
			.caps_start = 2,
			.num_caps = 1,
			.num_msix_vectors = 8,
			.msix_region_size = 0x1000,
			.msix_address = 0xfeb00000,
		},
	},

	.pci_caps = {
		{ .id = PCI_CAP_ID_EXP, .start = 0x40, .len = 60, .flags = JAILHOUSE_PCICAPS_WRITE },
		{ .id = PCI_CAP_ID_SSVID, .start = 0x80, .len = 8 },
		{ .id = PCI_CAP_ID_MSIX, .start = 0xb0, .len = 12, .flags = JAILHOUSE_PCICAPS_WRITE },
	},
};
