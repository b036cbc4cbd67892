package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Non-root memory the root cell does not own. A cell is carved out of the
 * root cell: memory outside the root cell's regions belongs to nobody the
 * hypervisor knows of (the comm region, which the hypervisor provides, is exempt).
 */
final class RootMemory extends ElementCheck<MemoryRegion> {
    RootMemory() {
        super("root-memory", "Non-root memory not owned by the root cell", Scope.NON_ROOT_CELLS, Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion region) {
        Optional<AddressRange> range = AddressRange.of(region.physStart(), region.size());
        if (region.has(MemoryRegion.COMM_REGION) || range.isEmpty()) {
            return List.of();
        }
        List<AddressRange> rootRanges = set.root().regions().stream()
                .map(r -> AddressRange.of(r.physStart(), r.size())).flatMap(Optional::stream).toList();
        List<AddressRange> missing = range.get().minus(rootRanges);
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(cell.regionFinding(index, missing.stream().map(AddressRange::toString)
                .collect(Collectors.joining(", ")) + " is in no region of the root cell",
                "give the root cell a region covering it: cells are carved out of the root cell"));
    }
}
