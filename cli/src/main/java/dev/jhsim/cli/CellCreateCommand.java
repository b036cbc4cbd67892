package dev.jhsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse cell create CELLCONFIG}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a cell from a cell configuration.",
            "Its CPUs and memory leave the root cell. CELLCONFIG is a binary .cell file (passed on unchanged),",
            "or a C source or JSON form."})
final class CellCreateCommand implements Callable<Integer>, UpstreamCommand {
    private final CommandContext context;

    @Parameters(paramLabel = "CELLCONFIG", description = "The cell configuration.")
    String file;

    @Mixin
    ConfigFileOptions options;

    @Spec
    CommandSpec spec;

    CellCreateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        byte[] config = options.driverBytes(context.directory(), file, spec.commandLine().getErr());
        DriverCalls.call(() -> context.board().driver().cellCreate(config));
        return 0;
    }
}
