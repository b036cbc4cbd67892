package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.IrqChip;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Interrupt lines granted to two non-root cells: whichever cell is created last takes them from the other. */
final class IrqchipShared extends NamedCheck {
    IrqchipShared() {
        super("irqchip-shared", "Interrupt lines in more than one non-root cell");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        List<CheckedCell> cells = set.nonRoot();
        for (int b = 0; b < cells.size(); b++) {
            CheckedCell cell = cells.get(b);
            for (int i = 0; i < cell.cell().irqchips().size(); i++) {
                IrqChip chip = cell.cell().irqchips().get(i);
                for (CheckedCell earlier : IrqLines.atKnownController(set, chip) ? cells.subList(0, b)
                        : List.<CheckedCell>of()) {
                    TreeSet<Long> both = IrqLines.granted(earlier.cell(), chip.address());
                    both.retainAll(chip.pins());
                    if (!both.isEmpty()) {
                        findings.add(cell.finding(Element.irqchip(i), IrqLines.named(both)
                                + " also granted to cell '" + earlier.name() + "'",
                                "give each interrupt line to one non-root cell"));
                    }
                }
            }
        }
        return findings;
    }
}
