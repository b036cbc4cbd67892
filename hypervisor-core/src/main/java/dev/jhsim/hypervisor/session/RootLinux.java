package dev.jhsim.hypervisor.session;

import static dev.jhsim.hypervisor.arm64.GicRegisters.DEFAULT_PRIORITIES;
import static dev.jhsim.hypervisor.arm64.GicRegisters.DEFAULT_PRIORITY_MASK;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_CTLR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_CTLR_ENABLE_GRP0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_CTLR_EOIMODE;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICC_PMR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CTLR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CTLR_ARE_NS;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CTLR_ENABLE_GRP0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_CTLR_ENABLE_GRP1;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IGROUPR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_IPRIORITYR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ISENABLER;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICD_ITARGETSR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_IGROUPR0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_IPRIORITYR;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_ISENABLER0;
import static dev.jhsim.hypervisor.arm64.GicRegisters.GICR_WAKER;

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
    private static final long BOOT_CPU_TARGETS = 0x0101_0101L;

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
        memory.mmioWrite(0, gicd + GICD_CTLR, 4, GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_GRP1);
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
            el2.writeSysreg("ICC_PMR_EL1", DEFAULT_PRIORITY_MASK);
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
        memory.mmioWrite(0, gicd + GICD_CTLR, 4, GICD_CTLR_ENABLE_GRP0);
        for (Arm64Cpu cpu : machine.cpus()) {
            int n = cpu.index();
            for (int irq = 0; irq < 32; irq += 4) {
                memory.mmioWrite(n, gicd + GICD_IPRIORITYR + irq, 4, DEFAULT_PRIORITIES);
            }
            memory.mmioWrite(n, gicd + GICD_ISENABLER, 4, 0xFFFF);
            memory.mmioWrite(n, gicc + GICC_PMR, 4, DEFAULT_PRIORITY_MASK);
            memory.mmioWrite(n, gicc + GICC_CTLR, 4, GICC_CTLR_ENABLE_GRP0 | GICC_CTLR_EOIMODE);
        }
    }

    private static void setSharedPriorities(PhysicalMemory memory, BoardDescription.InterruptController gic) {
        for (int irq = 32; irq < gic.lines(); irq += 4) {
            memory.mmioWrite(0, gic.distributor().base() + GICD_IPRIORITYR + irq, 4, DEFAULT_PRIORITIES);
        }
    }
}
