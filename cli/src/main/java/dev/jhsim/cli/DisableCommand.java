package dev.jhsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code jailhouse disable}. */
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Disable the hypervisor: the root cell gets the whole board back.")
final class DisableCommand implements Callable<Integer>, UpstreamCommand {
    private final CommandContext context;

    DisableCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DriverCalls.call(() -> {
            context.board().driver().disable();
            return null;
        });
        return 0;
    }
}
