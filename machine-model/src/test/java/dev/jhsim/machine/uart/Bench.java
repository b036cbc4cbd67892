package dev.jhsim.machine.uart;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.irq.RecordingWire;
import dev.jhsim.machine.sim.Processor;
import dev.jhsim.machine.sim.Simulation;
import java.util.function.LongPredicate;

/** A UART on a test bench: its port's output captured as text, its wire recorded, virtual time to run. */
final class Bench {
    static final long US = Simulation.PS_PER_SECOND / 1_000_000;

    final Simulation sim = new Simulation(1000);
    final SerialPort port = new SerialPort("uart0");
    final RecordingWire wire = new RecordingWire();
    final StringBuilder out = new StringBuilder();
    MmioDevice uart;

    Bench() {
        port.connectOutput(b -> out.append((char) b));
        // A CPU asleep in WFI, so that virtual time advances to device events.
        sim.addProcessor(new Processor() {
            @Override
            public long frequencyHz() {
                return 1_000_000_000L;
            }

            @Override
            public State state() {
                return State.WAITING;
            }

            @Override
            public long run(long cycles) {
                return cycles;
            }
        });
    }

    Bench with(MmioDevice device) {
        this.uart = device;
        return this;
    }

    long read(long offset, int size) {
        return uart.read(offset, size);
    }

    void write(long offset, int size, long value) {
        uart.write(offset, size, value);
    }

    /** A driver's polling loop: reads until {@code done}, failing the test instead of spinning forever. */
    long pollUntil(long offset, int size, LongPredicate done) {
        for (int i = 0; i < 10_000; i++) {
            long value = uart.read(offset, size);
            if (done.test(value)) {
                return value;
            }
        }
        fail(String.format("register 0x%x never reached the awaited state", offset));
        return 0;
    }

    /** Advances virtual time by {@code ps} (no processors: only device events run). */
    void runFor(long ps) {
        sim.runUntil(sim.now() + ps);
    }
}
