package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import java.util.List;
import java.util.Optional;

/** Cells with the name of an earlier cell of the set: the hypervisor refuses to create the second (EEXIST). */
final class CellNames extends NamedCheck {
    CellNames() {
        super("cell-names", "Cells with the same name");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        return set.nonRoot().stream().flatMap(cell -> {
            Optional<CheckedCell> first = set.before(cell).stream().filter(c -> c.name().equals(cell.name()))
                    .findFirst();
            return first.map(earlier -> cell.finding(Element.CELL, "'" + cell.name() + "' is also the name of "
                    + (earlier.root() ? "the root cell" : "the cell in " + earlier.input().fileName()),
                    "give every cell of the set its own name")).stream();
        }).toList();
    }
}
