package dev.jhsim.cli;

import dev.jhsim.cli.daemon.DaemonBoardAccess;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    /**
     * Runs one command line with the given output streams against the board
     * daemon {@code JAILHOUSE_BOARD} selects (connected when a command needs it).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try (DaemonBoardAccess board = new DaemonBoardAccess(System.getenv())) {
            return run(out, err, new CommandContext(board, Path.of(""), System.getenv()), args);
        }
    }

    /** Runs one command line against the board of {@code context} (the scenario runner's and the demo's). */
    public static int run(PrintWriter out, PrintWriter err, CommandContext context, String... args) {
        CommandLine cli = JailhouseCommand.commandLine(context);
        cli.setOut(out);
        cli.setErr(err);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
