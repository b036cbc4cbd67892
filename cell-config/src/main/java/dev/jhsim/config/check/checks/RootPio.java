package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.PioRegion;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** x86 port I/O ranges of a non-root cell that no PIO region of the root cell covers. */
final class RootPio extends ElementCheck<PioRegion> {
    RootPio() {
        super("root-pio", "Non-root port I/O not owned by the root cell", Scope.NON_ROOT_CELLS, Cell::pioRegions);
    }

    @Override
    public boolean appliesTo(ConfigSet set) {
        return !set.isArm();
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, PioRegion pio) {
        List<AddressRange> rootPorts = set.root().cell().pioRegions().stream().map(RootPio::ports)
                .flatMap(Optional::stream).toList();
        List<AddressRange> missing = ports(pio).map(p -> p.minus(rootPorts)).orElse(List.of());
        if (missing.isEmpty()) {
            return List.of();
        }
        String ports = missing.stream().map(AddressRange::toString).collect(Collectors.joining(", "));
        return List.of(cell.finding(Element.pioRegion(index), "ports " + ports + " are in no PIO region of the root"
                + " cell",
                "give the root cell a PIO region covering them: cells are carved out of the root cell"));
    }

    static Optional<AddressRange> ports(PioRegion pio) {
        return AddressRange.of(pio.base(), pio.length());
    }
}
