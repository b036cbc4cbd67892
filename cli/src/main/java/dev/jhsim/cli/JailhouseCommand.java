package dev.jhsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code jailhouse} command with the upstream command set. */
@Command(name = "jailhouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Jailhouse partitioning hypervisor, simulated by jhsim.",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            CellCommand.class,
            ConfigCommand.class,
            HardwareCommand.class,
            DemoCommand.class,
            SimCommand.class,
        })
public final class JailhouseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (see 'jailhouse --help')");
    }

    /** Builds the configured picocli command line: one-line errors, upstream exit codes. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new JailhouseCommand());
        PendingCommand.register(cli, "enable", "Enable the hypervisor with a system configuration.");
        PendingCommand.register(cli, "disable", "Disable the hypervisor.");
        PendingCommand.register(cli, "console", "Print the hypervisor console buffer.");
        CommandLine cell = cli.getSubcommands().get("cell");
        PendingCommand.register(cell, "create", "Create a cell from a cell configuration.");
        PendingCommand.register(cell, "list", "List the cells.");
        PendingCommand.register(cell, "load", "Load images or strings into a cell.");
        PendingCommand.register(cell, "start", "Start a cell.");
        PendingCommand.register(cell, "shutdown", "Shut a cell down.");
        PendingCommand.register(cell, "destroy", "Destroy a cell.");
        PendingCommand.register(cell, "linux", "Boot a Linux kernel in a non-root cell.");
        PendingCommand.register(cell, "stats", "Show per-CPU statistics of a cell.");
        CommandLine config = cli.getSubcommands().get("config");
        PendingCommand.register(config, "create", "Generate a system configuration for this machine.");
        CommandLine hardware = cli.getSubcommands().get("hardware");
        PendingCommand.register(hardware, "check", "Check the hardware for Jailhouse support.");
        ErrorReporter reporter = new ErrorReporter();
        cli.setExecutionExceptionHandler(reporter);
        cli.setParameterExceptionHandler(reporter);
        return cli;
    }
}
