package dev.jhsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: exit status and everything printed. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
