package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import java.util.ArrayList;
import java.util.List;

/** CPUs two non-root cells both claim: the second cell cannot be created while the first exists. */
final class CpuShared extends NamedCheck {
    CpuShared() {
        super("cpu-shared", "CPUs in more than one non-root cell");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.nonRoot()) {
            for (CheckedCell earlier : set.before(cell)) {
                List<Integer> both = cell.cell().cpus().cpus().stream().filter(earlier.cell().cpus()::contains)
                        .toList();
                if (!earlier.root() && !both.isEmpty()) {
                    findings.add(cell.finding(Element.CPU_SET, Cpus.named(both) + " also in cell '" + earlier.name()
                            + "'", "give each CPU to one non-root cell"));
                }
            }
        }
        return findings;
    }
}
