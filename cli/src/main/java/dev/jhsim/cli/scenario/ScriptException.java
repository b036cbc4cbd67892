package dev.jhsim.cli.scenario;

/** A script that cannot be run as written, or an expectation that failed: the line and what went wrong. */
public final class ScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public ScriptException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based script line. */
    public int line() {
        return line;
    }
}
