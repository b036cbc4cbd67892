/*
 * GICv2: distributor and CPU interface by MMIO (under Jailhouse the CPU
 * interface is the virtual one, mapped where the GICC is). CPU interface
 * numbers are taken to be MPIDR Aff0, as on the usual GICv2 systems.
 */
#include "inmate.h"

#define GICD_SIZE		0x1000
#define GICD_ISENABLER		0x0100
#define GICD_ITARGETSR		0x0800
#define GICD_SGIR		0x0f00

#define GICC_SIZE		0x2000
#define GICC_CTLR		0x0000
#define  GICC_CTLR_ENABLE	BIT(0)
#define GICC_PMR		0x0004
#define  GICC_PMR_ALLOW_ALL	0xf0
#define GICC_IAR		0x000c
#define GICC_EOIR		0x0010

static int gic_v2_init_cpu(void)
{
	map_range(comm_region->gicd_base, GICD_SIZE, MAP_DEVICE);
	map_range(comm_region->gicc_base, GICC_SIZE, MAP_DEVICE);
	mmio_write32(comm_region->gicc_base + GICC_PMR, GICC_PMR_ALLOW_ALL);
	mmio_write32(comm_region->gicc_base + GICC_CTLR, GICC_CTLR_ENABLE);
	return 0;
}

static void gic_v2_enable(unsigned int irq)
{
	u64 gicd = comm_region->gicd_base;

	if (irq >= 32) {
		/* ITARGETSR0 is banked: its first byte is the reader's own target bit */
		u8 self = mmio_read8(gicd + GICD_ITARGETSR);

		mmio_write8(gicd + GICD_ITARGETSR + irq, self);
	}
	mmio_write32(gicd + GICD_ISENABLER + (irq / 32) * 4, BIT(irq % 32));
}

static u32 gic_v2_acknowledge(void)
{
	/* keep the source CPU bits of SGIs: the EOI must repeat them */
	return mmio_read32(comm_region->gicc_base + GICC_IAR);
}

static void gic_v2_end(u32 irq)
{
	mmio_write32(comm_region->gicc_base + GICC_EOIR, irq);
}

static void gic_v2_send_sgi(unsigned int sgi, u64 mpidr)
{
	dsb_ishst();
	mmio_write32(comm_region->gicd_base + GICD_SGIR, BIT(16 + (mpidr & 0x7)) | (sgi & 0xf));
}

const struct gic_driver gic_v2 = {
	.init_cpu = gic_v2_init_cpu,
	.enable = gic_v2_enable,
	.acknowledge = gic_v2_acknowledge,
	.end = gic_v2_end,
	.send_sgi = gic_v2_send_sgi,
};
