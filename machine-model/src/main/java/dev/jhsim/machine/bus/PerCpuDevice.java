package dev.jhsim.machine.bus;

import java.util.List;

/**
 * A device whose registers are banked per CPU: one view per CPU at the same
 * addresses, and the accessing CPU decides which view answers. An access
 * that names no CPU has no meaning here and is a wiring error in the caller.
 */
public final class PerCpuDevice implements MmioDevice {
    private final MmioDevice[] views;

    /** {@code views.get(i)} answers the accesses of CPU {@code i}. */
    public PerCpuDevice(List<? extends MmioDevice> views) {
        this.views = views.toArray(new MmioDevice[0]);
    }

    @Override
    public long read(int cpu, long offset, int size) {
        return views[cpu].read(offset, size);
    }

    @Override
    public void write(int cpu, long offset, int size, long value) {
        views[cpu].write(offset, size, value);
    }

    @Override
    public long read(long offset, int size) {
        throw new UnsupportedOperationException("registers banked per CPU: the access must name its CPU");
    }

    @Override
    public void write(long offset, int size, long value) {
        throw new UnsupportedOperationException("registers banked per CPU: the access must name its CPU");
    }
}
