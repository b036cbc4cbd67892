package dev.jhsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code jailhouse} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line on the process's streams and returns its exit status; never throws. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command line with the given output streams (for tests and the board daemon). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = JailhouseCommand.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
