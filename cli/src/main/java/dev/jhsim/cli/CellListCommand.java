package dev.jhsim.cli;

import dev.jhsim.config.model.CpuSet;
import dev.jhsim.hypervisor.driver.CellStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse cell list}: upstream's table, read from the cells' sysfs entries. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the cells: ID, name, state, assigned and failed CPUs (nothing while disabled).")
final class CellListCommand implements Callable<Integer>, UpstreamCommand {
    private static final String ROW = "%-8s%-24s%-18s%-24s%-24s%n";

    private final CommandContext context;

    @Spec
    CommandSpec spec;

    CellListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<CellStatus> cells = context.board().driver().cells();
        PrintWriter out = spec.commandLine().getOut();
        if (!cells.isEmpty()) {
            out.printf(ROW, "ID", "Name", "State", "Assigned CPUs", "Failed CPUs");
        }
        for (CellStatus cell : cells) {
            out.printf(ROW, cell.id(), cell.name(), cell.state(), ranges(cell.assignedCpus()),
                    ranges(cell.failedCpus()));
        }
        out.flush();
        return 0;
    }

    /** A CPU list as sysfs prints it: {@code 0-3,6}. */
    private static String ranges(List<Integer> cpus) {
        return CpuSet.ofWords(cpus).toRanges();
    }
}
