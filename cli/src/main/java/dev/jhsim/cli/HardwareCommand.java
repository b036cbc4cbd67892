package dev.jhsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jailhouse hardware ...}. */
@Command(name = "hardware", mixinStandardHelpOptions = true,
        description = "Hardware support checks.")
final class HardwareCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing hardware command");
    }
}
