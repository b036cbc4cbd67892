package dev.jhsim.hypervisor.core;

import java.util.Arrays;

/**
 * The emulated MMIO regions of a cell, sorted by start address and found by
 * binary search ({@code mmio.c}): the interrupt controller's registers, the
 * virtual PCI host, ivshmem BARs and sub-page memory regions.
 */
public final class MmioRegions {
    private long[] starts = new long[8];
    private long[] sizes = new long[8];
    private MmioHandler[] handlers = new MmioHandler[8];
    private int count;

    public void register(long start, long size, MmioHandler handler) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            handlers = Arrays.copyOf(handlers, count * 2);
        }
        int index = 0;
        while (index < count && Long.compareUnsigned(starts[index], start) <= 0) {
            index++;
        }
        System.arraycopy(starts, index, starts, index + 1, count - index);
        System.arraycopy(sizes, index, sizes, index + 1, count - index);
        System.arraycopy(handlers, index, handlers, index + 1, count - index);
        starts[index] = start;
        sizes[index] = size;
        handlers[index] = handler;
        count++;
    }

    /** Removes the region containing {@code start}, if any. */
    public void unregister(long start) {
        int index = find(start, 1);
        if (index < 0) {
            return;
        }
        count--;
        System.arraycopy(starts, index + 1, starts, index, count - index);
        System.arraycopy(sizes, index + 1, sizes, index, count - index);
        System.arraycopy(handlers, index + 1, handlers, index, count - index);
        handlers[count] = null;
    }

    /**
     * Dispatches a trapped access (absolute address in {@code access}) to the
     * region wholly containing it; {@link MmioHandler.Result#UNHANDLED} if none.
     */
    public MmioHandler.Result dispatch(PerCpu cpu, MmioAccess access) {
        int index = find(access.address, access.size);
        if (index < 0) {
            return MmioHandler.Result.UNHANDLED;
        }
        access.address -= starts[index];
        return handlers[index].handle(cpu, access);
    }

    private int find(long address, int size) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(address, starts[mid]) < 0) {
                high = mid;
            } else if (Long.compareUnsigned(starts[mid] + sizes[mid], address + size) < 0) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
