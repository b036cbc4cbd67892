package dev.jhsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse enable SYSCONFIG}. */
@Command(name = "enable", mixinStandardHelpOptions = true,
        description = {"Enable the hypervisor with a system configuration.",
            "The hypervisor takes over the board and wraps what runs there into the root cell. SYSCONFIG is a",
            "binary .cell file as built for upstream Jailhouse (passed to the hypervisor unchanged), or a C",
            "source or JSON form, converted to binary first."})
final class EnableCommand implements Callable<Integer>, UpstreamCommand {
    private final CommandContext context;

    @Parameters(paramLabel = "SYSCONFIG", description = "The system configuration.")
    String file;

    @Mixin
    ConfigFileOptions options;

    @Spec
    CommandSpec spec;

    EnableCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        byte[] config = options.driverBytes(context.directory(), file, spec.commandLine().getErr());
        DriverCalls.call(() -> {
            context.board().driver().enable(config);
            return null;
        });
        return 0;
    }
}
