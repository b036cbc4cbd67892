package dev.jhsim.cli;

import java.util.List;

/** A failure the user caused or can fix: printed as given, no stack trace. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> lines;
    private final int exitCode;

    public UserError(int exitCode, String... lines) {
        super(String.join("\n", lines));
        this.lines = List.of(lines);
        this.exitCode = exitCode;
    }

    public UserError(String line) {
        this(1, line);
    }

    public List<String> lines() {
        return lines;
    }

    public int exitCode() {
        return exitCode;
    }
}
