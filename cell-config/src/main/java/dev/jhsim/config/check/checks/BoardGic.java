package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.BoardFacts.Gic;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.IrqChip;
import dev.jhsim.config.model.PlatformInfo.ArmPlatform;
import java.util.ArrayList;
import java.util.List;

/**
 * The system's GIC against the board's: version, register frame addresses,
 * the maintenance interrupt, and irqchip lines the board's GIC does not have.
 */
final class BoardGic extends BoardCheck {
    private static final String FIX_PLATFORM = "copy the GIC description of the board into platform_info.arm";

    BoardGic() {
        super("board-gic", "Interrupt controller against the board");
    }

    @Override
    public boolean appliesTo(ConfigSet set) {
        return super.appliesTo(set) && set.isArm() && set.board().orElseThrow().gic() != null;
    }

    @Override
    List<Finding> run(ConfigSet set, BoardFacts board) {
        Gic gic = board.gic();
        ArmPlatform arm = set.system().platform().arm();
        List<String> problems = new ArrayList<>();
        if (arm.gicVersion() != gic.version()) {
            problems.add("gic_version " + arm.gicVersion() + ", the board's GIC is version " + gic.version());
        } else {
            compare(problems, "gicd_base", arm.gicdBase(), gic.gicdBase());
            if (gic.version() == 3) {
                compare(problems, "gicr_base", arm.gicrBase(), gic.gicrBase());
            } else {
                compare(problems, "gicc_base", arm.giccBase(), gic.giccBase());
                compare(problems, "gich_base", arm.gichBase(), gic.gichBase());
                compare(problems, "gicv_base", arm.gicvBase(), gic.gicvBase());
            }
        }
        if (arm.maintenanceIrq() != gic.maintenanceIrq()) {
            problems.add("maintenance_irq " + arm.maintenanceIrq() + ", the board's is " + gic.maintenanceIrq());
        }
        List<Finding> findings = new ArrayList<>();
        for (String problem : problems) {
            findings.add(set.root().finding(Element.PLATFORM_INFO, problem, FIX_PLATFORM));
        }
        for (CheckedCell cell : set.cells()) {
            for (int i = 0; i < cell.cell().irqchips().size(); i++) {
                IrqChip chip = cell.cell().irqchips().get(i);
                List<Long> missing = chip.pins().stream().filter(p -> p >= gic.lines()).toList();
                if (IrqLines.atKnownController(set, chip) && !missing.isEmpty()) {
                    findings.add(cell.finding(Element.irqchip(i), IrqLines.named(missing)
                            + (missing.size() == 1 ? " does" : " do") + " not exist on board " + board.name()
                            + " (its GIC has lines 0-" + (gic.lines() - 1) + ")",
                            "grant only lines the board's GIC has"));
                }
            }
        }
        return findings;
    }

    private static void compare(List<String> problems, String field, long configured, long board) {
        if (configured != board) {
            problems.add(String.format("%s 0x%x, the board's is 0x%x", field, configured, board));
        }
    }
}
