/*
 * jhsim: the Jailhouse system and cell configuration structures.
 *
 * One header for every layout jhsim supports. Select the layout with a define
 * (on the gcc or `jailhouse config compile` command line):
 *
 *   (nothing)               upstream revision 14 (current master)
 *   -DJHSIM_REVISION=13     revision 13 (master 2020-2023, most vendor trees)
 *   -DJHSIM_REVISION=12     revision 12 (the v0.12 release)
 *   -DJHSIM_MINERVASYS      the MinervaSys revision-14 variant: memory colours,
 *                           colouring/MemGuard/QoS blocks, QoS devices
 *
 * All structures are packed and little-endian, exactly as the hypervisor
 * reads them.
 */
#ifndef JHSIM_JAILHOUSE_CELL_CONFIG_H
#define JHSIM_JAILHOUSE_CELL_CONFIG_H

#include <jailhouse/console.h>
#include <jailhouse/pci_defs.h>

#ifndef JHSIM_REVISION
#define JHSIM_REVISION			14
#endif

#if JHSIM_REVISION != 12 && JHSIM_REVISION != 13 && JHSIM_REVISION != 14
#error "JHSIM_REVISION must be 12, 13 or 14"
#endif

#if defined(JHSIM_MINERVASYS) && JHSIM_REVISION != 14
#error "the MinervaSys layout is a revision-14 layout"
#endif

#ifdef JHSIM_MINERVASYS
#include <jailhouse/qos-common.h>
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) sizeof(a) / sizeof(a[0])
#endif

/* Architecture byte of revision-14 headers */
#define JAILHOUSE_X86			0
#define JAILHOUSE_ARM			1
#define JAILHOUSE_ARM64			2

#define JAILHOUSE_CONFIG_REVISION	JHSIM_REVISION

#define JAILHOUSE_CELL_NAME_MAXLEN	31

/* Cell flags */
#define JAILHOUSE_CELL_PASSIVE_COMMREG	0x00000001
#define JAILHOUSE_CELL_TEST_DEVICE	0x00000002
#define JAILHOUSE_CELL_AARCH32		0x00000004
/* The cell may use the debug-console hypercall ... */
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED	0x40000000
/* ... and should use it (implies PERMITTED). */
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE		0x80000000

#define CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(flags) \
	!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
#define CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(flags) \
	!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED)

/*
 * Header of both configuration kinds. Revision 14 shortened the signatures
 * to five characters to make room for the architecture byte.
 */
#if JHSIM_REVISION >= 14
#define JAILHOUSE_CELL_DESC_SIGNATURE	"JHCLL"
#define JAILHOUSE_SYSTEM_SIGNATURE	"JHSYS"
#define JHSIM_CONFIG_HEADER		\
	char signature[5];		\
	__u8 architecture;		\
	__u16 revision;
#else
#define JAILHOUSE_CELL_DESC_SIGNATURE	"JHCELL"
#define JAILHOUSE_SYSTEM_SIGNATURE	"JHSYST"
#define JHSIM_CONFIG_HEADER		\
	char signature[6];		\
	__u16 revision;
#endif

struct jailhouse_cell_desc {
	JHSIM_CONFIG_HEADER

	char name[JAILHOUSE_CELL_NAME_MAXLEN+1];
	__u32 id;		/* filled in by the driver */
	__u32 flags;

	/* Element counts of the arrays that follow the descriptor */
	__u32 cpu_set_size;	/* in bytes */
	__u32 num_memory_regions;
	__u32 num_cache_regions;
	__u32 num_irqchips;
	__u32 num_pio_regions;
	__u32 num_pci_devices;
	__u32 num_pci_caps;
	__u32 num_stream_ids;
#ifdef JHSIM_MINERVASYS
	__u32 num_qos_devices;
#endif

	__u32 vpci_irq_base;

	__u64 cpu_reset_address;
	__u64 msg_reply_timeout;

	struct jailhouse_console console;
} __attribute__((packed));

/* Memory region flags */
#define JAILHOUSE_MEM_READ		0x0001
#define JAILHOUSE_MEM_WRITE		0x0002
#define JAILHOUSE_MEM_EXECUTE		0x0004
#define JAILHOUSE_MEM_DMA		0x0008
#define JAILHOUSE_MEM_IO		0x0010
#define JAILHOUSE_MEM_COMM_REGION	0x0020
#define JAILHOUSE_MEM_LOADABLE		0x0040
#define JAILHOUSE_MEM_ROOTSHARED	0x0080
#define JAILHOUSE_MEM_NO_HUGEPAGES	0x0100
#ifdef JHSIM_MINERVASYS
#define JAILHOUSE_MEM_COLORED		0x0200
#define JAILHOUSE_MEM_COLORED_NO_COPY	0x0400
#define JAILHOUSE_MEM_TMP_ROOT_REMAP	0x0800	/* used by the hypervisor only */
#endif
#define JAILHOUSE_MEM_IO_UNALIGNED	0x8000
/* Permitted sub-page MMIO access widths, in bits 16..19 */
#define JAILHOUSE_MEM_IO_WIDTH_SHIFT	16
#define JAILHOUSE_MEM_IO_8		(1 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_16		(2 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_32		(4 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_64		(8 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)

