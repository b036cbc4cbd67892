package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.CpuSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Non-root CPUs the root cell does not own. The root cell's CPU set is the
 * system's: the hypervisor refuses a cell with any other CPU (EBUSY).
 */
final class CpuNotInRoot extends NamedCheck {
    CpuNotInRoot() {
        super("cpu-not-in-root", "CPUs beyond the system's");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        CpuSet system = set.root().cell().cpus();
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.nonRoot()) {
            List<Integer> foreign = cell.cell().cpus().cpus().stream().filter(cpu -> !system.contains(cpu)).toList();
            if (!foreign.isEmpty()) {
                findings.add(cell.finding(Element.CPU_SET,
                        Cpus.named(foreign) + " not in the root cell's CPU set (" + system.toRanges() + ")",
                        "use CPUs of the root cell only: they are the system's CPUs"));
            }
        }
        return findings;
    }
}
