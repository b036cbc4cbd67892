package dev.jhsim.machine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The simulation kernel: one thread, virtual time in picoseconds, processors
 * stepped round-robin in a fixed order in slices of virtual time, events fired
 * between slices. Waiting processors are skipped, and when nothing runs the
 * clock jumps to the next event, so idle time costs no host time.
 */
public final class Simulation {
    public static final long PS_PER_SECOND = 1_000_000_000_000L;

    /** Why a run returned; IDLE: nothing runs and no event is scheduled (time has passed to the limit). */
    public enum Outcome { TIME_REACHED, CONDITION_MET, ALL_HALTED, IDLE }

    private final EventQueue events = new EventQueue();
    private final List<Processor> processors = new ArrayList<>();
    private final List<long[]> credits = new ArrayList<>();
    private final long quantumInstructions;
    private long sliceLength = Long.MAX_VALUE;
    private long now;

    /** {@code quantumInstructions}: how many instructions the fastest processor runs per slice. */
    public Simulation(long quantumInstructions) {
        if (quantumInstructions <= 0) {
            throw new IllegalArgumentException("quantum must be positive");
        }
        this.quantumInstructions = quantumInstructions;
    }

    public void addProcessor(Processor p) {
        processors.add(p);
        credits.add(new long[1]);
        sliceLength = Math.min(sliceLength, Math.max(1, quantumInstructions * PS_PER_SECOND / p.frequencyHz()));
    }

    public EventQueue events() {
        return events;
    }

    /** Current virtual time in picoseconds. */
    public long now() {
        return now;
    }

    public Outcome runUntil(long timePs) {
        return run(() -> false, timePs);
    }

    public Outcome runUntilHalted(long limitPs) {
        return run(() -> false, limitPs);
    }

    /** Runs until {@code condition} holds (checked between slices), every processor halted, or {@code limitPs}. */
    public Outcome run(BooleanSupplier condition, long limitPs) {
        while (true) {
            if (condition.getAsBoolean()) {
                return Outcome.CONDITION_MET;
            }
            if (now >= limitPs) {
                return Outcome.TIME_REACHED;
            }
            boolean anyRunning = false;
            boolean allHalted = true;
            for (Processor p : processors) {
                anyRunning |= p.state() == Processor.State.RUNNING;
                allHalted &= p.state() == Processor.State.HALTED;
            }
            if (allHalted) {
                return Outcome.ALL_HALTED;
            }
            long next = events.nextTime();
            if (!anyRunning) {
                if (next == Long.MAX_VALUE) {
                    // Nothing can happen any more: an idle machine waits out a finite limit at once.
                    if (limitPs != Long.MAX_VALUE) {
                        now = Math.max(now, limitPs);
                    }
                    return Outcome.IDLE;
                }
                now = Math.max(now, Math.min(next, limitPs));
                events.runDue(now);
                continue;
            }
            long end = Math.min(Math.min(now + sliceLength, next), limitPs);
            runSlice(end - now);
            now = end;
            events.runDue(now);
        }
    }

    private void runSlice(long lengthPs) {
        for (int i = 0; i < processors.size(); i++) {
            Processor p = processors.get(i);
            long[] credit = credits.get(i);
            // Credit is kept in Hz*ps so that no fraction of a cycle is ever lost.
            credit[0] += lengthPs * p.frequencyHz();
            if (p.state() != Processor.State.RUNNING) {
                credit[0] = Math.min(credit[0], 0);
                continue;
            }
            long cycles = credit[0] / PS_PER_SECOND;
            if (cycles > 0) {
                credit[0] -= p.run(cycles) * PS_PER_SECOND;
            }
        }
    }
}
