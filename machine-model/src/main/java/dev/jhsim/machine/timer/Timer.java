package dev.jhsim.machine.timer;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.irq.InterruptLine;
import dev.jhsim.machine.sim.EventQueue;
import java.util.function.ToLongFunction;

/**
 * One timer of one CPU (EL1 physical, virtual or EL2 physical): CTL, CVAL and
 * TVAL over a count ({@code offset} below the system counter: CNTVOFF_EL2 for
 * the virtual timer). Its output is level sensitive - enabled, condition met
 * and not masked - and drives an interrupt line. Instead of polling, it
 * schedules an event for the instant the condition will be met.
 */
final class Timer {
    static final long ENABLE = 1;
    static final long IMASK = 2;
    static final long ISTATUS = 4;

    private final Arm64Cpu cpu;
    private final SystemCounter counter;
    private final ToLongFunction<Arm64Cpu> offset;
    private final InterruptLine line;
    private long ctl;
    private long cval;
    private boolean asserted;
    private EventQueue.Event pending;

    Timer(Arm64Cpu cpu, SystemCounter counter, ToLongFunction<Arm64Cpu> offset, InterruptLine line) {
        this.cpu = cpu;
        this.counter = counter;
        this.offset = offset;
        this.line = line;
    }

    /** This timer's count as its CPU sees it now. */
    long count() {
        return counter.ticksAt(counter.now(cpu)) - offset.applyAsLong(cpu);
    }

    private boolean conditionMet(long count) {
        return Long.compareUnsigned(count, cval) >= 0;
    }

    long ctl() {
        return ctl | ((ctl & ENABLE) != 0 && conditionMet(count()) ? ISTATUS : 0);
    }

    void setCtl(long value) {
        ctl = value & (ENABLE | IMASK);
        update();
    }

    long cval() {
        return cval;
    }

    void setCval(long value) {
        cval = value;
        update();
    }

    /** TVAL: CVAL minus the count, as a signed 32-bit value. */
    long tval() {
        return (int) (cval - count()) & 0xFFFFFFFFL;
    }

    void setTval(long value) {
        setCval(count() + (int) value);
    }

    /** Re-evaluates the output now and schedules the event for when the condition will be met. */
    void update() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        boolean enabled = (ctl & ENABLE) != 0;
        boolean met = enabled && conditionMet(count());
        boolean output = met && (ctl & IMASK) == 0;
        if (output != asserted) {
            asserted = output;
            line.set(output);
        }
        if (enabled && !met) {
            long due = counter.timeOf(cval + offset.applyAsLong(cpu));
            if (due != Long.MAX_VALUE) {
                pending = counter.simulation().events().schedule(due, this::update);
            }
        }
    }
}
