package dev.jhsim.machine.pci;

import dev.jhsim.machine.bus.MmioDevice;

/** Memory a function decodes through BAR {@code bar}: {@code size} bytes at {@code base}, answered by {@code device}. */
public record BarWindow(int bar, long base, long size, MmioDevice device) {
    public boolean overlaps(long otherBase, long otherSize) {
        return base < otherBase + otherSize && otherBase < base + size;
    }
}
