package dev.jhsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jailhouse cell ...}: cell management. */
@Command(name = "cell", mixinStandardHelpOptions = true,
        description = "Create, load, start, stop and inspect cells.",
        subcommands = {CellCreateCommand.class, CellListCommand.class, CellLoadCommand.class,
            CellSimpleCommands.Start.class, CellSimpleCommands.Shutdown.class, CellSimpleCommands.Destroy.class,
            CellStatsCommand.class})
final class CellCommand implements Runnable, UpstreamCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing cell command");
    }
}
