package dev.jhsim.machine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    /** A processor that only counts the cycles it is given and can be made to wait or halt. */
    static final class Counter implements Processor {
        final String name;
        final long hz;
        final List<String> log;
        long cycles;
        State state = State.RUNNING;
        long haltAfter = Long.MAX_VALUE;

        Counter(String name, long hz, List<String> log) {
            this.name = name;
            this.hz = hz;
            this.log = log;
        }

        @Override
        public long frequencyHz() {
            return hz;
        }

        @Override
        public State state() {
            return state;
        }

        @Override
        public long run(long budget) {
            log.add(name);
            cycles += budget;
            if (cycles >= haltAfter) {
                state = State.HALTED;
            }
            return budget;
        }
    }

    @Test
    void stepsProcessorsRoundRobinInFixedOrderAndCreditsCyclesByFrequency() {
        List<String> log = new ArrayList<>();
        Simulation sim = new Simulation(1000);
        Counter a = new Counter("a", 1_000_000_000L, log);
        Counter b = new Counter("b", 500_000_000L, log);
        sim.addProcessor(a);
        sim.addProcessor(b);
        assertEquals(Simulation.Outcome.TIME_REACHED, sim.runUntil(10_000_000L));
        assertEquals(10_000_000L, sim.now());
        assertEquals(10_000, a.cycles);
        assertEquals(5_000, b.cycles);
        assertEquals(List.of("a", "b", "a", "b"), log.subList(0, 4));
    }

    @Test
    void waitingProcessorCostsNothingUntilAnEventWakesIt() {
        List<String> log = new ArrayList<>();
        Simulation sim = new Simulation(1000);
        Counter a = new Counter("a", 1_000_000_000L, log);
        a.state = Processor.State.WAITING;
        sim.addProcessor(a);
        long[] wokenAt = {-1};
        sim.events().schedule(5_000_000_000L, () -> {
            wokenAt[0] = sim.now();
            a.state = Processor.State.RUNNING;
        });
        sim.runUntil(5_000_002_000L);
        assertEquals(5_000_000_000L, wokenAt[0]);
        assertEquals(2, a.cycles, "only the two nanoseconds after the wake-up run");
    }

    @Test
    void stopsWhenEveryProcessorHaltedOrNothingCanHappen() {
        Simulation sim = new Simulation(100);
        Counter a = new Counter("a", 1_000_000L, new ArrayList<>());
        a.haltAfter = 250;
        sim.addProcessor(a);
        assertEquals(Simulation.Outcome.ALL_HALTED, sim.runUntilHalted(Long.MAX_VALUE));

        Simulation idle = new Simulation(100);
        Counter w = new Counter("w", 1_000_000L, new ArrayList<>());
        w.state = Processor.State.WAITING;
        idle.addProcessor(w);
        assertEquals(Simulation.Outcome.IDLE, idle.runUntilHalted(Long.MAX_VALUE));
    }

    @Test
    void runsUntilAConditionHolds() {
        Simulation sim = new Simulation(10);
        Counter a = new Counter("a", 1_000_000_000L, new ArrayList<>());
        sim.addProcessor(a);
        assertEquals(Simulation.Outcome.CONDITION_MET, sim.run(() -> a.cycles >= 55, Long.MAX_VALUE));
        assertTrue(a.cycles >= 55 && a.cycles < 70);
    }

    @Test
    void eventsAtTheSameInstantRunInSchedulingOrder() {
        EventQueue q = new EventQueue();
        List<Integer> order = new ArrayList<>();
        q.schedule(10, () -> order.add(1));
        q.schedule(5, () -> order.add(0));
        q.schedule(10, () -> order.add(2));
        EventQueue.Event cancelled = q.schedule(10, () -> order.add(99));
        cancelled.cancel();
        q.runDue(10);
        assertEquals(List.of(0, 1, 2), order);
        assertEquals(Long.MAX_VALUE, q.nextTime());
    }
}
