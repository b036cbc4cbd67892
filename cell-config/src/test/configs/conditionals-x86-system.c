/*
 * Differential source: nested conditionals, defined, #if arithmetic with
 * intmax_t/uintmax_t rules, #undef and redefinition, and skipped groups
 * holding text that would not compile.
 */
#include "fixture-common.h"

#define NUM_CPUS	4
#define WITH_PIO
#define HAS_VTD		1

#if !defined(NUM_CPUS) || NUM_CPUS < 1
#error "need CPUs"
#elif NUM_CPUS > 64
#error "too many CPUs"
#else
#define CPU_MASK	((1ULL << NUM_CPUS) - 1)
#endif

/* In #if, -1 converts to uintmax_t when compared with an unsigned value. */
#if -1 > 0u
#define SIGNEDNESS	1
#else
#define SIGNEDNESS	2
#endif

#if (0x7fffffffffffffff + 0 > 0) && ('A' == 65) && (10 / 3 == 3) && (-7 % 3 == -1) && (1 ? 2 : 3) == 2
#define ARITHMETIC_OK	0x10
#else
#define ARITHMETIC_OK	0x20
#endif

#if defined UNDEFINED_THING || undefined_identifiers_are_zero
#define REGIONS		5
#elif HAS_VTD && defined(WITH_PIO)
#define REGIONS		4
#endif

#if 0
This text is skipped: it's not C, has an unterminated ' quote
#error not reached
#include <no/such/header.h>
#else
#ifdef NEVER
#error nested groups are skipped too
#endif
#endif

#undef HAS_VTD
#ifndef HAS_VTD
#define HAS_VTD		0
#endif

#ifdef WITH_PIO
# define NUM_PIO	2
#else
# define NUM_PIO	1
#endif

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[REGIONS];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[NUM_PIO];
	struct jailhouse_pci_device pci_devices[1];
	struct jailhouse_pci_capability pci_caps[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_X86)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = SIGNEDNESS,
		.hypervisor_memory = {
			.phys_start = 0x3a000000,
			.size = 0x600000,
		},
		.debug_console = {
			.address = 0x3f8,
			.type = JAILHOUSE_CON_TYPE_8250,
#if JAILHOUSE_CONFIG_REVISION >= 13
			.flags = JAILHOUSE_CON_ACCESS_PIO | JAILHOUSE_CON_REGDIST_1,
#else
			.flags = JAILHOUSE_CON_ACCESS_PIO,
#endif
		},
		.platform_info = {
			.pci_mmconfig_base = 0xb0000000,
			.pci_mmconfig_end_bus = ARITHMETIC_OK,
			IOMMU_UNITS_OUTSIDE(
				{
					.type = JAILHOUSE_IOMMU_INTEL,
					.base = 0xfed90000,
					.size = 0x1000,
				},
			)
			.x86 = {
				.pm_timer_address = 0x608,
#if HAS_VTD
				.vtd_interrupt_limit = 512,
#else
				.vtd_interrupt_limit = 256,
#endif
				.apic_mode = JAILHOUSE_APIC_MODE_XAPIC,
				.tsc_khz = 2592000,
				.apic_khz = 1000000,
			},
		},
		.root_cell = {
			.name = "conditionals",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pio_regions = ARRAY_SIZE(config.pio_regions),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_pci_caps = ARRAY_SIZE(config.pci_caps),
		},
	},

	.cpus = {
		CPU_MASK,
	},

	.mem_regions = {
		{
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0xa0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		{
			.phys_start = 0x100000,
			.virt_start = 0x100000,
			.size = 0x39f00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
#if REGIONS > 2
		{
			.phys_start = 0xfed00000,
			.virt_start = 0xfed00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
#endif
#if REGIONS > 3
		{
			.phys_start = 0xfebf0000,
			.virt_start = 0xfebf0000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
#endif
	},

	.irqchips = {
		{
			.address = 0xfec00000,
			.id = 0xff00,
			.pin_bitmap = {
#if NUM_CPUS == 4 && SIGNEDNESS == 1
				0xffffff, 0, 0, 0,
#else
				0x1, 0, 0, 0,
#endif
			},
		},
	},

	.pio_regions = {
		PIO_RANGE(0x3f8, 8),
#ifdef WITH_PIO
		PIO_RANGE(0x40, 4),
#endif
	},

	.pci_devices = {
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.bdf = (0x1f << 3) | 2,
			.caps_start = 0,
			.num_caps = 2,
		},
	},

	.pci_caps = {
		{
			.id = PCI_CAP_ID_PM,
			.start = 0x70,
			.len = 8,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{
			.id = PCI_EXT_CAP_ID_ERR | JAILHOUSE_PCI_EXT_CAP,
			.start = 0x100,
			.len = 4,
		},
	},
};
