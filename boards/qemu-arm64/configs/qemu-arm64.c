/*
 * qemu-arm64: the system configuration (root cell "qemu-arm64") of QEMU's
 * virt machine with GICv3, 16 CPUs and 1 GiB of RAM.
 *
 * The root cell gets all RAM below the hypervisor and the ivshmem demo
 * memory, the board's devices, and SPIs 32-159. A virtual PCI host at
 * 0x08e00000 (inside the GIC's redistributor window, of which 16 CPUs use
 * only the first 2 MiB, so nothing else answers there) carries the ivshmem
 * demo link, whose peer 0 is the root cell.
 */
#include "qemu-arm64.h"

#define IO_REGION(base, length) {					\
		.phys_start = (base),					\
		.virt_start = (base),					\
		.size = (length),					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_IO,				\
	}

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[15];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.architecture = JAILHOUSE_ARM64,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = QEMU_ARM64_HYPERVISOR,
			.size = QEMU_ARM64_HYPERVISOR_SIZE,
		},
		.debug_console = {
			.address = QEMU_ARM64_UART,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.pci_mmconfig_base = 0x08e00000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			/* domain 0 is the physical PCIe host */
			.pci_domain = 1,
			.arm = {
				.gic_version = 3,
				.gicd_base = QEMU_ARM64_GICD,
				.gicr_base = QEMU_ARM64_GICR,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "qemu-arm64",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.vpci_irq_base = ROOT_VPCI_IRQ_BASE,
		},
	},

	.cpus = {
		0xffff,
	},

	.mem_regions = {
		/* 0-4: ivshmem demo link, peer 0 */
		IVSHMEM_DEMO_REGIONS(0, 0),
		/* 5: RAM, up to the ivshmem demo memory */ {
			.phys_start = QEMU_ARM64_RAM_START,
			.virt_start = QEMU_ARM64_RAM_START,
			.size = IVSHMEM_DEMO_SHMEM - QEMU_ARM64_RAM_START,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* 6-9: UART, RTC, firmware configuration, GPIO */
		IO_REGION(QEMU_ARM64_UART, 0x1000),
		IO_REGION(0x09010000, 0x1000),
		IO_REGION(0x09020000, 0x1000),
		IO_REGION(0x09030000, 0x1000),
		/* 10: 32 virtio-mmio transports */
		IO_REGION(0x0a000000, 0x4000),
		/*
		 * 11-14: PCIe host: 32-bit MMIO, I/O ports, ECAM (low and
		 * high). The 64-bit window at 0x8000000000 is left out:
		 * no device sits behind this host.
		 */
		IO_REGION(0x10000000, 0x2eff0000),
		IO_REGION(0x3eff0000, 0x10000),
		IO_REGION(0x3f000000, 0x1000000),
		IO_REGION(0x4010000000, 0x10000000),
	},

	.irqchips = {
		GIC_IRQCHIP(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff),
	},

	.pci_devices = {
		IVSHMEM_DEMO_DEVICE(0, 0),
	},
};
