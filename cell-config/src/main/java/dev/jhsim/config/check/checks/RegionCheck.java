package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A check that looks at each memory region on its own: cells as given, regions ascending. */
abstract class RegionCheck extends NamedCheck {
    RegionCheck(String id, String title) {
        super(id, title);
    }

    /** The finding about region {@code index} of {@code cell}, if it has a problem. */
    abstract Optional<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion region);

    /** Whether the check looks at {@code cell}'s regions; all cells by default. */
    boolean covers(CheckedCell cell) {
        return true;
    }

    @Override
    public final List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.cells()) {
            for (int i = 0; covers(cell) && i < cell.regions().size(); i++) {
                check(set, cell, i, cell.regions().get(i)).ifPresent(findings::add);
            }
        }
        return findings;
    }
}
