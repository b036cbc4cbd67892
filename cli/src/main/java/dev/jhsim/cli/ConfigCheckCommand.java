package dev.jhsim.cli;

import dev.jhsim.config.check.BoardFacts;
import dev.jhsim.config.check.CheckInput;
import dev.jhsim.config.check.CheckReport;
import dev.jhsim.config.check.ConfigChecker;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.ConfigSetException;
import dev.jhsim.config.check.JsonReport;
import dev.jhsim.config.check.JunitReport;
import dev.jhsim.config.check.TextReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jailhouse config check SYSCONFIG [CELLCONFIG ...] [--board BOARD] [--json] [--junit FILE]}, with the
 * layout and C options every configuration command takes.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a system configuration and the cells meant to run on it for conflicts and mistakes.",
            "Exit status 1 if anything is found (see docs/config-check.md for the checks)."})
final class ConfigCheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SYSCONFIG", description = "The system configuration (binary, JSON or C).")
    String system;

    @Parameters(index = "1..*", paramLabel = "CELLCONFIG", description = "Non-root cell configurations.")
    List<String> cells = new ArrayList<>();

    @Option(names = "--board", paramLabel = "BOARD",
            description = "Also check against a bundled board (e.g. qemu-arm64).")
    String board;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the report as JUnit XML to FILE.")
    String junit;

    @Mixin
    ConfigFileOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        BoardFacts facts = board == null ? null : BoardFactsLoader.load(board);
        CheckInput systemInput = options.loadForCheck(system, err);
        List<CheckInput> cellInputs = new ArrayList<>();
        for (String cell : cells) {
            cellInputs.add(options.loadForCheck(cell, err));
        }
        ConfigSet set;
        try {
            set = ConfigSet.of(systemInput, cellInputs, facts);
        } catch (ConfigSetException e) {
            throw new UserError(e.getMessage());
        }
        CheckReport report = ConfigChecker.check(set);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JsonReport.render(report) : TextReport.render(report));
        out.flush();
        if (junit != null) {
            InputFiles.writeAtomically(junit, JunitReport.render(report).getBytes(StandardCharsets.UTF_8));
        }
        return report.exitStatus();
    }
}
