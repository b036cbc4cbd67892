package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.List;

/** IO regions that are also EXECUTE: device memory never holds code, so the flag hides a mistake. */
final class ExecutableIo extends ElementCheck<MemoryRegion> {
    ExecutableIo() {
        super("executable-io", "Executable IO regions", Scope.ALL_CELLS, Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion r) {
        if (!r.has(MemoryRegion.IO) || !r.has(MemoryRegion.EXECUTE)) {
            return List.of();
        }
        return List.of(cell.regionFinding(index, "IO region with EXECUTE",
                "drop JAILHOUSE_MEM_EXECUTE, or drop JAILHOUSE_MEM_IO if the region is RAM"));
    }
}
