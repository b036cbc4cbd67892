package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.IrqChip;
import java.util.List;
import java.util.TreeSet;

/** Interrupt lines of a non-root cell that the root cell does not own and so cannot hand over. */
final class RootIrqs extends ElementCheck<IrqChip> {
    RootIrqs() {
        super("root-irqs", "Non-root interrupt lines not owned by the root cell", Scope.NON_ROOT_CELLS, Cell::irqchips);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, IrqChip chip) {
        TreeSet<Long> missing = new TreeSet<>(chip.pins());
        missing.removeAll(IrqLines.granted(set.root().cell(), chip.address()));
        if (!IrqLines.atKnownController(set, chip) || missing.isEmpty()) {
            return List.of();
        }
        return List.of(cell.finding(Element.irqchip(index), IrqLines.named(missing) + " not granted to the root cell",
                "grant the lines in the root cell's irqchip of the same controller, or drop them here"));
    }
}
