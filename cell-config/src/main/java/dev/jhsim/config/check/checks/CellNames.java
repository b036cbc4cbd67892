package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import java.util.ArrayList;
import java.util.List;

/** Cells with the name of an earlier cell of the set: the hypervisor refuses to create the second (EEXIST). */
final class CellNames extends NamedCheck {
    CellNames() {
        super("cell-names", "Cells with the same name");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        List<CheckedCell> cells = set.cells();
        for (int b = 1; b < cells.size(); b++) {
            CheckedCell cell = cells.get(b);
            for (CheckedCell earlier : cells.subList(0, b)) {
                if (earlier.name().equals(cell.name())) {
                    findings.add(cell.finding(Element.CELL, "'" + cell.name() + "' is also the name of "
                            + (earlier.root() ? "the root cell" : "the cell in " + earlier.input().fileName()),
                            "give every cell of the set its own name"));
                    break;
                }
            }
        }
        return findings;
    }
}
