package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import java.util.ArrayList;
import java.util.List;

/** CPUs the board does not have. */
final class BoardCpus extends BoardCheck {
    BoardCpus() {
        super("board-cpus", "CPUs against the board");
    }

    @Override
    List<Finding> run(ConfigSet set, BoardFacts board) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.cells()) {
            List<Integer> missing = cell.cell().cpus().cpus().stream().filter(c -> c >= board.cpuCount()).toList();
            if (!missing.isEmpty()) {
                findings.add(cell.finding(Element.CPU_SET, Cpus.named(missing) + (missing.size() == 1 ? " does" : " do")
                        + " not exist on board " + board.name() + " (" + board.cpuCount() + " CPUs)",
                        "use CPUs 0-" + (board.cpuCount() - 1) + " only"));
            }
        }
        return findings;
    }
}
