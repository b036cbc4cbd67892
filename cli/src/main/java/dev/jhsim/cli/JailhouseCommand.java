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
            EnableCommand.class,
            DisableCommand.class,
            ConsoleCommand.class,
            CellCommand.class,
            ConfigCommand.class,
            HardwareCommand.class,
            BoardCommand.class,
            RunCommand.class,
            DemoCommand.class,
            SimCommand.class,
            ShellCommands.Completion.class,
            ShellCommands.Man.class,
        })
public final class JailhouseCommand implements Runnable, UpstreamCommand {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (see 'jailhouse --help')");
    }

    /** Builds the configured picocli command line for {@code context}: one-line errors, upstream exit codes. */
    static CommandLine commandLine(CommandContext context) {
        CommandLine cli = new CommandLine(new JailhouseCommand(), new ContextFactory(context));
        CommandLine cell = cli.getSubcommands().get("cell");
        PendingCommand.register(cell, "linux", "Boot a Linux kernel in a non-root cell.");
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
