package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.List;

/**
 * Regions of size 0, which map nothing (allowed for the RW and output
 * sections of an ivshmem layout), and regions running past the top of the
 * 64-bit address space.
 */
final class RegionSize extends ElementCheck<MemoryRegion> {
    RegionSize() {
        super("region-size", "Empty and wrapping memory regions", Scope.ALL_CELLS, Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion r) {
        if (r.size() == 0 && !Ivshmem.isOptionalSection(cell.cell(), index)) {
            return List.of(cell.regionFinding(index, "the size is 0: the region maps nothing",
                    "give the region its size, or remove it (unused slots of the array count as regions)"));
        }
        if (AddressRange.wraps(r.physStart(), r.size()) || AddressRange.wraps(r.virtStart(), r.size())) {
            return List.of(cell.regionFinding(index, "the region runs past the end of the 64-bit address space",
                    "check phys_start, virt_start and size: start + size must not exceed 2^64"));
        }
        return List.of();
    }
}
