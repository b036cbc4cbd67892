/*
 * GICv3 (system-register CPU interface, redistributors) or GICv2 (MMIO CPU
 * interface), chosen by ID_AA64PFR0_EL1.GIC, at the addresses of the
 * qemu-arm64 board and of QEMU's gic-version=2 layout: one distributor at
 * 0x08000000, GICv3 redistributors from 0x080a0000, a GICv2 CPU interface at
 * 0x08010000. Everything is group 1, priority 0x80, level-sensitive.
 */
#include "baremetal.h"

#define GICD 0x08000000ul
#define GICR 0x080a0000ul
#define GICR_STRIDE 0x20000ul
#define GICR_SGI 0x10000ul
#define GICC 0x08010000ul

#define GICD_CTLR 0x0000
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ISPENDR 0x0200
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR 0x0800
#define GICD_SGIR 0x0f00
#define GICD_IROUTER 0x6000
#define GICR_WAKER 0x0014
#define GICC_CTLR 0x0000
#define GICC_PMR 0x0004
#define GICC_IAR 0x000c
#define GICC_EOIR 0x0010

int gic_version(void)
{
    return (read_sysreg(id_aa64pfr0_el1) >> 24) & 0xf ? 3 : 2;
}

static uint64_t redistributor(void)
{
    return GICR + cpu_id() * GICR_STRIDE;
}

void gic_init(void)
{
    /* v3: affinity routing, group 0 and 1 enabled; v2: forwarding enabled. */
    mmio_write32(GICD + GICD_CTLR, gic_version() == 3 ? 0x13 : 1);
}

void gic_init_cpu(void)
{
    if (gic_version() == 3) {
        uint64_t rd = redistributor();
        mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~2u);
        while (mmio_read32(rd + GICR_WAKER) & 4u)
            ;
        mmio_write32(rd + GICR_SGI + GICD_IGROUPR, ~0u);
    }
    gic_init_cpu_interface();
}

void gic_init_cpu_interface(void)
{
    if (gic_version() == 3) {
        write_sysreg(s3_0_c12_c12_5, read_sysreg(s3_0_c12_c12_5) | 1); /* ICC_SRE_EL1.SRE */
        isb();
        write_sysreg(s3_0_c4_c6_0, 0xff);                              /* ICC_PMR_EL1 */
        write_sysreg(s3_0_c12_c12_3, 0);                               /* ICC_BPR1_EL1 */
        write_sysreg(s3_0_c12_c12_7, 1);                               /* ICC_IGRPEN1_EL1 */
        isb();
    } else {
        mmio_write32(GICC + GICC_PMR, 0xff);
        mmio_write32(GICC + GICC_CTLR, 1);
    }
}

/* SGIs and PPIs live in the redistributor's SGI frame on v3, in the distributor's banked registers on v2. */
static uint64_t bank(unsigned int intid)
{
    return intid < 32 && gic_version() == 3 ? redistributor() + GICR_SGI : GICD;
}

void gic_enable(unsigned int intid)
{
    uint64_t base = bank(intid);
    if (gic_version() == 3 && intid >= 32)
        mmio_write32(base + GICD_IGROUPR + intid / 32 * 4,
                     mmio_read32(base + GICD_IGROUPR + intid / 32 * 4) | 1u << intid % 32);
    *(volatile uint8_t *)(base + GICD_IPRIORITYR + intid) = 0x80;
    mmio_write32(base + GICD_ISENABLER + intid / 32 * 4, 1u << intid % 32);
}

void gic_route_spi(unsigned int intid, unsigned int cpu)
{
    if (gic_version() == 3)
        mmio_write64(GICD + GICD_IROUTER + intid * 8, cpu);
    else
        *(volatile uint8_t *)(GICD + GICD_ITARGETSR + intid) = 1u << cpu;
}

void gic_set_pending(unsigned int intid)
{
    mmio_write32(bank(intid) + GICD_ISPENDR + intid / 32 * 4, 1u << intid % 32);
}

unsigned int gic_ack(void)
{
    if (gic_version() == 3)
        return read_sysreg(s3_0_c12_c12_0);   /* ICC_IAR1_EL1 */
    return mmio_read32(GICC + GICC_IAR);
}

void gic_eoi(unsigned int iar)
{
    if (gic_version() == 3)
        write_sysreg(s3_0_c12_c12_1, iar);    /* ICC_EOIR1_EL1 */
    else
        mmio_write32(GICC + GICC_EOIR, iar);
}

void gic_send_sgi(unsigned int intid, unsigned int cpu)
{
    if (gic_version() == 3)
        write_sysreg(s3_0_c12_c11_5, (uint64_t)intid << 24 | 1u << cpu); /* ICC_SGI1R_EL1, Aff1-3 = 0 */
    else
        mmio_write32(GICD + GICD_SGIR, 1u << (16 + cpu) | intid);
}
