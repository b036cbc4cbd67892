package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.MemoryRegion;
import java.util.Optional;

/** IO regions that are also EXECUTE: device memory never holds code, so the flag hides a mistake. */
final class ExecutableIo extends RegionCheck {
    ExecutableIo() {
        super("executable-io", "Executable IO regions");
    }

    @Override
    Optional<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion r) {
        if (!r.has(MemoryRegion.IO) || !r.has(MemoryRegion.EXECUTE)) {
            return Optional.empty();
        }
        return Optional.of(cell.regionFinding(index, "IO region with EXECUTE",
                "drop JAILHOUSE_MEM_EXECUTE, or drop JAILHOUSE_MEM_IO if the region is RAM"));
    }
}
