package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.MemoryRegion;
import java.util.List;

/** LOADABLE regions without WRITE: {@code jailhouse cell load} refuses to load into them. */
final class LoadableWrite extends ElementCheck<MemoryRegion> {
    LoadableWrite() {
        super("loadable-write", "LOADABLE regions without WRITE", Scope.ALL_CELLS, Cell::memoryRegions);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, MemoryRegion r) {
        if (!r.has(MemoryRegion.LOADABLE) || r.has(MemoryRegion.WRITE)) {
            return List.of();
        }
        return List.of(cell.regionFinding(index, "LOADABLE without WRITE: images cannot be loaded into it",
                "add JAILHOUSE_MEM_WRITE, or drop JAILHOUSE_MEM_LOADABLE"));
    }
}
