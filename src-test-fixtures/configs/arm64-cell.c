/* Fixture: an arm64 non-root cell with a two-word CPU set, colours and QoS devices. */
#include "fixture-common.h"

#ifdef JHSIM_MINERVASYS
#include <asm/qos-400.h>
#define NUM_QOS 2
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[2];
	struct jailhouse_memory mem_regions[6];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
	__u32 stream_ids[1];
#ifdef JHSIM_MINERVASYS
	struct jailhouse_qos_device qos_devices[NUM_QOS];
#endif
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		ARCHITECTURE(JAILHOUSE_ARM64)
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "fixture-inmate",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG | JAILHOUSE_CELL_TEST_DEVICE |
			REV13(JAILHOUSE_CELL_AARCH32 |)
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.num_stream_ids = ARRAY_SIZE(config.stream_ids),
		MINERVA(.num_qos_devices = NUM_QOS,)

		.vpci_irq_base = 123 - 32,
		.cpu_reset_address = 0,
		.msg_reply_timeout = 0,

		.console = {
			.address = 0xfe660000,
			.size = 0x100,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4 |
				 JAILHOUSE_CON_MDR_QUIRK,
		},
	},

	.cpus = {
		0x0,
		0x1ULL << 63 | 0x3,
	},

	.mem_regions = {
		/* ivshmem state table */ {
			.phys_start = 0x7faf0000,
			.virt_start = 0x7faf0000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* UART */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM, coloured in the MinervaSys layout */ {
			.phys_start = 0x7fa00000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE
				MINERVA(| JAILHOUSE_MEM_COLORED),
			MINERVA(.colors = 0x0ff0,)
		},
		/* more RAM */ {
			.phys_start = 0x7fa10000,
			.virt_start = 0x00010000,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE
				MINERVA(| JAILHOUSE_MEM_COLORED |
					JAILHOUSE_MEM_COLORED_NO_COPY),
			MINERVA(.colors = 0xf000,)
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		/* zero-sized placeholder */ { 0 },
	},

	.irqchips = {
		/* GIC */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				1 << (33 - 32),
				0,
				(1 << (123 - 96)) | (1 << (124 - 96)),
				1 << (130 - 128),
			},
		},
	},

	.pci_devices = {
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 0,
			.shmem_dev_id = 2,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK + VIRTIO_DEV_CONSOLE,
		},
	},

	.stream_ids = {
		0x860,
	},

#ifdef JHSIM_MINERVASYS
	.qos_devices = {
		{
			.name = "rpu0",
			.flags = (FLAGS_HAS_REGUL | FLAGS_HAS_DYNQOS),
			.base = 0x42100,
		},
		{
			.name = "fpd-dma-12345",
			.flags = (FLAGS_HAS_RWQOS),
			.base = 0x43100,
		},
	},
#endif
};
