package dev.jhsim.hypervisor.core;

/**
 * A CPU the hypervisor parked because it violated its cell's configuration
 * or raised an exception the hypervisor does not handle: when, which cell
 * and CPU, the exception class and PC, whether the whole cell failed with
 * it, and the report printed on the hypervisor console (the offending
 * access, the register dump, the parking line).
 */
public record CellFailure(long timePs, String cell, int cpu, int exceptionClass, long pc, boolean cellFailed,
        String report) {
}
