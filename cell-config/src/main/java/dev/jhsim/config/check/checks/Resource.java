package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Dumps;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A physical range the hypervisor keeps for itself or emulates (its memory,
 * MMCONFIG, an IOMMU, a GIC part, an APIC): no cell may map it.
 *
 * @param name how findings name it ({@code overlaps with NAME})
 * @param dump how findings describe it
 * @param hint the fix for a region that maps it
 */
record Resource(String name, long start, long size, List<String> dump, String hint) {

    /** A resource described 1:1 and without flags, as upstream lists system resources. */
    static Resource of(String name, long start, long size, String hint) {
        return new Resource(name, start, size, Dumps.resource(start, size), hint);
    }

    /** Each region of each cell physically overlapping one of {@code resources}; cells, regions, resources in order. */
    static List<Finding> mappedBy(ConfigSet set, List<Resource> resources) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.cells()) {
            for (int i = 0; i < cell.regions().size(); i++) {
                MemoryRegion region = cell.regions().get(i);
                for (Resource resource : resources) {
                    if (physOverlap(region, resource.start, resource.size)) {
                        findings.add(cell.regionFinding(i, "overlaps with " + resource.name, resource.hint)
                                .withRelated(resource.dump));
                    }
                }
            }
        }
        return findings;
    }

    /** Whether the region's physical range and {@code size} bytes at {@code start} share an address. */
    static boolean physOverlap(MemoryRegion region, long start, long size) {
        Optional<AddressRange> a = AddressRange.of(region.physStart(), region.size());
        Optional<AddressRange> b = AddressRange.of(start, size);
        return a.isPresent() && b.isPresent() && a.get().overlaps(b.get());
    }
}
