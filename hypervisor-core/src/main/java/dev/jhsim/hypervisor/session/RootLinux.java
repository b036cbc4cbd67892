package dev.jhsim.hypervisor.session;

import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.Machine;

/**
 * What the root cell's Linux has done to the board by the time
 * {@code jailhouse enable} runs, as far as the hypervisor and its cells
 * depend on it: its CPUs idle (they run no code in jhsim), and the GIC set
 * up as Linux's driver leaves it: every interrupt at the default priority
 * 0xa0, SGIs enabled for IPIs, each CPU interface at priority mask 0xf0
 * with EOImode 1 (Linux booted at EL2). On a GICv3 everything is group 1
 * under affinity routing, with the redistributors awake; on a GICv2
 * (without security extensions) everything is group 0 and the shared
 * interrupts target the boot CPU.
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
    private static final int GICD_ISENABLER0 = 0x0100;
    private static final int GICD_ITARGETSR = 0x0800;
    private static final int GICD_CTLR_ENABLE_G0 = 1;
    private static final long BOOT_CPU_TARGETS = 0x0101_0101L;
    private static final int GICC_CTLR = 0x0000;
    private static final int GICC_PMR = 0x0004;
    private static final int GICC_CTLR_ENABLE_G0 = 1;
    private static final int GICC_CTLR_EOIMODE = 1 << 9;

    private RootLinux() {
    }

    static void boot(Machine machine) {
        for (Arm64Cpu cpu : machine.cpus()) {
            cpu.halt("idle: the root cell's Linux runs no code");
        }
        BoardDescription.InterruptController gic = machine.board().interruptController();
        if (gic.version() == 3) {
            setUpGicV3(machine, gic);
        } else {
            setUpGicV2(machine, gic);
        }
    }

    private static void setUpGicV3(Machine machine, BoardDescription.InterruptController gic) {
        PhysicalMemory memory = new PhysicalMemory(machine.bus());
        long gicd = gic.distributor().base();
        for (int irq = 32; irq < gic.lines(); irq += 32) {
            memory.mmioWrite(0, gicd + GICD_IGROUPR + irq / 8, 4, 0xFFFF_FFFFL);
        }
        setSharedPriorities(memory, gic);
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

    private static void setUpGicV2(Machine machine, BoardDescription.InterruptController gic) {
        PhysicalMemory memory = new PhysicalMemory(machine.bus());
        long gicd = gic.distributor().base();
        long gicc = gic.cpuInterface().base();
        setSharedPriorities(memory, gic);
        for (int irq = 32; irq < gic.lines(); irq += 4) {
            memory.mmioWrite(0, gicd + GICD_ITARGETSR + irq, 4, BOOT_CPU_TARGETS);
        }
        memory.mmioWrite(0, gicd + GICD_CTLR, 4, GICD_CTLR_ENABLE_G0);
        for (Arm64Cpu cpu : machine.cpus()) {
            int n = cpu.index();
            for (int irq = 0; irq < 32; irq += 4) {
                memory.mmioWrite(n, gicd + GICD_IPRIORITYR + irq, 4, DEFAULT_PRIORITIES);
            }
            memory.mmioWrite(n, gicd + GICD_ISENABLER0, 4, 0xFFFF);
            memory.mmioWrite(n, gicc + GICC_PMR, 4, 0xF0);
            memory.mmioWrite(n, gicc + GICC_CTLR, 4, GICC_CTLR_ENABLE_G0 | GICC_CTLR_EOIMODE);
        }
    }

    private static void setSharedPriorities(PhysicalMemory memory, BoardDescription.InterruptController gic) {
        for (int irq = 32; irq < gic.lines(); irq += 4) {
            memory.mmioWrite(0, gic.distributor().base() + GICD_IPRIORITYR + irq, 4, DEFAULT_PRIORITIES);
        }
    }
}
