package dev.jhsim.machine.uart;

import dev.jhsim.machine.sim.EventQueue;
import dev.jhsim.machine.sim.Simulation;

/**
 * A UART's receive timeout: fires once the line has been quiet for a number of
 * bit periods of virtual time after the last character. Restarted by each
 * character, cancelled when the receive FIFO empties.
 */
final class ReceiveTimeout {
    /** Line rate assumed while no baud divisor is programmed. */
    static final long DEFAULT_BAUD = 115_200;

    private final Simulation sim;
    private final Runnable expired;
    private EventQueue.Event pending;

    ReceiveTimeout(Simulation sim, Runnable expired) {
        this.sim = sim;
        this.expired = expired;
    }

    /** Fires {@code bits} bit periods from now unless restarted or cancelled first. */
    void restart(long bits, long bitPeriodPs) {
        cancel();
        pending = sim.events().schedule(sim.now() + bits * bitPeriodPs, () -> {
            pending = null;
            expired.run();
        });
    }

    void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /**
     * One bit period in picoseconds for a baud generator that takes {@code clocksPerBit}
     * cycles of a {@code clockHz} reference per bit; the default rate when either is unknown.
     */
    static long bitPeriodPs(double clocksPerBit, long clockHz) {
        if (clocksPerBit <= 0 || clockHz <= 0) {
            return Simulation.PS_PER_SECOND / DEFAULT_BAUD;
        }
        return (long) (clocksPerBit * Simulation.PS_PER_SECOND / clockHz);
    }
}
