package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Dumps;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory two non-root cells both map, unless both regions say ROOTSHARED
 * (the mark of memory meant to be shared, e.g. ivshmem or a shared UART).
 * Without it, creating one cell takes the memory from the root cell and
 * destroying it gives it back while the other cell still uses it.
 */
final class CellOverlap extends ElementCheck<MemoryRegion> {
    CellOverlap() {
        super("cell-overlap", "Memory shared between non-root cells without intent", Scope.NON_ROOT_CELLS,
                Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion region) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell earlier : set.before(cell)) {
            for (int j = 0; !earlier.root() && j < earlier.regions().size(); j++) {
                if (unintended(region, earlier.regions().get(j))) {
                    findings.add(cell.regionFinding(index, "physically overlaps with region " + j + " of cell '"
                            + earlier.name() + "' and not both are ROOTSHARED", "give each cell its own memory,"
                            + " or mark both regions ROOTSHARED if they are meant to share it")
                            .withRelated(Dumps.region(earlier.regions().get(j))));
                }
            }
        }
        return findings;
    }

    private static boolean unintended(MemoryRegion a, MemoryRegion b) {
        boolean comm = a.has(MemoryRegion.COMM_REGION) || b.has(MemoryRegion.COMM_REGION);
        boolean shared = a.has(MemoryRegion.ROOTSHARED) && b.has(MemoryRegion.ROOTSHARED);
        return !comm && !shared && Resource.physOverlap(a, b.physStart(), b.size());
    }
}
