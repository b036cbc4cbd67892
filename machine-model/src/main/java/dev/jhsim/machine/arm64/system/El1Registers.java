package dev.jhsim.machine.arm64.system;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The EL1 system registers a bare-metal OS or Linux programs: translation
 * control (a change flushes the CPU's cached translations), exception state,
 * the registers HCR_EL2 can trap (TVM/TRVM the virtual-memory controls, TACR
 * the auxiliary control), the OS lock and debug registers boot code touches,
 * and ISR_EL1.
 */
public final class El1Registers {
    /** Bits of ISR_EL1 and of the DAIF masks. */
    private static final long A = 1L << 8;
    private static final long I = 1L << 7;
    private static final long F = 1L << 6;
    private static final long OSLSR_OSLM = 1L << 3;
    private static final long OSLSR_OSLK = 1L << 1;

    private El1Registers() {
    }

    public static void register(SystemRegisters t) {
        virtualMemory(t, "SCTLR_EL1", 1, 0, 0, translating(c -> c.el1.sctlr, (c, v) -> c.el1.sctlr = v));
        virtualMemory(t, "TTBR0_EL1", 2, 0, 0, translating(c -> c.el1.ttbr0, (c, v) -> c.el1.ttbr0 = v));
        virtualMemory(t, "TTBR1_EL1", 2, 0, 1, translating(c -> c.el1.ttbr1, (c, v) -> c.el1.ttbr1 = v));
        virtualMemory(t, "TCR_EL1", 2, 0, 2, translating(c -> c.el1.tcr, (c, v) -> c.el1.tcr = v));
        virtualMemory(t, "AFSR0_EL1", 5, 1, 0, stored(c -> c.el1.afsr0, (c, v) -> c.el1.afsr0 = v));
        virtualMemory(t, "AFSR1_EL1", 5, 1, 1, stored(c -> c.el1.afsr1, (c, v) -> c.el1.afsr1 = v));
        virtualMemory(t, "ESR_EL1", 5, 2, 0, stored(c -> c.el1.esr, (c, v) -> c.el1.esr = v & 0xFFFFFFFFL));
        virtualMemory(t, "FAR_EL1", 6, 0, 0, stored(c -> c.el1.far, (c, v) -> c.el1.far = v));
        virtualMemory(t, "MAIR_EL1", 10, 2, 0, stored(c -> c.el1.mair, (c, v) -> c.el1.mair = v));
        virtualMemory(t, "AMAIR_EL1", 10, 3, 0, stored(c -> c.el1.amair, (c, v) -> c.el1.amair = v));
        virtualMemory(t, "CONTEXTIDR_EL1", 13, 0, 1,
                stored(c -> c.el1.contextidr, (c, v) -> c.el1.contextidr = v & 0xFFFFFFFFL));
        t.register("ACTLR_EL1", 3, 0, 1, 0, 1,
                stored(c -> c.el1.actlr, (c, v) -> c.el1.actlr = v).trappedByHcr(Hcr.TACR, Hcr.TACR));
        t.register("CPACR_EL1", 3, 0, 1, 0, 2, stored(c -> c.el1.cpacr, (c, v) -> c.el1.cpacr = v));
        t.register("SPSR_EL1", 3, 0, 4, 0, 0, stored(c -> c.el1.spsr, (c, v) -> c.el1.spsr = v & 0xFFFFFFFFL));
        t.register("ELR_EL1", 3, 0, 4, 0, 1, stored(c -> c.el1.elr, (c, v) -> c.el1.elr = v));
        t.register("VBAR_EL1", 3, 0, 12, 0, 0, stored(c -> c.el1.vbar, (c, v) -> c.el1.vbar = v & ~0x7FFL));
        t.register("ISR_EL1", 3, 0, 12, 1, 0, SystemRegister.readOnly(1, El1Registers::pendingInterrupts));
        t.register("MDSCR_EL1", 2, 0, 0, 2, 2, stored(c -> c.el1.mdscr, (c, v) -> c.el1.mdscr = v));
        t.register("OSLAR_EL1", 2, 0, 1, 0, 4, SystemRegister.operation(1, (c, v) -> c.el1.osLocked = (v & 1) != 0));
        t.register("OSLSR_EL1", 2, 0, 1, 1, 4,
                SystemRegister.readOnly(1, c -> OSLSR_OSLM | (c.el1.osLocked ? OSLSR_OSLK : 0)));
        t.register("OSDLR_EL1", 2, 0, 1, 3, 4, stored(c -> c.el1.osdlr, (c, v) -> c.el1.osdlr = v & 1));
        registerSetWayMaintenance(t);
    }

    /** DC ISW/CSW/CISW: no caches to maintain, but HCR_EL2.TSW traps them (a hypervisor emulates set/way operations). */
    private static void registerSetWayMaintenance(SystemRegisters t) {
        SystemRegister nothing = SystemRegister.operation(1, (c, v) -> { }).trappedByHcr(0, Hcr.TSW);
        t.register("DC ISW", 1, 0, 7, 6, 2, nothing);
        t.register("DC CSW", 1, 0, 7, 10, 2, nothing);
        t.register("DC CISW", 1, 0, 7, 14, 2, nothing);
    }

    /** A register of the virtual-memory group: reads trapped by HCR_EL2.TRVM, writes by TVM. */
    private static void virtualMemory(SystemRegisters t, String name, int crn, int crm, int op2, SystemRegister r) {
        t.register(name, 3, 0, crn, crm, op2, r.trappedByHcr(Hcr.TRVM, Hcr.TVM));
    }

    private static SystemRegister stored(ToLongFunction<Arm64Cpu> get, ObjLongConsumer<Arm64Cpu> set) {
        return SystemRegister.of(1, get, set);
    }


    private static SystemRegister translating(ToLongFunction<Arm64Cpu> get, ObjLongConsumer<Arm64Cpu> set) {
        return SystemRegister.translationControl(1, get, set);
    }

    /** ISR_EL1: the pending A, I, F; virtual ones where HCR_EL2 routes the physical kind to EL2. */
    private static long pendingInterrupts(Arm64Cpu c) {
        long hcr = c.hcrEl2;
        boolean irq = (hcr & Hcr.IMO) != 0 ? c.virqLine() || (hcr & Hcr.VI) != 0 : c.irqLine();
        boolean fiq = (hcr & Hcr.FMO) != 0 ? c.vfiqLine() || (hcr & Hcr.VF) != 0 : c.fiqLine();
        boolean serror = (hcr & (Hcr.AMO | Hcr.VSE)) == (Hcr.AMO | Hcr.VSE);
        return (serror ? A : 0) | (irq ? I : 0) | (fiq ? F : 0);
    }
}
