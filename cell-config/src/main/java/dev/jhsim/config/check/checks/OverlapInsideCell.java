package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Dumps;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Upstream's first check: two regions of one cell mapping the same physical or guest-physical addresses. */
final class OverlapInsideCell extends ElementCheck<MemoryRegion> {
    OverlapInsideCell() {
        super("overlap-in-cell", "Overlapping memory regions inside cell", Scope.ALL_CELLS, Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion region) {
        List<Finding> findings = new ArrayList<>();
        for (int j = index + 1; j < cell.regions().size(); j++) {
            String how = how(region, cell.regions().get(j));
            if (how != null) {
                findings.add(cell.regionFinding(index, how + " overlaps with region " + j,
                        "shrink, split or remove one of the regions so that each address is mapped once")
                        .withRelated(Dumps.region(cell.regions().get(j))));
            }
        }
        return findings;
    }

    private static String how(MemoryRegion a, MemoryRegion b) {
        boolean phys = Resource.physOverlap(a, b.physStart(), b.size());
        boolean virt = overlap(AddressRange.of(a.virtStart(), a.size()), AddressRange.of(b.virtStart(), b.size()));
        if (phys && virt) {
            return "physically and virtually";
        }
        return phys ? "physically" : virt ? "virtually" : null;
    }

    private static boolean overlap(Optional<AddressRange> a, Optional<AddressRange> b) {
        return a.isPresent() && b.isPresent() && a.get().overlaps(b.get());
    }
}
