package dev.jhsim.cli.daemon;

import java.util.Locale;

/** How a board daemon paces virtual time. */
public enum Speed {
    /** Virtual time follows the wall clock: a 10 Hz timer fires ten times a second. */
    REALTIME,
    /** As fast as the host can simulate, while some cell runs; time stands still when none does. */
    MAX;

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
