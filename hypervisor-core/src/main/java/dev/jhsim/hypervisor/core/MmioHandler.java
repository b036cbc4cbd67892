package dev.jhsim.hypervisor.core;

/** Emulates accesses to one MMIO region of a cell ({@code mmio_handler}). */
@FunctionalInterface
public interface MmioHandler {
    /** What became of an access. */
    enum Result {
        /** Emulated. */
        HANDLED,
        /** Nobody emulates it: an access outside the cell. */
        UNHANDLED,
        /** Emulated and refused: a forbidden access (the handler printed why). */
        ERROR
    }

    /** Handles {@code access}, whose address is relative to the region's start. */
    Result handle(PerCpu cpu, MmioAccess access);
}
