package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.IrqChip;
import java.util.List;
import java.util.Optional;

/**
 * Irqchips at no interrupt controller of the system. On ARM the hypervisor
 * silently ignores irqchips whose address is not the GIC distributor's; on
 * x86 a non-root cell's IOAPIC must be one of the root cell's, with the same id.
 * Irqchips that grant no line (unused array slots) have no effect and are skipped.
 */
final class IrqchipAddress extends ElementCheck<IrqChip> {
    IrqchipAddress() {
        super("irqchip-address", "Irqchips of no interrupt controller of the system", Scope.ALL_CELLS, Cell::irqchips);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, IrqChip chip) {
        if (chip.pins().isEmpty()) {
            return List.of();
        }
        if (set.isArm() && !IrqLines.atKnownController(set, chip)) {
            return List.of(cell.finding(Element.irqchip(index), String.format("irqchip at 0x%x is not the GIC"
                    + " distributor (0x%x): the hypervisor ignores it", chip.address(),
                    set.system().platform().arm().gicdBase()), "set the address to platform_info.arm.gicd_base"));
        }
        if (!IrqLines.atKnownController(set, chip)) {
            return List.of(cell.finding(Element.irqchip(index), String.format("irqchip at 0x%x is not an IOAPIC"
                    + " of the root cell", chip.address()), "use the address of one of the root cell's IOAPICs"));
        }
        Optional<Long> rootId = set.root().cell().irqchips().stream().filter(c -> c.address() == chip.address())
                .map(IrqChip::id).filter(id -> id != chip.id()).findFirst();
        if (set.isArm() || cell.root() || rootId.isEmpty()) {
            return List.of();
        }
        return List.of(cell.finding(Element.irqchip(index), String.format("irqchip id 0x%x differs from the"
                + " root cell's IOAPIC at 0x%x (id 0x%x)", chip.id(), chip.address(), rootId.get()),
                "use the root cell's id for this IOAPIC"));
    }
}
