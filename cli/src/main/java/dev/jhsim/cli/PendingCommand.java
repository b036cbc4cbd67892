package dev.jhsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * An upstream command that jhsim does not implement yet: it is listed in the
 * help so the command set is complete, says so in one line when run, and
 * exits non-zero so scripts never mistake it for success.
 */
@Command(mixinStandardHelpOptions = true)
final class PendingCommand implements Runnable {
    private final String name;

    private PendingCommand(String name) {
        this.name = name;
    }

    @CommandLine.Parameters(hidden = true)
    java.util.List<String> ignored;

    @Override
    public void run() {
        throw new UserError(1, "jailhouse " + name + ": not implemented yet in jhsim");
    }

    /** Adds {@code sub} to {@code parent} as a pending command with the given one-line description. */
    static void register(CommandLine parent, String sub, String description) {
        String full = parent.getCommandName().equals("jailhouse")
                ? sub : parent.getCommandName() + " " + sub;
        CommandLine pending = new CommandLine(new PendingCommand(full));
        pending.getCommandSpec().usageMessage().description(description + " (not implemented yet)");
        parent.addSubcommand(sub, pending);
    }
}
