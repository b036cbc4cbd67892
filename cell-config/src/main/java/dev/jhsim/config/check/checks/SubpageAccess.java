package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.List;

/**
 * Sub-page IO regions that allow no access width. The hypervisor emulates
 * sub-page regions and permits only the widths the flags name
 * ({@code IO_8}..{@code IO_64}); without any, every access faults.
 */
final class SubpageAccess extends ElementCheck<MemoryRegion> {
    private static final long WIDTHS = MemoryRegion.IO_8 | MemoryRegion.IO_16 | MemoryRegion.IO_32
            | MemoryRegion.IO_64;

    SubpageAccess() {
        super("subpage-access", "Sub-page IO regions without access widths", Scope.ALL_CELLS, Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion r) {
        if (r.size() == 0 || !r.has(MemoryRegion.IO) || !RegionAlignment.isSubpage(r) || (r.flags() & WIDTHS) != 0) {
            return List.of();
        }
        return List.of(cell.regionFinding(index,
                "sub-page IO region without IO_8/IO_16/IO_32/IO_64: every access to it faults",
                "add the access widths the device needs, e.g. JAILHOUSE_MEM_IO_32"));
    }
}
