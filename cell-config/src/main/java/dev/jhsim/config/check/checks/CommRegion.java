package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * The communication region: each non-root cell needs exactly one, of
 * exactly one page (the hypervisor maps its comm page there, for the
 * region's size: a larger region would expose hypervisor memory); the root
 * cell has none.
 */
final class CommRegion extends NamedCheck {
    CommRegion() {
        super("comm-region", "Communication region problems");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.cells()) {
            int first = -1;
            for (int i = 0; i < cell.regions().size(); i++) {
                MemoryRegion r = cell.regions().get(i);
                if (!r.has(MemoryRegion.COMM_REGION)) {
                    continue;
                }
                if (cell.root()) {
                    findings.add(cell.regionFinding(i, "the root cell has a communication region",
                            "drop JAILHOUSE_MEM_COMM_REGION: only non-root cells have one"));
                } else if (first >= 0) {
                    findings.add(cell.regionFinding(i, "a second communication region (the first is region "
                            + first + ")", "keep one communication region per cell"));
                } else if (r.size() != RegionAlignment.PAGE_SIZE) {
                    findings.add(cell.regionFinding(i, String.format("the communication region is 0x%x bytes,"
                            + " not the 0x1000 of the comm page", r.size()), "set the size to 0x1000"));
                }
                first = first < 0 ? i : first;
            }
            if (!cell.root() && first < 0) {
                findings.add(cell.finding(Element.CELL, "the cell has no communication region",
                        "add a region of 0x1000 bytes with JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE"
                                + " | JAILHOUSE_MEM_COMM_REGION"));
            }
        }
        return findings;
    }
}
