package dev.jhsim.config.check.checks;

import dev.jhsim.config.model.CpuSet;
import java.util.List;

/** How findings write CPU numbers. */
final class Cpus {
    private Cpus() {
    }

    /** {@code CPU 3} or {@code CPUs 2-3,5}. */
    static String named(List<Integer> cpus) {
        return (cpus.size() == 1 ? "CPU " : "CPUs ") + CpuSet.ofWords(cpus).toRanges();
    }
}