struct jailhouse_memory {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u64 flags;
#ifdef JHSIM_MINERVASYS
	__u64 colors;		/* LLC colour bitmap, with JAILHOUSE_MEM_COLORED */
#endif
} __attribute__((packed));

/*
 * The four regions of a two-peer ivshmem network device starting at `start`:
 * state table, (empty) read/write section, and one output section per peer,
 * writable by that peer only.
 */
#define JAILHOUSE_SHMEM_NET_REGIONS(start, dev_id)			\
	{								\
		.phys_start = start,					\
		.virt_start = start,					\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,	\
	},								\
	{ 0 },								\
	{								\
		.phys_start = (start) + 0x1000,				\
		.virt_start = (start) + 0x1000,				\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id == 0) ? JAILHOUSE_MEM_WRITE : 0),	\
	},								\
	{								\
		.phys_start = (start) + 0x80000,			\
		.virt_start = (start) + 0x80000,			\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id == 1) ? JAILHOUSE_MEM_WRITE : 0),	\
	}

#define JAILHOUSE_MEMORY_IS_SUBPAGE(mem)	\
	((mem)->virt_start & PAGE_OFFS_MASK || (mem)->size & PAGE_OFFS_MASK)

#ifdef JHSIM_MINERVASYS
struct jailhouse_coloring {
	__u64 way_size;		/* bytes of one LLC way */
	__u64 root_map_offset;	/* where the root cell sees colored cells while loading */
} __attribute__((packed));
#endif

/* Cache partitions */
#define JAILHOUSE_CACHE_L3_CODE		0x01
#define JAILHOUSE_CACHE_L3_DATA		0x02
#define JAILHOUSE_CACHE_L3		(JAILHOUSE_CACHE_L3_CODE | \
					 JAILHOUSE_CACHE_L3_DATA)

#define JAILHOUSE_CACHE_ROOTSHARED	0x0001

struct jailhouse_cache {
	__u32 start;
	__u32 size;
	__u8 type;
	__u8 padding;
	__u16 flags;
} __attribute__((packed));

