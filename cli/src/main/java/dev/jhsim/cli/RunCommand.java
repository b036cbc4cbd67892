package dev.jhsim.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse run [--board BOARD] [-C DIR] SCRIPT}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario script (for CI).",
            "Runs jailhouse commands and sim directives (run, expect, expect-cell, input, note; see",
            "docs/scenarios.md) on a board simulated in this process. Deterministic: the log on stdout is the",
            "same byte for byte on every run. Exit status 1 when a command or an expectation",
            "fails (the script line is named on stderr), 2 when the script cannot run."})
final class RunCommand implements Callable<Integer> {
    private final CommandContext context;

    @Option(names = "--board", paramLabel = "BOARD", defaultValue = "qemu-arm64",
            description = "The bundled board to run on (default: ${DEFAULT-VALUE}).")
    String board;

    @Option(names = "-C", paramLabel = "DIR",
            description = "Run as if started in DIR: the script and the files it names are found from there.")
    Path directory;

    @Parameters(paramLabel = "SCRIPT", description = "The scenario script.")
    String script;

    @Spec
    CommandSpec spec;

    RunCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path dir = directory == null ? context.directory() : context.directory().resolve(directory);
        String text = new String(InputFiles.read(dir.resolve(script), script), StandardCharsets.UTF_8);
        Scenarios.run(board, script, text, dir, context.environment(), spec.commandLine().getOut());
        return 0;
    }
}
