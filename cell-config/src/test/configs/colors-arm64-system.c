/*
 * Differential source: a MinervaSys-style system configuration with coloured
 * memory regions, colouring, MemGuard and QoS blocks and QoS devices; in the
 * other layouts the same source builds without them. Stream IDs are the
 * MMU-500 union from revision 13 on.
 */
#include "fixture-common.h"

#ifdef JHSIM_MINERVASYS
#include <asm/qos-400.h>
#define COLORED(c)	JAILHOUSE_MEM_COLORED, .colors = (c)
#define NUM_QOS		3
#else
#define COLORED(c)	0
#endif

#define WAY_SIZE	0x10000
#define ALL_COLORS	((1ULL << (WAY_SIZE / 0x1000)) - 1)

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_irqchip irqchips[1];
#if JAILHOUSE_CONFIG_REVISION >= 13
	union jailhouse_stream_id stream_ids[3];
#else
	__u32 stream_ids[3];
#endif
#ifdef JHSIM_MINERVASYS
	struct jailhouse_qos_device qos_devices[NUM_QOS];
#endif
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_ARM64)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.hypervisor_memory = {
			.phys_start = 0x7fc00000,
			.size = 0x00400000,
		},
		.debug_console = {
			.address = 0xff000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_XUARTPS,
			.flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.pci_mmconfig_base = 0xfc000000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = -1 & 0xffff,
			MINERVA(
			.no_spectre_mitigation = 0,
			.color = {
				.way_size = WAY_SIZE,
				.root_map_offset = 0x0C000000000,
			},
			.memguard = {
				.num_irqs = 192,
				.hv_timer = 26,
				.irq_prio_min = 0xf0,
				.irq_prio_max = 0x00,
				.irq_prio_step = 0x10,
				.irq_prio_threshold = 0x10,
				.num_pmu_irq = 4,
				.pmu_cpu_irq = { 175, 176, 177, 178, [7] = 1 },
			},
			.qos = {
				.nic_base = 0xfd700000,
				.nic_size = 0x100000,
			},
			)
			.arm = {
				.gic_version = 2,
				.gicd_base = 0xf9010000,
				.gicc_base = 0xf902f000,
				.gich_base = 0xf9040000,
				.gicv_base = 0xf906f000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "colors",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_stream_ids = ARRAY_SIZE(config.stream_ids),
			MINERVA(.num_qos_devices = ARRAY_SIZE(config.qos_devices),)
			.vpci_irq_base = 136 - 32,
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		{
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0x7fc00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		{
			.phys_start = 0x800000000,
			.virt_start = 0x800000000,
			.size = 0x80000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				COLORED(ALL_COLORS & ~0xfULL),
		},
		{
			.phys_start = 0x880000000,
			.virt_start = 0x880000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | COLORED(0xf),
		},
		{
			.phys_start = 0xfd000000,
			.virt_start = 0xfd000000,
			.size = 0x03000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		{
			.address = 0xf9010000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.stream_ids = {
#if JAILHOUSE_CONFIG_REVISION >= 13
		{ .mmu500.id = 0x860, .mmu500.mask_out = 0x7f00 },
		{ 0x870 },
		{ .mmu500 = { 0x871, 0xff } },
#else
		0x860, 0x870, 0x871,
#endif
	},

#ifdef JHSIM_MINERVASYS
	.qos_devices = {
		{ "rpu0", FLAGS_HAS_REGUL | FLAGS_HAS_DYNQOS, 0x42100 },
		{ .name = "fpd-dma", .flags = FLAGS_HAS_RWQOS, .base = 0x43100 },
		{ .name = { 'a', 'f', 'i', 'f', 'm', '0' }, .base = 0x44100 },
	},
#endif
};
