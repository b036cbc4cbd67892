package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.JailhouseDriver;

/**
 * How the upstream commands reach a board's driver: over a board daemon's
 * socket (the command line), or directly in this process (the scenario runner
 * and the demo).
 */
public interface BoardAccess extends AutoCloseable {
    /** The driver; a one-line {@link UserError} when there is no board to talk to. */
    JailhouseDriver driver();

    /**
     * Whether the board runs on by itself while a command waits (a daemon), so
     * that following the console makes sense.
     */
    boolean runsOnItsOwn();

    /** Releases a connection the access opened. */
    @Override
    void close();
}
