package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.JailhouseDriver;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The cell commands that take just a cell: start, shutdown and destroy. */
final class CellSimpleCommands {
    private CellSimpleCommands() {
    }

    /** One driver call on the cell the arguments name. */
    abstract static class CellAction implements Callable<Integer>, UpstreamCommand {
        private final CommandContext context;

        @Mixin
        CellIdentity cell;

        CellAction(CommandContext context) {
            this.context = context;
        }

        abstract void apply(JailhouseDriver driver, CellRef ref) throws DriverException;

        @Override
        public Integer call() {
            CellRef ref = cell.ref();
            DriverCalls.call(() -> {
                apply(context.board().driver(), ref);
                return null;
            });
            return 0;
        }
    }

    /** {@code jailhouse cell start { ID | [--name] NAME }}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a loaded cell: its CPUs begin at the configuration's reset address.")
    static final class Start extends CellAction {
        Start(CommandContext context) {
            super(context);
        }

        @Override
        void apply(JailhouseDriver driver, CellRef ref) throws DriverException {
            driver.cellStart(ref);
        }
    }

    /** {@code jailhouse cell shutdown { ID | [--name] NAME }}: upstream's load with no images. */
    @Command(name = "shutdown", mixinStandardHelpOptions = true,
            description = "Stop a cell (a cell that is not passive is asked first and may refuse).")
    static final class Shutdown extends CellAction {
        Shutdown(CommandContext context) {
            super(context);
        }

        @Override
        void apply(JailhouseDriver driver, CellRef ref) throws DriverException {
            driver.cellLoad(ref, List.of());
        }
    }

    /** {@code jailhouse cell destroy { ID | [--name] NAME }}. */
    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = "Destroy a cell: its CPUs and memory return to the root cell.")
    static final class Destroy extends CellAction {
        Destroy(CommandContext context) {
            super(context);
        }

        @Override
        void apply(JailhouseDriver driver, CellRef ref) throws DriverException {
            driver.cellDestroy(ref);
        }
    }
}
