package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import java.util.List;

/** Non-root cells taking CPU 0, on which the root cell's Linux runs and which it usually cannot take offline. */
final class CpuZeroTaken extends NamedCheck {
    CpuZeroTaken() {
        super("cpu0-taken", "CPU 0 taken from the root cell");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        return set.nonRoot().stream().filter(c -> c.cell().cpus().contains(0))
                .map(c -> c.finding(Element.CPU_SET, "the CPU set contains CPU 0",
                        "leave CPU 0 to the root cell and use another CPU"))
                .toList();
    }
}
