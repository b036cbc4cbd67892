package dev.jhsim.machine.timer;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.irq.InterruptController;
import java.util.List;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The ARM generic timer of a machine: the system counter (CNTPCT_EL0, and
 * CNTVCT_EL0 = CNTPCT_EL0 - CNTVOFF_EL2), CNTFRQ_EL0, and for each CPU the
 * EL1 physical timer (CNTP_*), the virtual timer (CNTV_*) and the EL2
 * physical timer (CNTHP_*), each driving its PPI on the interrupt controller.
 *
 * <p>Access controls: at EL0, CNTKCTL_EL1 decides (a disallowed access traps
 * to EL1); at EL0 and EL1, CNTHCTL_EL2.EL1PCTEN and EL1PCEN guard the
 * physical counter and timer (trapping to EL2).
 */
public final class GenericTimer {
    // CNTKCTL_EL1: EL0 access to the physical and virtual counters and timers.
    private static final long EL0PCTEN = 1;
    private static final long EL0VCTEN = 2;
    private static final long EL0VTEN = 1L << 8;
    private static final long EL0PTEN = 1L << 9;
    // CNTHCTL_EL2: EL1 (and EL0) access to the physical counter and timer.
    private static final long EL1PCTEN = 1;
    private static final long EL1PCEN = 2;

    private final SystemCounter counter;
    private final Timer[] physical;
    private final Timer[] virtual;
    private final Timer[] hypervisor;

    /** The PPIs of the timers (interrupt IDs 16..31). */
    public record Interrupts(int physical, int virtual, int hypervisor) {
    }

    private GenericTimer(SystemCounter counter, List<Arm64Cpu> cpus, InterruptController irqs, Interrupts ppis) {
        this.counter = counter;
        int n = cpus.size();
        physical = new Timer[n];
        virtual = new Timer[n];
        hypervisor = new Timer[n];
        for (Arm64Cpu c : cpus) {
            int i = c.index();
            physical[i] = new Timer(c, counter, cpu -> 0, irqs.perCpu(i, ppis.physical()));
            virtual[i] = new Timer(c, counter, cpu -> cpu.el2.cntvoff, irqs.perCpu(i, ppis.virtual()));
            hypervisor[i] = new Timer(c, counter, cpu -> 0, irqs.perCpu(i, ppis.hypervisor()));
        }
    }

    /** Creates the timers of {@code cpus} and registers their system registers in {@code table}. */
    public static void install(SystemRegisters table, List<Arm64Cpu> cpus, SystemCounter counter,
            InterruptController irqs, Interrupts ppis) {
        new GenericTimer(counter, cpus, irqs, ppis).register(table);
    }

    private void register(SystemRegisters t) {
        long frequency = counter.frequencyHz();
        t.register("CNTFRQ_EL0", 3, 3, 14, 0, 0, SystemRegister.readOnly(0, c -> frequency)
                .trappedBy((c, write) -> el0Trap(c, EL0PCTEN | EL0VCTEN)));
        t.register("CNTPCT_EL0", 3, 3, 14, 0, 1, SystemRegister.readOnly(0, c -> counter.ticksAt(counter.now(c)))
                .trappedBy((c, write) -> physicalTrap(c, EL0PCTEN, EL1PCTEN)));
        t.register("CNTVCT_EL0", 3, 3, 14, 0, 2, SystemRegister.readOnly(0, c -> virtual[c.index()].count())
                .trappedBy((c, write) -> el0Trap(c, EL0VCTEN)));
        timer(t, "CNTP", 3, 2, 0, c -> physical[c.index()], (c, write) -> physicalTrap(c, EL0PTEN, EL1PCEN));
        timer(t, "CNTV", 3, 3, 0, c -> virtual[c.index()], (c, write) -> el0Trap(c, EL0VTEN));
        timer(t, "CNTHP", 4, 2, 2, c -> hypervisor[c.index()], (c, write) -> 0);
        t.register("CNTKCTL_EL1", 3, 0, 14, 1, 0, SystemRegister.of(1, c -> c.el1.cntkctl,
                (c, v) -> c.el1.cntkctl = v & 0x3FF));
        t.register("CNTHCTL_EL2", 3, 4, 14, 1, 0, SystemRegister.of(2, c -> c.el2.cnthctl,
                (c, v) -> c.el2.cnthctl = v & 0xFF));
        t.register("CNTVOFF_EL2", 3, 4, 14, 0, 3, SystemRegister.of(2, c -> c.el2.cntvoff, (c, v) -> {
            c.el2.cntvoff = v;
            virtual[c.index()].update();
        }));
    }

    /** Registers {@code prefix}_TVAL, _CTL and _CVAL (op2 0, 1, 2) of one kind of timer at (3, op1, 14, crm). */
    private static void timer(SystemRegisters t, String prefix, int op1, int crm, int minimumEl,
            Function<Arm64Cpu, Timer> of, SystemRegister.TrapRule traps) {
        String suffix = minimumEl == 2 ? "_EL2" : "_EL0";
        t.register(prefix + "_TVAL" + suffix, 3, op1, 14, crm, 0,
                access(minimumEl, c -> of.apply(c).tval(), (c, v) -> of.apply(c).setTval(v), traps));
        t.register(prefix + "_CTL" + suffix, 3, op1, 14, crm, 1,
                access(minimumEl, c -> of.apply(c).ctl(), (c, v) -> of.apply(c).setCtl(v), traps));
        t.register(prefix + "_CVAL" + suffix, 3, op1, 14, crm, 2,
                access(minimumEl, c -> of.apply(c).cval(), (c, v) -> of.apply(c).setCval(v), traps));
    }

    private static SystemRegister access(int minimumEl, ToLongFunction<Arm64Cpu> get, ObjLongConsumer<Arm64Cpu> set,
            SystemRegister.TrapRule traps) {
        return SystemRegister.of(minimumEl, get, set).trappedBy(traps);
    }

    /** EL0 access needs one of {@code cntkctlBits}; otherwise it traps to EL1. */
    private static int el0Trap(Arm64Cpu c, long cntkctlBits) {
        return c.el() == 0 && (c.el1.cntkctl & cntkctlBits) == 0 ? 1 : 0;
    }

    /** The physical counter or timer: CNTKCTL_EL1 at EL0, then CNTHCTL_EL2 at EL0 and EL1. */
    private static int physicalTrap(Arm64Cpu c, long cntkctlBit, long cnthctlBit) {
        int el0 = el0Trap(c, cntkctlBit);
        if (el0 != 0) {
            return el0;
        }
        return c.el() < 2 && (c.el2.cnthctl & cnthctlBit) == 0 ? 2 : 0;
    }
}
