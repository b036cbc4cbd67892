package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * Regions that are not page-aligned where it matters. RAM (any region
 * without IO) must be aligned in phys_start, virt_start and size, or the
 * hypervisor turns it into emulated MMIO. An IO region with aligned
 * virt_start and size is mapped page-wise: a phys_start inside a page is
 * silently rounded down, mapping other memory than intended. (The comm
 * region's phys_start is ignored: the hypervisor provides its page.)
 */
final class RegionAlignment extends ElementCheck<MemoryRegion> {
    static final long PAGE_SIZE = 0x1000;

    RegionAlignment() {
        super("region-alignment", "Memory regions not page-aligned", Scope.ALL_CELLS, Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion r) {
        if (r.size() == 0) {
            return List.of();
        }
        boolean physMatters = !r.has(MemoryRegion.COMM_REGION);
        List<String> misaligned = new ArrayList<>();
        if (physMatters && !aligned(r.physStart())) {
            misaligned.add("phys_start");
        }
        if (!aligned(r.virtStart())) {
            misaligned.add("virt_start");
        }
        if (!aligned(r.size())) {
            misaligned.add("size");
        }
        if (!r.has(MemoryRegion.IO) && !misaligned.isEmpty()) {
            return List.of(cell.regionFinding(index, "RAM region with " + String.join(", ", misaligned)
                    + " not page-aligned: the hypervisor would emulate it as sub-page MMIO",
                    "align phys_start, virt_start and size to 4 KiB (0x1000), or make it an IO region"));
        }
        if (physMatters && !isSubpage(r) && !aligned(r.physStart())) {
            return List.of(cell.regionFinding(index, String.format("phys_start is not page-aligned while"
                    + " virt_start and size are: the hypervisor maps the page at 0x%x", r.physStart() & -PAGE_SIZE),
                    "align phys_start to 4 KiB (0x1000), as virt_start is"));
        }
        return List.of();
    }

    /** Regions the hypervisor does not map but emulates ({@code JAILHOUSE_MEMORY_IS_SUBPAGE}). */
    static boolean isSubpage(MemoryRegion r) {
        return !aligned(r.virtStart()) || !aligned(r.size());
    }

    private static boolean aligned(long value) {
        return (value & (PAGE_SIZE - 1)) == 0;
    }
}
