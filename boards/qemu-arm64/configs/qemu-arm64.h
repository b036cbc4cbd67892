/*
 * Building blocks of the qemu-arm64 configurations: the memory plan and
 * the regions every demo and test cell has. See docs/boards.md for the
 * layout table.
 *
 * RAM is 0x40000000-0x7fffffff. The hypervisor takes the top 4 MiB; below
 * it lies the shared memory of the ivshmem demo link, and further down one
 * MiB of RAM for each non-root cell, carved out of the root cell's RAM.
 * The hypervisor memory, the virtual PCI host and the ivshmem demo link sit
 * where upstream Jailhouse's qemu-arm64 configurations have them, so that
 * upstream's cells run on this system configuration and these cells on
 * upstream's.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define QEMU_ARM64_UART			0x09000000
#define QEMU_ARM64_GICD			0x08000000
#define QEMU_ARM64_GICR			0x080a0000

#define QEMU_ARM64_RAM_START		0x40000000
#define QEMU_ARM64_HYPERVISOR		0x7fc00000
#define QEMU_ARM64_HYPERVISOR_SIZE	0x00400000
#define IVSHMEM_DEMO_SHMEM		0x7faf0000
#define CELL_RAM_SIZE			0x00100000
#define CELL_RAM(n)			(0x7f000000 + (n) * CELL_RAM_SIZE)

/* The root cell's INTx lines: 32 + vpci_irq_base + device number (pin A, B...) */
#define ROOT_VPCI_IRQ_BASE		(128 - 32)

/* A non-root cell's RAM: one MiB at cell address 0, where Jailhouse starts it. */
#define CELL_RAM_REGION(n) {						\
		.phys_start = CELL_RAM(n),				\
		.virt_start = 0,					\
		.size = CELL_RAM_SIZE,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,	\
	}

/* The PL011 every cell prints to, shared with the root cell. */
#define CELL_UART_REGION {						\
		.phys_start = QEMU_ARM64_UART,				\
		.virt_start = QEMU_ARM64_UART,				\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,	\
	}

/* The communication region at 0x80000000, where inmates look for it. */
#define CELL_COMM_REGION {						\
		.virt_start = 0x80000000,				\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |	\
			JAILHOUSE_MEM_COMM_REGION,			\
	}

#define CELL_CONSOLE {							\
		.address = QEMU_ARM64_UART,				\
		.type = JAILHOUSE_CON_TYPE_PL011,			\
		.flags = JAILHOUSE_CON_ACCESS_MMIO |			\
			JAILHOUSE_CON_REGDIST_4,			\
	}

#define IVSHMEM_DEMO_REGION(offset, length, access) {			\
		.phys_start = IVSHMEM_DEMO_SHMEM + (offset),		\
		.virt_start = IVSHMEM_DEMO_SHMEM + (offset),		\
		.size = (length),					\
		.flags = (access),					\
	}

/*
 * The ivshmem demo link (device 00:00.0, peers 0 = root cell, 1 and 2 =
 * the ivshmem-demo cells): a 4 KiB state table, a 36 KiB R/W section, then
 * one 8 KiB output section per peer, of which each peer may write only its
 * own. Non-root peers pass JAILHOUSE_MEM_ROOTSHARED as shared, the root 0.
 */
#define IVSHMEM_DEMO_OUTPUT(peer, self, shared)				\
	IVSHMEM_DEMO_REGION(0xa000 + (peer) * 0x2000, 0x2000,		\
		JAILHOUSE_MEM_READ | (shared) |				\
		((peer) == (self) ? JAILHOUSE_MEM_WRITE : 0))

#define IVSHMEM_DEMO_REGIONS(self, shared)				\
	IVSHMEM_DEMO_REGION(0x0000, 0x1000, JAILHOUSE_MEM_READ | (shared)), \
	IVSHMEM_DEMO_REGION(0x1000, 0x9000,				\
		JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | (shared)),	\
	IVSHMEM_DEMO_OUTPUT(0, self, shared),				\
	IVSHMEM_DEMO_OUTPUT(1, self, shared),				\
	IVSHMEM_DEMO_OUTPUT(2, self, shared)

#define IVSHMEM_DEMO_DEVICE(self, first_region) {			\
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,			\
		.domain = 1,						\
		.bdf = 0 << 3,						\
		.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,		\
		.shmem_regions_start = (first_region),			\
		.shmem_dev_id = (self),					\
		.shmem_peers = 3,					\
		.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,	\
	}

#define GIC_IRQCHIP(bitmap...) {					\
		.address = QEMU_ARM64_GICD,				\
		.pin_base = 32,						\
		.pin_bitmap = { bitmap },				\
	}

/* Lines 128-159 are the fourth word of a pin_base 32 bitmap. */
#define LINE_128_159(line)	(1U << ((line) - 128))
