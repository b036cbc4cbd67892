package dev.jhsim.cli;

import picocli.CommandLine;

/** Entry point of the {@code jailhouse} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit status; never throws. */
    public static int run(String... args) {
        CommandLine cli = JailhouseCommand.commandLine();
        return cli.execute(args);
    }
}
