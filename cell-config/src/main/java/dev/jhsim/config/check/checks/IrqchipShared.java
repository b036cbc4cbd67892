package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.IrqChip;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Interrupt lines granted to two non-root cells: whichever cell is created last takes them from the other. */
final class IrqchipShared extends ElementCheck<IrqChip> {
    IrqchipShared() {
        super("irqchip-shared", "Interrupt lines in more than one non-root cell", Scope.NON_ROOT_CELLS, Cell::irqchips);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, IrqChip chip) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell earlier : set.before(cell)) {
            TreeSet<Long> both = IrqLines.granted(earlier.cell(), chip.address());
            both.retainAll(chip.pins());
            if (!earlier.root() && IrqLines.atKnownController(set, chip) && !both.isEmpty()) {
                findings.add(cell.finding(Element.irqchip(index), IrqLines.named(both) + " also granted to cell '"
                        + earlier.name() + "'", "give each interrupt line to one non-root cell"));
            }
        }
        return findings;
    }
}
