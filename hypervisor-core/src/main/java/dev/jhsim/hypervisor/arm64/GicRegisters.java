package dev.jhsim.hypervisor.arm64;

/**
 * Register offsets and bits of the GIC frames both versions share or that
 * more than one user needs ({@code asm/gic.h}, {@code gic_v3.h},
 * {@code gic_v2.h}): the distributor, the GICv3 redistributor's SGI/PPI
 * frame and the GICv2 CPU interface. The hypervisor interfaces' registers
 * stay with their drivers.
 */
public final class GicRegisters {
    public static final int GICD_CTLR = 0x0000;
    public static final int GICD_TYPER = 0x0004;
    public static final int GICD_IIDR = 0x0008;
    public static final int GICD_IGROUPR = 0x0080;
    public static final int GICD_ISENABLER = 0x0100;
    public static final int GICD_ICENABLER = 0x0180;
    public static final int GICD_ISPENDR = 0x0200;
    public static final int GICD_ISACTIVER = 0x0300;
    public static final int GICD_ICACTIVER = 0x0380;
    public static final int GICD_IPRIORITYR = 0x0400;
    public static final int GICD_ITARGETSR = 0x0800;
    public static final int GICD_ICFGR = 0x0C00;
    public static final int GICD_SGIR = 0x0F00;
    public static final int GICD_CPENDSGIR = 0x0F10;
    public static final int GICD_SPENDSGIR = 0x0F20;
    public static final int GICD_IROUTER = 0x6000;
    public static final int GICD_CTLR_ENABLE_GRP0 = 1;
    public static final int GICD_CTLR_ENABLE_GRP1 = 1 << 1;
    public static final int GICD_CTLR_ARE_NS = 1 << 4;

    /** GICv3 redistributor: the SGI/PPI frame follows the control frame. */
    public static final int GICR_WAKER = 0x0014;
    public static final int GICR_SGI_BASE = 0x10000;
    public static final int GICR_IGROUPR0 = GICR_SGI_BASE + GICD_IGROUPR;
    public static final int GICR_ISENABLER0 = GICR_SGI_BASE + GICD_ISENABLER;
    public static final int GICR_ICENABLER0 = GICR_SGI_BASE + GICD_ICENABLER;
    public static final int GICR_ISPENDR0 = GICR_SGI_BASE + GICD_ISPENDR;
    public static final int GICR_ICPENDR0 = GICR_SGI_BASE + 0x0280;
    public static final int GICR_ISACTIVER0 = GICR_SGI_BASE + GICD_ISACTIVER;
    public static final int GICR_ICACTIVER0 = GICR_SGI_BASE + GICD_ICACTIVER;
    public static final int GICR_IPRIORITYR = GICR_SGI_BASE + GICD_IPRIORITYR;
    public static final int GICR_ICFGR = GICR_SGI_BASE + GICD_ICFGR;

    /** GICv2 CPU interface. */
    public static final int GICC_CTLR = 0x0000;
    public static final int GICC_PMR = 0x0004;
    public static final int GICC_IAR = 0x000C;
    public static final int GICC_EOIR = 0x0010;
    public static final int GICC_DIR = 0x1000;
    public static final int GICC_CTLR_ENABLE_GRP0 = 1;
    public static final int GICC_CTLR_EOIMODE = 1 << 9;

    /** Linux's default priority of every interrupt, four to a word, and its priority mask. */
    public static final long DEFAULT_PRIORITIES = 0xA0A0_A0A0L;
    public static final long DEFAULT_PRIORITY_MASK = 0xF0;

    private GicRegisters() {
    }
}
