package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.hypervisor.driver.Errno;
import java.util.List;

/**
 * Checks of a new cell's memory regions that upstream leaves to its
 * configuration checker, made here so that no configuration breaks the
 * partitioning: a region stage 2 cannot map exactly is refused, as is one
 * reaching into the hypervisor memory or into memory another non-root cell
 * holds, unless both cells share it with the root cell. Each refusal says
 * which regions.
 */
final class CellChecks {
    private static final long IO_WIDTHS = MemoryRegion.IO_8 | MemoryRegion.IO_16 | MemoryRegion.IO_32
            | MemoryRegion.IO_64;

    private CellChecks() {
    }

    static void check(Jailhouse hv, dev.jhsim.config.model.Cell config) {
        List<MemoryRegion> regions = config.memoryRegions();
        MemoryRegion hypervisor = hv.system().hypervisorMemory();
        for (int n = 0; n < regions.size(); n++) {
            MemoryRegion region = regions.get(n);
            if (region.has(MemoryRegion.COMM_REGION)) {
                checkCommRegion(n, region);
                continue;
            }
            checkAlignment(n, region);
            if (overlaps(region, hypervisor.physStart(), hypervisor.size())) {
                throw HypervisorError.of(Errno.EINVAL, "memory region %d (0x%x-0x%x) overlaps the hypervisor memory",
                        n, region.physStart(), region.physLast());
            }
            for (Cell other : hv.cells()) {
                if (other != hv.root()) {
                    checkNotTaken(n, region, other);
                }
            }
        }
    }

    private static void checkCommRegion(int n, MemoryRegion region) {
        if (region.size() > PhysicalMemory.PAGE_SIZE || (region.virtStart() & ~PhysicalMemory.PAGE_MASK) != 0) {
            throw HypervisorError.of(Errno.EINVAL, "memory region %d: the communication region is one page at a page"
                    + " boundary, not 0x%x bytes at 0x%x", n, region.size(), region.virtStart());
        }
    }

    /** Stage 2 maps whole pages; anything finer must be MMIO emulated at a permitted access width. */
    private static void checkAlignment(int n, MemoryRegion region) {
        if (SubpageRegion.isSubpage(region)) {
            if ((region.flags() & IO_WIDTHS) == 0) {
                throw HypervisorError.of(Errno.EINVAL, "memory region %d (0x%x, 0x%x bytes) is not page-aligned and"
                        + " permits no access width (JAILHOUSE_MEM_IO_8..64)", n, region.virtStart(), region.size());
            }
        } else if ((region.physStart() & ~PhysicalMemory.PAGE_MASK) != 0) {
            throw HypervisorError.of(Errno.EINVAL, "memory region %d: physical start 0x%x is not page-aligned", n,
                    region.physStart());
        }
    }

    private static void checkNotTaken(int n, MemoryRegion region, Cell other) {
        List<MemoryRegion> theirs = other.memoryRegions();
        for (int m = 0; m < theirs.size(); m++) {
            MemoryRegion taken = theirs.get(m);
            boolean shared = region.has(MemoryRegion.ROOTSHARED) && taken.has(MemoryRegion.ROOTSHARED);
            if (!taken.has(MemoryRegion.COMM_REGION) && !shared
                    && overlaps(region, taken.physStart(), taken.size())) {
                throw HypervisorError.of(Errno.EBUSY, "memory region %d (0x%x-0x%x) overlaps region %d of cell \"%s\"",
                        n, region.physStart(), region.physLast(), m, other.name());
            }
        }
    }

    private static boolean overlaps(MemoryRegion region, long start, long size) {
        return region.size() > 0 && size > 0 && region.physStart() < start + size
                && start < region.physStart() + region.size();
    }
}
