package dev.jhsim.machine.device;

import dev.jhsim.machine.bus.MmioDevice;
import java.util.function.IntToLongFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A peripheral as a table of registers: each register has an offset, a width
 * (4 or 8 bytes), a read function and a write function. Accesses narrower than
 * a register read the containing bytes; narrower writes are merged into the
 * current value only where the register allows it (byte-addressable arrays such
 * as priority registers), and ignored otherwise, as hardware with 32-bit-only
 * registers does. Offsets with no register read as zero and ignore writes, and
 * are reported to the {@link UnmappedAccess} listener.
 *
 * <p>Lookups index an array by 32-bit word, so an access costs no allocation
 * and no hashing.
 */
public final class RegisterMap implements MmioDevice {
    /** Told about accesses to offsets without a register (for logs and tests). */
    @FunctionalInterface
    public interface UnmappedAccess {
        void access(long offset, int size, boolean write, long value);

        UnmappedAccess IGNORE = (offset, size, write, value) -> { };
    }

    /** Writes to element {@code index} of a register array. */
    @FunctionalInterface
    public interface IndexedWrite {
        void write(int index, long value);
    }

    private static final LongConsumer IGNORE_WRITE = v -> { };

    private static final class Register {
        final long offset;
        final int width;
        final LongSupplier read;
        final LongConsumer write;
        final boolean partialWrites;

        Register(long offset, int width, LongSupplier read, LongConsumer write, boolean partialWrites) {
            this.offset = offset;
            this.width = width;
            this.read = read;
            this.write = write;
            this.partialWrites = partialWrites;
        }
    }

    private final Register[] words;
    private UnmappedAccess unmapped = UnmappedAccess.IGNORE;

    /** A map for a device window of {@code size} bytes. */
    public RegisterMap(long size) {
        if (size <= 0 || size > (64 << 20) || size % 4 != 0) {
            throw new IllegalArgumentException("register map size must be a multiple of 4 up to 64 MiB");
        }
        words = new Register[(int) (size / 4)];
    }

    public RegisterMap onUnmapped(UnmappedAccess listener) {
        this.unmapped = listener;
        return this;
    }

    /** A 32-bit register. */
    public RegisterMap reg32(long offset, LongSupplier read, LongConsumer write) {
        return add(new Register(offset, 4, read, write, false));
    }

    /** A read-only 32-bit register (writes are ignored). */
    public RegisterMap reg32(long offset, LongSupplier read) {
        return reg32(offset, read, IGNORE_WRITE);
    }

    /** A 64-bit register, also accessible as two 32-bit halves. */
    public RegisterMap reg64(long offset, LongSupplier read, LongConsumer write) {
        return add(new Register(offset, 8, read, write, true));
    }

    /** A 32-bit register whose bytes can be written individually (read-modify-write of the others). */
    public RegisterMap reg32Bytes(long offset, LongSupplier read, LongConsumer write) {
        return add(new Register(offset, 4, read, write, true));
    }

    /** {@code count} 32-bit registers {@code 4} bytes apart starting at {@code offset}. */
    public RegisterMap array32(long offset, int count, IntToLongFunction read, IndexedWrite write) {
        return array(offset, count, 4, false, read, write);
    }

    /** Like {@link #array32}, with byte-writable elements (e.g. GIC priority and target registers). */
    public RegisterMap array32Bytes(long offset, int count, IntToLongFunction read, IndexedWrite write) {
        return array(offset, count, 4, true, read, write);
    }

    /** {@code count} 64-bit registers 8 bytes apart starting at {@code offset}. */
    public RegisterMap array64(long offset, int count, IntToLongFunction read, IndexedWrite write) {
        return array(offset, count, 8, true, read, write);
    }

    private RegisterMap array(long offset, int count, int width, boolean partial, IntToLongFunction read,
            IndexedWrite write) {
        for (int i = 0; i < count; i++) {
            int index = i;
            add(new Register(offset + (long) i * width, width, () -> read.applyAsLong(index),
                    v -> write.write(index, v), partial));
        }
        return this;
    }

    private RegisterMap add(Register r) {
        if (r.offset % r.width != 0) {
            throw new IllegalArgumentException(String.format("register at 0x%x is not aligned to its width",
                    r.offset));
        }
        for (int w = 0; w < r.width / 4; w++) {
            int slot = (int) (r.offset / 4) + w;
            if (slot >= words.length) {
                throw new IllegalArgumentException(String.format("register at 0x%x is outside the map", r.offset));
            }
            if (words[slot] != null) {
                throw new IllegalArgumentException(String.format("two registers at 0x%x", slot * 4L));
            }
            words[slot] = r;
        }
        return this;
    }

    @Override
    public long read(long offset, int size) {
        Register r = lookup(offset, size);
        if (r == null) {
            unmapped.access(offset, size, false, 0);
            return 0;
        }
        long value = r.read.getAsLong();
        int shift = (int) (offset - r.offset) * 8;
        return size == 8 ? value : (value >>> shift) & mask(size);
    }

    @Override
    public void write(long offset, int size, long value) {
        Register r = lookup(offset, size);
        if (r == null) {
            unmapped.access(offset, size, true, value);
            return;
        }
        if (size == r.width) {
            r.write.accept(value);
            return;
        }
        if (!r.partialWrites) {
            unmapped.access(offset, size, true, value);
            return;
        }
        int shift = (int) (offset - r.offset) * 8;
        long fieldMask = mask(size) << shift;
        r.write.accept((r.read.getAsLong() & ~fieldMask) | ((value << shift) & fieldMask));
    }

    /** The register containing an access, or null (also for accesses that straddle registers). */
    private Register lookup(long offset, int size) {
        if (offset < 0 || offset + size > words.length * 4L) {
            return null;
        }
        Register r = words[(int) (offset >>> 2)];
        if (r == null || offset + size > r.offset + r.width) {
            return null;
        }
        return r;
    }

    private static long mask(int size) {
        return size >= 8 ? -1L : (1L << (size * 8)) - 1;
    }
}
