package dev.jhsim.hypervisor.session;

import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.Machine;

/**
 * What the root cell's Linux has done to the board by the time
 * {@code jailhouse enable} runs, as far as the hypervisor and its cells
 * depend on it: its CPUs idle (they run no code in jhsim), and the GICv3
 * set up as Linux's driver leaves it: affinity routing with group 1
 * enabled, every interrupt in group 1 at the default priority 0xa0, SGIs
 * enabled for IPIs, redistributors awake, each CPU interface at priority
 * mask 0xf0 with EOImode 1 (Linux booted at EL2) and group 1 enabled.
 */
final class RootLinux {
    private static final int GICD_CTLR = 0x0000;
    private static final int GICD_IGROUPR = 0x0080;
    private static final int GICD_IPRIORITYR = 0x0400;
    private static final int GICD_CTLR_ENABLE_G1 = 1 << 1;
    private static final int GICD_CTLR_ARE = 1 << 4;
    private static final int GICR_WAKER = 0x0014;
    private static final int GICR_SGI_BASE = 0x10000;
    private static final int GICR_IGROUPR0 = GICR_SGI_BASE + 0x0080;
    private static final int GICR_ISENABLER0 = GICR_SGI_BASE + 0x0100;
    private static final int GICR_IPRIORITYR = GICR_SGI_BASE + 0x0400;
    private static final long DEFAULT_PRIORITIES = 0xA0A0_A0A0L;

    private RootLinux() {
    }

    static void boot(Machine machine) {
        for (Arm64Cpu cpu : machine.cpus()) {
            cpu.halt("idle: the root cell's Linux runs no code");
        }
        BoardDescription.InterruptController gic = machine.board().interruptController();
        if (gic.version() == 3) {
            setUpGicV3(machine, gic);
        }
    }

    private static void setUpGicV3(Machine machine, BoardDescription.InterruptController gic) {
        PhysicalMemory memory = new PhysicalMemory(machine.bus());
        long gicd = gic.distributor().base();
        for (int irq = 32; irq < gic.lines(); irq += 32) {
            memory.mmioWrite(0, gicd + GICD_IGROUPR + irq / 8, 4, 0xFFFF_FFFFL);
        }
        for (int irq = 32; irq < gic.lines(); irq += 4) {
            memory.mmioWrite(0, gicd + GICD_IPRIORITYR + irq, 4, DEFAULT_PRIORITIES);
        }
        memory.mmioWrite(0, gicd + GICD_CTLR, 4, GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1);
        for (Arm64Cpu cpu : machine.cpus()) {
            int n = cpu.index();
            long gicr = gic.redistributors().base() + n * gic.redistributorStride();
            memory.mmioWrite(n, gicr + GICR_WAKER, 4, 0);
            memory.mmioWrite(n, gicr + GICR_IGROUPR0, 4, 0xFFFF_FFFFL);
            for (int irq = 0; irq < 32; irq += 4) {
                memory.mmioWrite(n, gicr + GICR_IPRIORITYR + irq, 4, DEFAULT_PRIORITIES);
            }
            memory.mmioWrite(n, gicr + GICR_ISENABLER0, 4, 0xFFFF);
            GuestState el2 = machine.guest(n);
            el2.writeSysreg("ICC_PMR_EL1", 0xF0);
            el2.writeSysreg("ICC_CTLR_EL1", 0x2);
            el2.writeSysreg("ICC_IGRPEN1_EL1", 1);
        }
    }
}
