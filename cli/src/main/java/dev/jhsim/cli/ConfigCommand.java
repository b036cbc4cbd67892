package dev.jhsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jailhouse config ...}: configuration tooling. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Create, check, dump and compile configurations.",
        subcommands = {ConfigCheckCommand.class, ConfigDumpCommand.class, ConfigCompileCommand.class})
final class ConfigCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing config command");
    }
}
