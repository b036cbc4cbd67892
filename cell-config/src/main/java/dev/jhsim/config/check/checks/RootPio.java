package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.AddressRange;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.PioRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** x86 port I/O ranges of a non-root cell that no PIO region of the root cell covers. */
final class RootPio extends NamedCheck {
    RootPio() {
        super("root-pio", "Non-root port I/O not owned by the root cell");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<AddressRange> rootPorts = set.root().cell().pioRegions().stream().map(RootPio::ports)
                .flatMap(Optional::stream).toList();
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.nonRoot()) {
            for (int i = 0; i < cell.cell().pioRegions().size(); i++) {
                Optional<AddressRange> ports = ports(cell.cell().pioRegions().get(i));
                List<AddressRange> missing = ports.map(p -> p.minus(rootPorts)).orElse(List.of());
                if (!missing.isEmpty()) {
                    findings.add(cell.finding(Element.pioRegion(i), "ports " + missing.stream()
                            .map(AddressRange::toString).collect(Collectors.joining(", "))
                            + " are in no PIO region of the root cell",
                            "give the root cell a PIO region covering them: cells are carved out of the root cell"));
                }
            }
        }
        return findings;
    }

    static Optional<AddressRange> ports(PioRegion pio) {
        return AddressRange.of(pio.base(), pio.length());
    }
}
