package dev.jhsim.config.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A non-empty range of addresses {@code [first, last]}, inclusive so that a
 * range may end at the top of the 64-bit space. Addresses compare unsigned.
 */
public record AddressRange(long first, long last) {
    public AddressRange {
        if (Long.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("empty address range");
        }
    }

    /**
     * The range of {@code size} bytes at {@code start}; empty for size 0. A
     * range running past the top of the address space ends at the top, as
     * Jailhouse's own overlap tests (done in unbounded integers) see it.
     */
    public static Optional<AddressRange> of(long start, long size) {
        if (size == 0) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(start, wraps(start, size) ? -1L : start + size - 1));
    }

    /** Whether {@code size} bytes at {@code start} run past the top of the 64-bit address space. */
    public static boolean wraps(long start, long size) {
        return size != 0 && Long.compareUnsigned(start + size - 1, start) < 0;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, first) >= 0 && Long.compareUnsigned(address, last) <= 0;
    }

    public boolean contains(AddressRange other) {
        return contains(other.first) && contains(other.last);
    }

    public boolean overlaps(AddressRange other) {
        return contains(other.first) || other.contains(first);
    }

    /** The parts of this range that none of {@code others} covers, ascending. */
    public List<AddressRange> minus(Collection<AddressRange> others) {
        List<AddressRange> sorted = new ArrayList<>(others);
        sorted.sort(Comparator.comparing(AddressRange::first, Long::compareUnsigned));
        List<AddressRange> rest = new ArrayList<>();
        long next = first;
        for (AddressRange o : sorted) {
            if (!o.overlaps(new AddressRange(next, last))) {
                continue;
            }
            if (Long.compareUnsigned(o.first, next) > 0) {
                rest.add(new AddressRange(next, o.first - 1));
            }
            if (Long.compareUnsigned(o.last, last) >= 0) {
                return rest;
            }
            next = o.last + 1;
        }
        rest.add(new AddressRange(next, last));
        return rest;
    }

    /** {@code 0x1000-0x1fff}: first and last address. */
    @Override
    public String toString() {
        return "0x" + Long.toHexString(first) + "-0x" + Long.toHexString(last);
    }
}
