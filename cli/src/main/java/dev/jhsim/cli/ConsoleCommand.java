package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.JailhouseDriver;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jailhouse console [-f | --follow]}. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Print the hypervisor's console buffer (its most recent messages).")
final class ConsoleCommand implements Callable<Integer>, UpstreamCommand {
    /** How long following waits before asking again when nothing new came. */
    private static final long FOLLOW_POLL_MILLIS = 100;

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
        PrintWriter out = spec.commandLine().getOut();
        long position = 0;
        while (true) {
            JailhouseDriver.ConsoleRead read = driver.console(position);
            out.print(read.text());
            out.flush();
            if (out.checkError()) {
                return 0; // stdout went away (e.g. a closed pipe): nothing left to do
            }
            position = read.nextPosition();
            if (!follow) {
                return 0;
            }
            if (read.text().isEmpty()) {
                Thread.sleep(FOLLOW_POLL_MILLIS);
            }
        }
    }
}
