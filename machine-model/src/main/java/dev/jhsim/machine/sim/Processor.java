package dev.jhsim.machine.sim;

/** Something the simulation kernel steps: a CPU core with its own clock. */
public interface Processor {
    /** What the kernel should do with this processor in the next slice. */
    enum State {
        /** Executes instructions. */
        RUNNING,
        /** Waits for an interrupt or event (WFI/WFE): costs no host time. */
        WAITING,
        /** Stopped for good (powered off, or the user-mode program exited). */
        HALTED
    }

    long frequencyHz();

    State state();

    /**
     * Executes for about {@code cycles} clock cycles and returns how many it
     * used. It may stop early (it began waiting or halted) or overshoot by less
     * than one translation block; the kernel carries the difference over.
     */
    long run(long cycles);
}
