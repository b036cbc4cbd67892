package dev.jhsim.hypervisor.arm64;

import dev.jhsim.hypervisor.core.PagePool;
import dev.jhsim.hypervisor.core.PhysicalMemory;

/**
 * Stage-2 translation tables in RAM, in the AArch64 4 KiB-granule format
 * with four levels (level 0 starts at IPA bit 39; blocks of 1 GiB at level 1
 * and 2 MiB at level 2; pages at level 3). Tables come from the memory pool.
 * Creating a mapping uses the largest blocks that fit unless told not to;
 * replacing a finer mapping by a block frees its tables; unmapping part of
 * a block splits it; a table left empty is freed. This is the algorithm of
 * upstream's {@code paging_create}/{@code paging_destroy}.
 */
public final class PageTables {
    public static final long PAGE_SIZE = PhysicalMemory.PAGE_SIZE;
    public static final long INVALID = -1;

    /** Descriptor bits. */
    public static final long VALID = 1;
    public static final long TABLE_OR_PAGE = 1L << 1;
    public static final long ACCESS_FLAG = 1L << 10;
    public static final long S2_READ = 1L << 6;
    public static final long S2_WRITE = 1L << 7;
    public static final long S2_DEVICE = 0x1L << 2;
    public static final long S2_NORMAL = 0xFL << 2;

    private static final int LEVELS = 4;
    private static final int[] SHIFT = {39, 30, 21, 12};
    private static final long ADDRESS = 0x0000_FFFF_FFFF_F000L;
    private static final int ENTRIES = 512;

    private final PhysicalMemory memory;
    private final PagePool pool;

    public PageTables(PhysicalMemory memory, PagePool pool) {
        this.memory = memory;
        this.pool = pool;
    }

    /** Maps {@code size} bytes at {@code virt} to {@code phys} with the descriptor {@code flags}. */
    public void create(long root, long phys, long size, long virt, long flags, boolean huge) {
        phys &= PhysicalMemory.PAGE_MASK;
        virt &= PhysicalMemory.PAGE_MASK;
        size = align(size);
        while (size > 0) {
            long table = root;
            int level = 0;
            while (true) {
                long entry = entry(table, level, virt);
                long blockSize = blockSize(level);
                if (blockSize > 0 && blockSize <= size && ((phys | virt) & (blockSize - 1)) == 0
                        && (huge || blockSize == PAGE_SIZE)) {
                    if (blockSize > PAGE_SIZE) {
                        destroy(table, level, virt, blockSize);
                    }
                    memory.write64(entry, terminal(level, phys, flags));
                    break;
                }
                long descriptor = memory.read64(entry);
                if ((descriptor & VALID) != 0) {
                    splitBlock(entry, level, virt);
                } else {
                    long next = pool.alloc(1);
                    memory.write64(entry, next | VALID | TABLE_OR_PAGE);
                }
                table = memory.read64(entry) & ADDRESS;
                level++;
            }
            long mapped = blockSize(level);
            phys += mapped;
            virt += mapped;
            size -= mapped;
        }
    }

    /** Unmaps {@code size} bytes at {@code virt}, splitting blocks it cuts into and freeing emptied tables. */
    public void destroy(long root, long virt, long size) {
        destroy(root, 0, virt, size);
    }

    private void destroy(long root, int rootLevel, long virt, long size) {
        size = align(size);
        long[] tables = new long[LEVELS];
        while (size > 0) {
            int n = 0;
            int level = rootLevel;
            tables[0] = root;
            long entry;
            while (true) {
                entry = entry(tables[n], level, virt);
                long descriptor = memory.read64(entry);
                if ((descriptor & VALID) == 0) {
                    break;
                }
                if (physical(level, descriptor, virt) != INVALID) {
                    long mappingSize = Math.max(blockSize(level), PAGE_SIZE);
                    long start = virt & -mappingSize;
                    if (virt <= start && virt + (size - 1) >= start + (mappingSize - 1)) {
                        break;
                    }
                    splitBlock(entry, level, virt);
                }
                tables[++n] = memory.read64(entry) & ADDRESS;
                level++;
            }
            // Up to the end of what this entry covers: all of a removed block, the rest of a hole.
            long span = 1L << SHIFT[level];
            long step = span - (virt & (span - 1));
            while (true) {
                memory.write64(entry, 0);
                if (n == 0 || !empty(tables[n])) {
                    break;
                }
                pool.free(tables[n], 1);
                level--;
                entry = entry(tables[--n], level, virt);
            }
            if (step >= size) {
                break;
            }
            virt += step;
            size -= step;
        }
    }

    /** The physical address {@code virt} maps to, or {@link #INVALID}. */
    public long translate(long root, long virt) {
        long table = root;
        for (int level = 0; level < LEVELS; level++) {
            long descriptor = memory.read64(entry(table, level, virt));
            if ((descriptor & VALID) == 0) {
                return INVALID;
            }
            long phys = physical(level, descriptor, virt);
            if (phys != INVALID) {
                return phys;
            }
            table = descriptor & ADDRESS;
        }
        return INVALID;
    }

    /** Replaces a block by a table mapping the same range with the next level's entries. */
    private void splitBlock(long entry, int level, long virt) {
        long descriptor = memory.read64(entry);
        long phys = physical(level, descriptor, virt);
        if (phys == INVALID) {
            return;
        }
        long size = blockSize(level);
        long next = pool.alloc(1);
        memory.write64(entry, next | VALID | TABLE_OR_PAGE);
        long base = virt & -size;
        long flags = descriptor & 0xFFF & ~TABLE_OR_PAGE;
        long sub = blockSize(level + 1);
        for (long offset = 0; offset < size; offset += sub) {
            memory.write64(entry(next, level + 1, base + offset), terminal(level + 1, (phys & -size) + offset,
                    flags));
        }
    }

    private long entry(long table, int level, long virt) {
        return table + ((virt >>> SHIFT[level]) & (ENTRIES - 1)) * 8;
    }

    /** The output address of a block or page descriptor, or INVALID for a table descriptor. */
    private static long physical(int level, long descriptor, long virt) {
        boolean bit1 = (descriptor & TABLE_OR_PAGE) != 0;
        if (level == LEVELS - 1 ? !bit1 : bit1) {
            return INVALID;
        }
        long mask = (1L << SHIFT[level]) - 1;
        return (descriptor & ADDRESS & ~mask) | (virt & mask);
    }

    private static long terminal(int level, long phys, long flags) {
        long descriptor = (phys & ADDRESS & -(1L << SHIFT[level])) | flags;
        return level == LEVELS - 1 ? descriptor | TABLE_OR_PAGE : descriptor;
    }

    /** The size a terminal entry maps at {@code level}; 0 where there are no blocks (level 0). */
    private static long blockSize(int level) {
        return level == 0 ? 0 : 1L << SHIFT[level];
    }

    private boolean empty(long table) {
        for (int n = 0; n < ENTRIES; n++) {
            if ((memory.read64(table + n * 8L) & VALID) != 0) {
                return false;
            }
        }
        return true;
    }

    private static long align(long size) {
        return (size + PAGE_SIZE - 1) & PhysicalMemory.PAGE_MASK;
    }
}
