package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.IrqChip;
import java.util.ArrayList;
import java.util.List;

/**
 * Irqchip bitmaps reaching outside their controller. On ARM the pin_base
 * must be a multiple of 32 and the bitmap end at line 1024 at the latest
 * (or the hypervisor refuses the cell); lines 0-31 (SGIs, PPIs) cannot be
 * given to a cell and 1020-1023 are no interrupts. On x86 the pin_base
 * must be 0 and an IOAPIC has at most 120 pins.
 */
final class IrqchipRange extends ElementCheck<IrqChip> {
    private static final int GIC_IDS = 1024;
    private static final int GIC_FIRST_SPI = 32;
    private static final int GIC_FIRST_SPECIAL = 1020;
    private static final int IOAPIC_MAX_PINS = 120;

    IrqchipRange() {
        super("irqchip-range", "Interrupt lines outside the controller", Scope.ALL_CELLS, Cell::irqchips);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, IrqChip chip) {
        if (!IrqLines.atKnownController(set, chip)) {
            return List.of();
        }
        String hint = set.isArm() ? "use a pin_base that is a multiple of 32 and grant only SPIs (32-1019)"
                : "use pin_base 0 and grant only pins 0-119 the IOAPIC has";
        return (set.isArm() ? gicProblems(chip) : ioapicProblems(chip)).stream()
                .map(problem -> cell.finding(Element.irqchip(index), problem, hint)).toList();
    }

    private static List<String> gicProblems(IrqChip chip) {
        List<String> problems = new ArrayList<>();
        if (chip.pinBase() % 32 != 0) {
            problems.add("pin_base " + chip.pinBase() + " is not a multiple of 32: the hypervisor refuses the cell");
        }
        if (chip.pinBase() + 32L * IrqChip.BITMAP_WORDS > GIC_IDS) {
            problems.add("pin_base " + chip.pinBase() + " puts the bitmap beyond interrupt ID 1023:"
                    + " the hypervisor refuses the cell");
        }
        List<Long> local = chip.pins().stream().filter(p -> p < GIC_FIRST_SPI).toList();
        if (!local.isEmpty()) {
            problems.add(IrqLines.named(local) + (local.size() == 1 ? " is an SGI or PPI" : " are SGIs or PPIs")
                    + ", which no cell can be given");
        }
        List<Long> special = chip.pins().stream().filter(p -> p >= GIC_FIRST_SPECIAL).toList();
        if (!special.isEmpty()) {
            problems.add(IrqLines.named(special) + (special.size() == 1 ? " is no interrupt" : " are no interrupts")
                    + " (IDs from 1020 are special)");
        }
        return problems;
    }

    private static List<String> ioapicProblems(IrqChip chip) {
        List<String> problems = new ArrayList<>();
        if (chip.pinBase() != 0) {
            problems.add("pin_base " + chip.pinBase() + " is not 0: the hypervisor refuses the cell");
        }
        List<Long> beyond = chip.pins().stream().filter(p -> p >= IOAPIC_MAX_PINS).toList();
        if (!beyond.isEmpty()) {
            problems.add(IrqLines.named(beyond) + (beyond.size() == 1 ? " is" : " are")
                    + " beyond the 120 pins an IOAPIC can have");
        }
        return problems;
    }
}
