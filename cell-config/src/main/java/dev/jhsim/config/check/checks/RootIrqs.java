package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.IrqChip;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Interrupt lines of a non-root cell that the root cell does not own and so cannot hand over. */
final class RootIrqs extends NamedCheck {
    RootIrqs() {
        super("root-irqs", "Non-root interrupt lines not owned by the root cell");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.nonRoot()) {
            for (int i = 0; i < cell.cell().irqchips().size(); i++) {
                IrqChip chip = cell.cell().irqchips().get(i);
                if (!IrqLines.atKnownController(set, chip)) {
                    continue;
                }
                TreeSet<Long> missing = new TreeSet<>(chip.pins());
                missing.removeAll(IrqLines.granted(set.root().cell(), chip.address()));
                if (!missing.isEmpty()) {
                    findings.add(cell.finding(Element.irqchip(i), IrqLines.named(missing)
                            + " not granted to the root cell",
                            "grant the lines in the root cell's irqchip of the same controller, or drop them here"));
                }
            }
        }
        return findings;
    }
}
