package dev.jhsim.cli;

import dev.jhsim.hypervisor.session.BoardSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One in-process run of the command line: exit status and everything printed. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** One run against a board of this process, files relative to {@code directory}. */
    static CliRun on(BoardSession session, Path directory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = new CommandContext(new SessionBoardAccess(session), directory, Map.of());
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), context, args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
