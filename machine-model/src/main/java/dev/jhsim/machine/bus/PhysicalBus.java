package dev.jhsim.machine.bus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The physical address space: RAM banks and MMIO devices at non-overlapping
 * ranges of a 48-bit space. An address that maps to nothing is a bus error,
 * which callers see as a {@code false} result or a {@code null} lookup, never
 * as an exception.
 */
public final class PhysicalBus {
    public static final long ADDRESS_LIMIT = 1L << 48;

    /** One mapped range: RAM or a device. */
    public record Region(long base, long size, RamBank ram, MmioDevice device) {
        boolean contains(long pa) {
            return pa - base >= 0 && pa - base < size;
        }
    }

    private Region[] regions = new Region[0];
    private final List<Runnable> mapListeners = new ArrayList<>();
    private final CodeWatch codeWatch = new CodeWatch();

    public CodeWatch codeWatch() {
        return codeWatch;
    }

    /** {@code listener} runs whenever the map changes (CPUs flush their TLBs). */
    public void addMapListener(Runnable listener) {
        mapListeners.add(listener);
    }

    public RamBank addRam(long base, long size) {
        RamBank bank = new RamBank(base, size);
        add(new Region(base, size, bank, null));
        return bank;
    }

    public void addDevice(long base, long size, MmioDevice device) {
        add(new Region(base, size, null, device));
    }

    /** Unmaps the region that starts at {@code base}; returns whether there was one. */
    public boolean remove(long base) {
        List<Region> kept = new ArrayList<>(List.of(regions));
        boolean removed = kept.removeIf(r -> r.base() == base);
        if (removed) {
            regions = kept.toArray(new Region[0]);
            mapChanged();
        }
        return removed;
    }

    private void add(Region region) {
        if (region.size() <= 0 || region.base() < 0 || region.base() + region.size() > ADDRESS_LIMIT) {
            throw new IllegalArgumentException("region outside the 48-bit space: 0x"
                    + Long.toHexString(region.base()));
        }
        for (Region r : regions) {
            if (region.base() < r.base() + r.size() && r.base() < region.base() + region.size()) {
                throw new IllegalArgumentException("region at 0x" + Long.toHexString(region.base())
                        + " overlaps the one at 0x" + Long.toHexString(r.base()));
            }
        }
        List<Region> all = new ArrayList<>(List.of(regions));
        all.add(region);
        all.sort(Comparator.comparingLong(Region::base));
        regions = all.toArray(new Region[0]);
        mapChanged();
    }

    private void mapChanged() {
        for (Runnable l : mapListeners) {
            l.run();
        }
    }

    /** The region containing {@code pa}, or {@code null} (a bus error). */
    public Region find(long pa) {
        Region[] rs = regions;
        int lo = 0;
        int hi = rs.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Region r = rs[mid];
            if (pa < r.base()) {
                hi = mid - 1;
            } else if (pa - r.base() >= r.size()) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        return null;
    }

    public List<Region> regions() {
        return List.of(regions);
    }

    /** Copies guest memory out (loaders, system calls); {@code false} if any byte is not RAM. */
    public boolean readBytes(long pa, byte[] dst, int off, int len) {
        return copy(pa, dst, off, len, false);
    }

    /** Copies into guest memory; {@code false} if any byte is not RAM. Code written this way is invalidated. */
    public boolean writeBytes(long pa, byte[] src, int off, int len) {
        return copy(pa, src, off, len, true);
    }

    private boolean copy(long pa, byte[] buf, int off, int len, boolean toGuest) {
        for (int done = 0; done < len; ) {
            long at = pa + done;
            Region r = find(at);
            if (r == null || r.ram() == null) {
                return false;
            }
            int inPage = (int) (at & (RamBank.PAGE_SIZE - 1));
            int n = Math.min(len - done, RamBank.PAGE_SIZE - inPage);
            byte[] page = r.ram().page(at);
            if (toGuest) {
                codeWatch.written(at >>> RamBank.PAGE_SHIFT);
                System.arraycopy(buf, off + done, page, inPage, n);
            } else {
                System.arraycopy(page, inPage, buf, off + done, n);
            }
            done += n;
        }
        return true;
    }
}
