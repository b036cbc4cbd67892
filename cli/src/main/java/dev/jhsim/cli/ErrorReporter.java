package dev.jhsim.cli;

import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and a non-zero exit status.
 * Expected failures are {@link UserError}s; anything else is a bug in jhsim,
 * which is still reported in one line (with the exception type) rather than a
 * stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof UserError error) {
            for (String line : error.lines()) {
                cmd.getErr().println(line);
            }
            cmd.getErr().flush();
            return error.exitCode();
        }
        cmd.getErr().println("jailhouse: internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        cmd.getErr().flush();
        return 70; // EX_SOFTWARE
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
        cmd.getErr().flush();
        return cmd.getCommand() instanceof UpstreamCommand ? 1 : 2;
    }
}
