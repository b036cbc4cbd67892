package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import java.util.List;

/** Cells without any CPU: nothing can run in them. */
final class CpuSetEmpty extends NamedCheck {
    CpuSetEmpty() {
        super("cpu-empty", "Cells without CPUs");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        return set.cells().stream().filter(c -> c.cell().cpus().isEmpty())
                .map(c -> c.finding(Element.CPU_SET, "the CPU set is empty",
                        "give the cell at least one CPU in .cpus (and a cpu_set_size that holds it)"))
                .toList();
    }
}
