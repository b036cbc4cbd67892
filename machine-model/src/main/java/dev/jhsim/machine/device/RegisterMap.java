package dev.jhsim.machine.device;

import dev.jhsim.machine.bus.MmioDevice;
import java.util.function.IntToLongFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A peripheral as a table of registers: each register has an offset, a width
 * (1, 2, 4 or 8 bytes), a read function and a write function. Accesses narrower
 * than a register read the containing bytes (calling the read function once, so
 * a register whose read has a side effect, like a receive FIFO, has it once);
 * what a narrower write does is the register's {@link NarrowWrites} policy.
 * Offsets with no register read as zero and ignore writes, and are reported to
 * the {@link UnmappedAccess} listener.
 *
 * <p>Lookups index an array by 32-bit word (a word holding narrower registers
 * indexes them by byte), so an access costs no allocation and no hashing.
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

    /** What a write narrower than its register does. */
    public enum NarrowWrites {
        /** Ignored and reported as unmapped: the register is written whole or not at all. */
        IGNORED,
        /** Merged into the current value (byte-writable registers whose reads have no side effect). */
        MERGED,
        /**
         * Passed to the register in place, the other bytes zero: write-one-to-clear registers, data
         * registers, and peripherals on buses without byte strobes, where a narrow write at the
         * register's offset lands in its low bits.
         */
        IN_PLACE
    }

    private static final LongConsumer IGNORE_WRITE = v -> { };

    private static final class Register {
        final long offset;
        final int width;
        final LongSupplier read;
        final LongConsumer write;
        final NarrowWrites narrowWrites;
        /** For a word slot holding narrower registers: the register at each byte, else null. */
        final Register[] lanes;

        Register(long offset, int width, LongSupplier read, LongConsumer write, NarrowWrites narrowWrites) {
            this.offset = offset;
            this.width = width;
            this.read = read;
            this.write = write;
            this.narrowWrites = narrowWrites;
            this.lanes = null;
        }

        Register(long wordOffset) {
            this.offset = wordOffset;
            this.width = 4;
            this.read = null;
            this.write = null;
            this.narrowWrites = null;
            this.lanes = new Register[4];
        }
    }

    private final Register[] words;
    private final NarrowWrites defaultNarrowWrites;
    private UnmappedAccess unmapped = UnmappedAccess.IGNORE;

    /** A map for a device window of {@code size} bytes whose 32-bit registers ignore narrow writes. */
    public RegisterMap(long size) {
        this(size, NarrowWrites.IGNORED);
    }

    /**
     * A map for a device window of {@code size} bytes; {@code narrowWrites} is the policy of the
     * registers added by {@link #reg32} and {@link #array32}.
     */
    public RegisterMap(long size, NarrowWrites narrowWrites) {
        if (size <= 0 || size > (64 << 20) || size % 4 != 0) {
            throw new IllegalArgumentException("register map size must be a multiple of 4 up to 64 MiB");
        }
        words = new Register[(int) (size / 4)];
        defaultNarrowWrites = narrowWrites;
    }

    public RegisterMap onUnmapped(UnmappedAccess listener) {
        this.unmapped = listener;
        return this;
    }

    /** A 32-bit register. */
    public RegisterMap reg32(long offset, LongSupplier read, LongConsumer write) {
        return add(new Register(offset, 4, read, write, defaultNarrowWrites));
    }

    /** A read-only 32-bit register (writes are ignored). */
    public RegisterMap reg32(long offset, LongSupplier read) {
        return reg32(offset, read, IGNORE_WRITE);
    }

    /** A 64-bit register, also accessible as two 32-bit halves. */
    public RegisterMap reg64(long offset, LongSupplier read, LongConsumer write) {
        return add(new Register(offset, 8, read, write, NarrowWrites.MERGED));
    }

    /** A register of {@code width} 1, 2, 4 or 8 bytes taking narrower writes as {@code narrowWrites} says. */
    public RegisterMap reg(long offset, int width, NarrowWrites narrowWrites, LongSupplier read, LongConsumer write) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("register width must be 1, 2, 4 or 8 bytes, not " + width);
        }
        return add(new Register(offset, width, read, write, narrowWrites));
    }

    /** {@code count} 32-bit registers {@code 4} bytes apart starting at {@code offset}. */
    public RegisterMap array32(long offset, int count, IntToLongFunction read, IndexedWrite write) {
        return array(offset, count, 4, defaultNarrowWrites, read, write);
    }

    /** Like {@link #array32}, with byte-writable elements (e.g. GIC priority and target registers). */
    public RegisterMap array32Bytes(long offset, int count, IntToLongFunction read, IndexedWrite write) {
        return array(offset, count, 4, NarrowWrites.MERGED, read, write);
    }

    /** {@code count} 64-bit registers 8 bytes apart starting at {@code offset}. */
    public RegisterMap array64(long offset, int count, IntToLongFunction read, IndexedWrite write) {
        return array(offset, count, 8, NarrowWrites.MERGED, read, write);
    }

    private RegisterMap array(long offset, int count, int width, NarrowWrites narrowWrites, IntToLongFunction read,
            IndexedWrite write) {
        for (int i = 0; i < count; i++) {
            int index = i;
            add(new Register(offset + (long) i * width, width, () -> read.applyAsLong(index),
                    v -> write.write(index, v), narrowWrites));
        }
        return this;
    }

    private RegisterMap add(Register r) {
        if (r.offset < 0 || r.offset % r.width != 0) {
            throw new IllegalArgumentException(String.format("register at 0x%x is not aligned to its width",
                    r.offset));
        }
        if (r.offset + r.width > words.length * 4L) {
            throw new IllegalArgumentException(String.format("register at 0x%x is outside the map", r.offset));
        }
        if (r.width < 4) {
            return addNarrow(r);
        }
        for (int w = 0; w < r.width / 4; w++) {
            int slot = (int) (r.offset / 4) + w;
            if (words[slot] != null) {
                throw new IllegalArgumentException(String.format("two registers at 0x%x", slot * 4L));
            }
            words[slot] = r;
        }
        return this;
    }

    private RegisterMap addNarrow(Register r) {
        int slot = (int) (r.offset / 4);
        if (words[slot] == null) {
            words[slot] = new Register(slot * 4L);
        }
        Register[] lanes = words[slot].lanes;
        for (int b = 0; b < r.width; b++) {
            int lane = (int) (r.offset % 4) + b;
            if (lanes == null || lanes[lane] != null) {
                throw new IllegalArgumentException(String.format("two registers at 0x%x", r.offset));
            }
            lanes[lane] = r;
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
        int shift = (int) (offset - r.offset) * 8;
        long fieldMask = mask(size) << shift;
        switch (r.narrowWrites) {
            case IGNORED -> unmapped.access(offset, size, true, value);
            case MERGED -> r.write.accept((r.read.getAsLong() & ~fieldMask) | ((value << shift) & fieldMask));
            case IN_PLACE -> r.write.accept((value << shift) & fieldMask);
        }
    }

    /** The register containing an access, or null (also for accesses that straddle registers). */
    private Register lookup(long offset, int size) {
        if (offset < 0 || offset + size > words.length * 4L) {
            return null;
        }
        Register r = words[(int) (offset >>> 2)];
        if (r != null && r.lanes != null) {
            r = r.lanes[(int) (offset & 3)];
        }
        if (r == null || offset + size > r.offset + r.width) {
            return null;
        }
        return r;
    }

    private static long mask(int size) {
        return size >= 8 ? -1L : (1L << (size * 8)) - 1;
    }
}
