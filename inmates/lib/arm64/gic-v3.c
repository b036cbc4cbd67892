/*
 * GICv3: the distributor and this CPU's redistributor by MMIO, the CPU
 * interface through the ICC system registers (group 1).
 */
#include "inmate.h"

#define GICD_SIZE		0x10000
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_IROUTER		0x6000

#define GICR_FRAME_SIZE		0x20000	/* RD_base and SGI_base frames */
#define GICR_WAKER		0x0014
#define  GICR_WAKER_PROCESSOR_SLEEP	BIT(1)
#define  GICR_WAKER_CHILDREN_ASLEEP	BIT(2)
#define GICR_TYPER		0x0008
#define  GICR_TYPER_LAST	BIT(4)
#define GICR_PIDR2		0xffe8
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		(GICR_SGI_BASE + 0x0080)
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x0100)

#define ICC_PMR_ALLOW_ALL	0xf0

static u64 redistributors[MAX_CPUS];

/* MPIDR affinity as GICR_TYPER[63:32] has it: Aff3.Aff2.Aff1.Aff0 */
static u32 typer_affinity(u64 mpidr)
{
	return (u32)(mpidr & 0xffffff) | (u32)((mpidr >> 32) & 0xff) << 24;
}

static u64 find_redistributor(void)
{
	u32 affinity = typer_affinity(this_mpidr());
	u64 frame = comm_region->gicr_base;

	for (;; frame += GICR_FRAME_SIZE) {
		u32 architecture, typer_low;

		map_range(frame, GICR_FRAME_SIZE, MAP_DEVICE);
		architecture = (mmio_read32(frame + GICR_PIDR2) >> 4) & 0xf;
		if (architecture != 3 && architecture != 4)
			return 0;
		/* 32-bit halves: what every GIC and hypervisor accepts */
		typer_low = mmio_read32(frame + GICR_TYPER);
		if (mmio_read32(frame + GICR_TYPER + 4) == affinity)
			return frame;
		if (typer_low & GICR_TYPER_LAST)
			return 0;
	}
}

static int gic_v3_init_cpu(void)
{
	u64 frame;

	map_range(comm_region->gicd_base, GICD_SIZE, MAP_DEVICE);
	frame = find_redistributor();
	if (!frame)
		return -1;
	redistributors[this_cpu()] = frame;

	mmio_write32(frame + GICR_WAKER,
		     mmio_read32(frame + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
	while (mmio_read32(frame + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		cpu_relax();

	write_sysreg(icc_pmr_el1, ICC_PMR_ALLOW_ALL);
	write_sysreg(icc_ctlr_el1, 0);	/* EOI also deactivates */
	write_sysreg(icc_igrpen1_el1, 1);
	isb();
	return 0;
}

static void gic_v3_enable(unsigned int irq)
{
	u64 bit = BIT(irq % 32);

	if (irq < 32) {
		u64 frame = redistributors[this_cpu()];

		mmio_write32(frame + GICR_IGROUPR0, mmio_read32(frame + GICR_IGROUPR0) | bit);
		mmio_write32(frame + GICR_ISENABLER0, bit);
	} else {
		u64 gicd = comm_region->gicd_base;
		u64 bank = (irq / 32) * 4;

		mmio_write32(gicd + GICD_IGROUPR + bank, mmio_read32(gicd + GICD_IGROUPR + bank) | bit);
		mmio_write64(gicd + GICD_IROUTER + irq * 8, this_mpidr());
		mmio_write32(gicd + GICD_ISENABLER + bank, bit);
	}
}

static u32 gic_v3_acknowledge(void)
{
	return (u32)read_sysreg(icc_iar1_el1);
}

static void gic_v3_end(u32 irq)
{
	write_sysreg(icc_eoir1_el1, irq);
}

static void gic_v3_send_sgi(unsigned int sgi, u64 mpidr)
{
	/* ICC_SGI1R_EL1: Aff3 [55:48], INTID [27:24], Aff2 [39:32], Aff1 [23:16], target list [15:0] */
	u64 value = ((mpidr >> 32) & 0xff) << 48 | (u64)(sgi & 0xf) << 24 |
		((mpidr >> 16) & 0xff) << 32 | ((mpidr >> 8) & 0xff) << 16 |
		BIT(mpidr & 0xf);

	dsb_ishst();	/* make earlier writes visible to the target first */
	write_sysreg(icc_sgi1r_el1, value);
	isb();
}

const struct gic_driver gic_v3 = {
	.init_cpu = gic_v3_init_cpu,
	.enable = gic_v3_enable,
	.acknowledge = gic_v3_acknowledge,
	.end = gic_v3_end,
	.send_sgi = gic_v3_send_sgi,
};
