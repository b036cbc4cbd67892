package dev.jhsim.hypervisor.core;

/**
 * A hypervisor unit ({@code struct unit}): a subsystem with a part in
 * setup, in every cell's creation and destruction, and in shutdown. The
 * architecture lists its units in order ({@link Arch#units()}); setup
 * initialises them in that order and prints each one's name.
 */
public interface Unit {
    String name();

    /** Setup, after the CPUs are initialised. */
    void init();

    /** A cell being created (the root cell's part happens in {@link #init}). */
    void cellInit(Cell cell);

    /** A cell being destroyed. */
    void cellExit(Cell cell);

    /** Hypervisor shutdown. */
    void shutdown();
}
