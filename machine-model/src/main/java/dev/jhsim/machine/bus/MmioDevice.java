package dev.jhsim.machine.bus;

/**
 * A device that answers physical accesses to the address range it is mapped at.
 * Offsets are relative to the start of that range; values are little-endian
 * and {@code size} is 1, 2, 4 or 8 bytes.
 *
 * <p>CPUs access devices through the CPU-aware methods, naming themselves by
 * their index; most devices do not care who accesses them and keep the
 * defaults. Devices with registers banked per CPU (a GICv2 CPU interface, for
 * example) override them, see {@link PerCpuDevice}.
 */
public interface MmioDevice {
    long read(long offset, int size);

    void write(long offset, int size, long value);

    /** A read by CPU {@code cpu}. */
    default long read(int cpu, long offset, int size) {
        return read(offset, size);
    }

    /** A write by CPU {@code cpu}. */
    default void write(int cpu, long offset, int size, long value) {
        write(offset, size, value);
    }
}