/* Interrupt lines pin_base .. pin_base+127 of the controller at `address` */
struct jailhouse_irqchip {
	__u64 address;
	__u32 id;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

/* PCI device types */
#define JAILHOUSE_PCI_TYPE_DEVICE	0x01
#define JAILHOUSE_PCI_TYPE_BRIDGE	0x02
#define JAILHOUSE_PCI_TYPE_IVSHMEM	0x03

/* ivshmem protocols (PCI subclass and interface) */
#define JAILHOUSE_SHMEM_PROTO_UNDEFINED		0x0000
#define JAILHOUSE_SHMEM_PROTO_VETH		0x0001
#define JAILHOUSE_SHMEM_PROTO_CUSTOM		0x4000	/* .. 0x7fff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT	0x8000	/* .. 0xbfff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK	0xc000	/* .. 0xffff */

#define VIRTIO_DEV_NET				1
#define VIRTIO_DEV_BLOCK			2
#define VIRTIO_DEV_CONSOLE			3

struct jailhouse_pci_device {
	__u8 type;
	__u8 iommu;
	__u16 domain;
	__u16 bdf;
	__u32 bar_mask[6];
	__u16 caps_start;
	__u16 num_caps;
	__u8 num_msi_vectors;
	__u8 msi_64bits:1;
	__u8 msi_maskable:1;
	__u16 num_msix_vectors;
	__u16 msix_region_size;
	__u64 msix_address;
	/* ivshmem only: index of the first of its memory regions ... */
	__u32 shmem_regions_start;
	/* ... this peer's ID, below shmem_peers ... */
	__u8 shmem_dev_id;
	/* ... how many peers may connect ... */
	__u8 shmem_peers;
	/* ... and the protocol it announces */
	__u16 shmem_protocol;
} __attribute__((packed));

/* BAR masks of ivshmem devices: 4K (or 64K) register BAR, optional MSI-X BAR */
#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX			\
	{						\
		0xfffff000, 0x00000000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

#if JHSIM_REVISION >= 13
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX			\
	{						\
		0xfffff000, 0xfffff000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX_64K		\
	{						\
		0xffff0000, 0x00000000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX_64K		\
	{						\
		0xffff0000, 0xffff0000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}
#else
/* v0.12: the MSI-X table BAR was 512 bytes */
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX			\
	{						\
		0xfffff000, 0xfffffe00, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}
#endif

#define JAILHOUSE_PCI_EXT_CAP		0x8000

#define JAILHOUSE_PCICAPS_WRITE		0x0001

struct jailhouse_pci_capability {
	__u16 id;
	__u16 start;
	__u16 len;
	__u16 flags;
} __attribute__((packed));

#define JAILHOUSE_APIC_MODE_AUTO	0
#define JAILHOUSE_APIC_MODE_XAPIC	1
#define JAILHOUSE_APIC_MODE_X2APIC	2

#define JAILHOUSE_MAX_IOMMU_UNITS	8

#define JAILHOUSE_IOMMU_AMD		1
#define JAILHOUSE_IOMMU_INTEL		2
#define JAILHOUSE_IOMMU_SMMUV3		3
#define JAILHOUSE_IOMMU_PVU		4
#if JHSIM_REVISION >= 13
#define JAILHOUSE_IOMMU_ARM_MMU500	5
#endif

struct jailhouse_iommu {
	__u32 type;
	__u64 base;
	__u32 size;

	union {
		struct {
			__u16 bdf;
			__u8 base_cap;
			__u8 msi_cap;
			__u32 features;
		} __attribute__((packed)) amd;

		struct {
			__u64 tlb_base;
			__u32 tlb_size;
		} __attribute__((packed)) tipvu;
	};
} __attribute__((packed));

#if JHSIM_REVISION >= 13
/* A stream ID, or for the MMU-500 a 15-bit ID with a mask of ignored bits */
union jailhouse_stream_id {
	__u32 id;
	struct {
		__u16 id;
		__u16 mask_out;
	} __attribute__((packed)) mmu500;
} __attribute__((packed));
#endif

struct jailhouse_pio {
	__u16 base;
	__u16 length;
} __attribute__((packed));

#define PIO_RANGE(__base, __length)	\
	{				\
		.base = __base,		\
		.length = __length,	\
	}

/* System flags: the root cell may read the hypervisor's debug console */
#define JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE	0x0001

#define SYS_FLAGS_VIRTUAL_DEBUG_CONSOLE(flags) \
	!!((flags) & JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE)

#ifdef JHSIM_MINERVASYS
/* MemGuard: one PMU overflow interrupt per CPU */
#define JAILHOUSE_MAX_PMU2CPU_IRQ	8

struct jailhouse_memguard_config {
	__u32 num_irqs;			/* SGIs + PPIs + SPIs of the SoC */
	__u32 hv_timer;			/* EL2 timer interrupt used by MemGuard */
	__u8 irq_prio_min;		/* GIC priority range and step */
	__u8 irq_prio_max;
	__u8 irq_prio_step;
	__u8 irq_prio_threshold;
	__u32 num_pmu_irq;		/* entries used in pmu_cpu_irq */
	__u32 pmu_cpu_irq[JAILHOUSE_MAX_PMU2CPU_IRQ];
} __attribute__((packed));

/* QoS regulator (NIC-400) register window */
struct jailhouse_qos {
	__u64 nic_base;
	__u64 nic_size;
} __attribute__((packed));

struct jailhouse_qos_device {
	char name[QOS_DEV_NAMELEN];
	__u8 flags;
	__u32 base;
} __attribute__((packed));
#endif

/* The architecture-specific part of platform_info */
#if JHSIM_REVISION == 12
#define JHSIM_IOMMU_IN_ARCH \
	struct jailhouse_iommu iommu_units[JAILHOUSE_MAX_IOMMU_UNITS];
#else
#define JHSIM_IOMMU_IN_ARCH
#endif

struct jailhouse_system {
	JHSIM_CONFIG_HEADER

	__u32 flags;

	/* Where the hypervisor lives */
	struct jailhouse_memory hypervisor_memory;
	struct jailhouse_console debug_console;
	struct {
		__u64 pci_mmconfig_base;
		__u8 pci_mmconfig_end_bus;
		__u8 pci_is_virtual;
		__u16 pci_domain;
#ifdef JHSIM_MINERVASYS
		__u32 no_spectre_mitigation;
#endif
#if JHSIM_REVISION >= 13
		struct jailhouse_iommu iommu_units[JAILHOUSE_MAX_IOMMU_UNITS];
#endif
#ifdef JHSIM_MINERVASYS
		struct jailhouse_coloring color;
		struct jailhouse_memguard_config memguard;
		struct jailhouse_qos qos;
#endif
		union {
			struct {
				__u16 pm_timer_address;
#if JHSIM_REVISION == 12
				__u32 vtd_interrupt_limit;
				__u8 apic_mode;
				__u8 padding[3];
#else
				__u8 apic_mode;
				__u8 padding;
				__u32 vtd_interrupt_limit;
#endif
				__u32 tsc_khz;
				__u32 apic_khz;
				JHSIM_IOMMU_IN_ARCH
			} __attribute__((packed)) x86;
			struct {
				u8 maintenance_irq;
				u8 gic_version;
#if JHSIM_REVISION >= 13
				u8 padding[2];
#endif
				u64 gicd_base;
				u64 gicc_base;
				u64 gich_base;
				u64 gicv_base;
				u64 gicr_base;
				JHSIM_IOMMU_IN_ARCH
			} __attribute__((packed)) arm;
		} __attribute__((packed));
	} __attribute__((packed)) platform_info;
	struct jailhouse_cell_desc root_cell;
} __attribute__((packed));

#endif
