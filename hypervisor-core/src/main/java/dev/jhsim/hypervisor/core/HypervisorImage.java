package dev.jhsim.hypervisor.core;

import java.nio.charset.StandardCharsets;

/**
 * The layout of the hypervisor memory ({@code hypervisor_memory} of the
 * system configuration), as the driver loads it and the hypervisor uses it.
 *
 * <p>Upstream's driver copies the hypervisor binary to the start of that
 * memory, then the per-CPU areas and the system configuration follow, and
 * the rest is the page pool. jhsim's hypervisor is Java, so its "binary" is
 * the four pages the hypervisor does keep in simulated RAM: the header
 * ({@code struct jailhouse_header}, through which the driver finds the
 * console), the console buffer, the empty page that backs the root cell's
 * view of the hypervisor memory, and the root cell's communication page.
 * Its per-CPU data are Java objects, so no per-CPU pages follow. The page
 * pool starts right after the core; its first pages hold the copy of the
 * system configuration and the pool's own used-page bitmap.
 */
public final class HypervisorImage {
    /** Where upstream's arm64 hypervisor runs: the virtual address of its first byte. */
    public static final long JAILHOUSE_BASE = 0x0000_FFFF_C020_0000L;
    public static final int CORE_PAGES = 4;

    private static final int HEADER_PAGE = 0;
    private static final int CONSOLE_PAGE = 1;
    private static final int EMPTY_PAGE = 2;
    private static final int ROOT_CELL_PAGE = 3;
    private static final long PAGE = PhysicalMemory.PAGE_SIZE;
    private static final int BITS_PER_PAGE = PhysicalMemory.PAGE_SIZE * 8;

    private final long start;
    private final long size;
    private final long configSize;

    public HypervisorImage(long start, long size, long configSize) {
        this.start = start;
        this.size = size;
        this.configSize = configSize;
    }

    /** Whether the core and the configuration leave room for a pool (the driver's size check). */
    public boolean fits() {
        return CORE_PAGES * PAGE < size && configSize < size - CORE_PAGES * PAGE;
    }

    /**
     * What the driver does before the hypervisor starts: clear the hypervisor
     * memory, write the header and copy the system configuration behind the core.
     */
    public void load(PhysicalMemory memory, byte[] systemConfig, int maxCpus, int onlineCpus) {
        memory.zeroPages(start, (int) (size / PAGE));
        long header = start + HEADER_PAGE * PAGE;
        memory.write(header, "JAILHOUS".getBytes(StandardCharsets.US_ASCII));
        memory.write64(header + 8, CORE_PAGES * PAGE);
        memory.write64(header + 16, 0);
        memory.write64(header + 32, CONSOLE_PAGE * PAGE);
        memory.write32(header + 48, maxCpus);
        memory.write32(header + 52, onlineCpus);
        memory.write(poolStart(), systemConfig);
    }

    /** The console page, as the header's {@code console_page} offset gives it. */
    public static long consolePage(PhysicalMemory memory, long hypervisorStart) {
        return hypervisorStart + memory.read64(hypervisorStart + 32);
    }

    public long start() {
        return start;
    }

    public long size() {
        return size;
    }

    public long consolePage() {
        return start + CONSOLE_PAGE * PAGE;
    }

    public long emptyPage() {
        return start + EMPTY_PAGE * PAGE;
    }

    public long rootCellPage() {
        return start + ROOT_CELL_PAGE * PAGE;
    }

    /** The virtual address where the core begins, printed as the code location. */
    public long codeLocation() {
        return JAILHOUSE_BASE;
    }

    public long poolStart() {
        return start + CORE_PAGES * PAGE;
    }

    public long poolPages() {
        return (size - CORE_PAGES * PAGE) / PAGE;
    }

    public long configPages() {
        return (configSize + PAGE - 1) / PAGE;
    }

    public long bitmapPages() {
        return (poolPages() + BITS_PER_PAGE - 1) / BITS_PER_PAGE;
    }

    /** Where the pool's used-page bitmap lies: behind the configuration copy. */
    public long bitmap() {
        return poolStart() + configPages() * PAGE;
    }
}
