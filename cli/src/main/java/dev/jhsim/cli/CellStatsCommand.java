package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.CellStatus;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jailhouse cell stats { ID | [--name] NAME }}: upstream's counters
 * ({@code vmexits_*}) printed once, largest first as upstream's screen orders
 * them; upstream's tool refreshes a full-screen view, this prints a snapshot.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print a cell's statistics counters (VM exits by reason), summed over its CPUs.")
final class CellStatsCommand implements Callable<Integer>, UpstreamCommand {
    private final CommandContext context;

    @Mixin
    CellIdentity cell;

    @Option(names = "--per-cpu", description = "Also print the counters of each of the cell's CPUs.")
    boolean perCpu;

    @Spec
    CommandSpec spec;

    CellStatsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CellRef ref = cell.ref();
        JailhouseDriver driver = context.board().driver();
        CellStatus status = driver.cells().stream()
                .filter(c -> ref.hasId() ? c.id() == ref.id() : c.name().equals(ref.name())).findFirst()
                .orElseThrow(() -> new UserError(1, "reading stats: No such file or directory",
                        "jhsim: no cell " + (ref.hasId() ? "with ID " : "named ") + ref
                                + (driver.enabled() ? "" : " (the hypervisor is not enabled)")));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Statistics for %s cell%n", status.name());
        table(out, "(All CPUs)", DriverCalls.call(() -> driver.statistics(ref, -1)));
        if (perCpu) {
            for (int cpu : status.assignedCpus()) {
                table(out, "(CPU " + cpu + ")", DriverCalls.call(() -> driver.statistics(ref, cpu)));
            }
        }
        out.flush();
        return 0;
    }

    /** One block in upstream's columns: counter at 0, sum right-aligned in 10 at column 30. */
    private static void table(PrintWriter out, String cpus, Map<String, Long> counters) {
        out.println();
        out.printf("%-30s%10s%n", "COUNTER " + cpus, "SUM");
        List<Map.Entry<String, Long>> rows = counters.entrySet().stream()
                .filter(e -> e.getKey().startsWith("vmexits_"))
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (Map.Entry<String, Long> row : rows) {
            out.printf("%-30s%10d%n", row.getKey(), row.getValue());
        }
    }
}
