package dev.jhsim.machine.bus;

/**
 * A device that answers physical accesses to the address range it is mapped at.
 * Offsets are relative to the start of that range; values are little-endian
 * and {@code size} is 1, 2, 4 or 8 bytes.
 */
public interface MmioDevice {
    long read(long offset, int size);

    void write(long offset, int size, long value);
}
