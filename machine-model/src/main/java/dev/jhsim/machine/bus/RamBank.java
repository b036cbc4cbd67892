package dev.jhsim.machine.bus;

/**
 * A bank of RAM at a physical base address. Sparse: a 4 KiB host page is
 * allocated only when the guest first touches it, so a bank can span gigabytes
 * of the 48-bit space while costing only what is used.
 */
public final class RamBank {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;

    private final long base;
    private final long size;
    private final LongMap<byte[]> pages = new LongMap<>();

    public RamBank(long base, long size) {
        if ((base | size) % PAGE_SIZE != 0 || size <= 0) {
            throw new IllegalArgumentException("RAM bank must be page aligned: base 0x"
                    + Long.toHexString(base) + " size 0x" + Long.toHexString(size));
        }
        this.base = base;
        this.size = size;
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    public boolean contains(long pa) {
        return pa - base >= 0 && pa - base < size;
    }

    /** The host page backing the physical page containing {@code pa}, allocated on first touch. */
    public byte[] page(long pa) {
        long pageNumber = pa >>> PAGE_SHIFT;
        byte[] page = pages.get(pageNumber);
        if (page == null) {
            page = new byte[PAGE_SIZE];
            pages.put(pageNumber, page);
        }
        return page;
    }

    /** How many pages have host memory behind them. */
    public int touchedPages() {
        return pages.size();
    }
}
