package dev.jhsim.hypervisor.core;

import dev.jhsim.hypervisor.driver.Errno;

/**
 * A pool of pages handed out first-fit, with its used-page bitmap kept in
 * RAM as upstream keeps it ({@code struct page_pool}). Two pools exist: the
 * memory pool (physical pages of the hypervisor memory, for page tables,
 * communication regions, cell data) and the remap pool (the hypervisor's
 * virtual window for device mappings, whose bitmap lives in memory-pool
 * pages).
 */
public final class PagePool {
    private static final long NO_PAGE = -1;

    private final PhysicalMemory memory;
    private final long baseAddress;
    private final long pages;
    private final long bitmap;
    private final boolean scrubOnFree;
    private long usedPages;

    /**
     * {@code baseAddress}: address of the first page; {@code bitmap}: where
     * the used-page bitmap lies in RAM (one bit per page, cleared by the
     * caller); {@code scrubOnFree}: zero pages when they are freed (they
     * are physical RAM).
     */
    public PagePool(PhysicalMemory memory, long baseAddress, long pages, long bitmap, boolean scrubOnFree) {
        this.memory = memory;
        this.baseAddress = baseAddress;
        this.pages = pages;
        this.bitmap = bitmap;
        this.scrubOnFree = scrubOnFree;
    }

    public long pages() {
        return pages;
    }

    public long usedPages() {
        return usedPages;
    }

    public long baseAddress() {
        return baseAddress;
    }

    /** Marks the first {@code count} pages used: what lies there before the pool hands anything out. */
    public void reserveFirst(long count) {
        for (long n = 0; n < count; n++) {
            setBit(n, true);
        }
        usedPages += count;
    }

    /** {@code num} consecutive pages; throws ENOMEM when there is no such run. */
    public long alloc(int num) {
        return allocInternal(num, 0);
    }

    /** {@code num} (a power of two) consecutive pages starting at a multiple of {@code num} pages. */
    public long allocAligned(int num) {
        return allocInternal(num, num - 1);
    }

    public void free(long address, int num) {
        long pageNumber = (address - baseAddress) / PhysicalMemory.PAGE_SIZE;
        if (scrubOnFree) {
            memory.zeroPages(address, num);
        }
        for (int n = 0; n < num; n++) {
            setBit(pageNumber + n, false);
        }
        usedPages -= num;
    }

    private long allocInternal(int num, long alignMask) {
        long poolStart = baseAddress / PhysicalMemory.PAGE_SIZE;
        long alignedStart = ((poolStart + alignMask) & ~alignMask) - poolStart;
        long next = alignedStart;
        while (true) {
            if (((next - alignedStart) & alignMask) != 0) {
                next += num - ((next - alignedStart) & alignMask);
            }
            long start = findNextFree(next);
            next = start;
            if (start == NO_PAGE || num == 0) {
                throw new HypervisorError(Errno.ENOMEM,
                        "the hypervisor's page pool has no " + num + " free consecutive pages");
            }
            if (((start - alignedStart) & alignMask) != 0) {
                continue;
            }
            if (runIsFree(start, num)) {
                for (int n = 0; n < num; n++) {
                    setBit(start + n, true);
                }
                usedPages += num;
                return baseAddress + start * PhysicalMemory.PAGE_SIZE;
            }
            next = start + 1;
        }
    }

    private boolean runIsFree(long start, int num) {
        if (start + num > pages) {
            return false;
        }
        for (int n = 1; n < num; n++) {
            if (bit(start + n)) {
                return false;
            }
        }
        return true;
    }

    private long findNextFree(long start) {
        for (long n = start; n < pages; n++) {
            if (!bit(n)) {
                return n;
            }
        }
        return NO_PAGE;
    }

    private boolean bit(long n) {
        return (memory.read64(bitmap + n / 64 * 8) >>> (n % 64) & 1) != 0;
    }

    private void setBit(long n, boolean set) {
        long word = bitmap + n / 64 * 8;
        long value = memory.read64(word);
        memory.write64(word, set ? value | 1L << (n % 64) : value & ~(1L << (n % 64)));
    }
}
