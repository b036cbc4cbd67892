package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.JailhouseDriver;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse console [-f | --follow]}. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Print the hypervisor's console buffer (its most recent messages).")
final class ConsoleCommand implements Callable<Integer>, UpstreamCommand {
    private final CommandContext context;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new messages until interrupted.")
    boolean follow;

    @Spec
    CommandSpec spec;

    ConsoleCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (follow && !context.board().runsOnItsOwn()) {
            throw new UserError(1, "jailhouse console: --follow needs a board that runs on its own"
                    + " (a board daemon); a scenario advances time with 'sim run'");
        }
        JailhouseDriver driver = context.board().driver();
        GrowingOutput.print(spec.commandLine().getOut(), follow, driver::console);
        return 0;
    }
}
