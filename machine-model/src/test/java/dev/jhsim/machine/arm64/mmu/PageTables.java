package dev.jhsim.machine.arm64.mmu;

import dev.jhsim.machine.bus.PhysicalBus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds 4 KiB-granule translation tables in simulated RAM for tests, the
 * way an OS or hypervisor would: tables allocated from a pool, descriptors
 * written as little-endian longs. Addresses given are where the tables live
 * as the walker sees them (physical, or intermediate physical for stage 1
 * under stage 2).
 */
public final class PageTables {
    /** Stage-1 leaf attributes: valid, AF, inner shareable, AttrIndx 0. */
    public static final long S1_NORMAL = 1L << 10 | 3L << 8;
    public static final long AP_EL0 = 1L << 6;
    public static final long AP_READ_ONLY = 1L << 7;
    public static final long NOT_GLOBAL = 1L << 11;
    public static final long PXN = 1L << 53;
    public static final long UXN = 1L << 54;
    public static final long NO_AF = 1L << 10;
    /** Stage-2 leaf attributes: AF, normal write-back memory. */
    public static final long S2_NORMAL = 1L << 10 | 0xFL << 2 | 3L << 8;
    public static final long S2_READ = 1L << 6;
    public static final long S2_WRITE = 1L << 7;
    public static final long S2_XN = 1L << 54;

    private final PhysicalBus bus;
    private final long tableAddressOffset;
    private long next;
    private final long root;
    private final int startLevel;
    private final int rootIndexBits;

    /**
     * Tables are carved from physical memory at {@code poolPa}; the walker
     * sees them at {@code poolPa + tableAddressOffset} (non-zero when stage 2
     * maps the pool elsewhere). The walk starts at {@code startLevel} with a
     * root of 2^{@code rootIndexBits} entries.
     */
    public PageTables(PhysicalBus bus, long poolPa, long tableAddressOffset, int startLevel, int rootIndexBits) {
        this.bus = bus;
        this.tableAddressOffset = tableAddressOffset;
        this.next = poolPa;
        this.startLevel = startLevel;
        this.rootIndexBits = rootIndexBits;
        this.root = allocate(8L << rootIndexBits);
    }

    private long allocate(long bytes) {
        long at = next;
        next += Math.max(4096, bytes);
        byte[] zeros = new byte[(int) Math.max(4096, bytes)];
        bus.writeBytes(at, zeros, 0, zeros.length);
        return at;
    }

    /** Maps {@code input} to {@code output} with a leaf at {@code level} (3: 4 KiB page, 2: 2 MiB, 1: 1 GiB). */
    public void map(long input, long output, int level, long attributes) {
        long table = root;
        for (int l = startLevel; l < level; l++) {
            long slot = table + index(input, l) * 8;
            long d = read(slot);
            if ((d & 3) != 3) {
                long newTable = allocate(4096);
                d = (newTable + tableAddressOffset) | 3;
                write(slot, d);
            }
            table = (d & 0x0000_FFFF_FFFF_F000L) - tableAddressOffset;
        }
        write(table + index(input, level) * 8, output | attributes | (level == 3 ? 3 : 1));
    }

    /** Clears the leaf that maps {@code input}. */
    void unmap(long input, int level) {
        long table = root;
        for (int l = startLevel; l < level; l++) {
            table = (read(table + index(input, l) * 8) & 0x0000_FFFF_FFFF_F000L) - tableAddressOffset;
        }
        write(table + index(input, level) * 8, 0);
    }

    /** The root as TTBR/VTTBR bits 47:1 hold it. */
    public long rootAddress() {
        return root + tableAddressOffset;
    }

    private long index(long input, int level) {
        int bits = level == startLevel ? rootIndexBits : 9;
        return (input >>> (12 + 9 * (3 - level))) & ((1L << bits) - 1);
    }

    private long read(long pa) {
        byte[] b = new byte[8];
        bus.readBytes(pa, b, 0, 8);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private void write(long pa, long value) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        bus.writeBytes(pa, b, 0, 8);
    }
}
