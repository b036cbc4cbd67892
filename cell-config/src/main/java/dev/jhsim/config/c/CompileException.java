package dev.jhsim.config.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A C configuration source that cannot be compiled. Its message is one gcc-style
 * line, {@code file:line:column: error: problem}, complete on its own;
 * {@link #lines()} adds the source line and a caret under the culprit, as gcc does.
 */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String problem;
    private final String excerpt;

    private CompileException(String where, SourceLocation location, String problem, String excerpt) {
        super(where + ": error: " + problem);
        this.location = location;
        this.problem = problem;
        this.excerpt = excerpt;
    }

    /** An error at a place in the source. */
    static CompileException at(Position position, String problem) {
        SourceLocation loc = position.location();
        SourceText source = position.source();
        String line = source.displayLine(loc.line());
        int width = Math.max(1, Math.min(position.length(), line.length() - loc.column() + 1));
        String caret = " ".repeat(loc.column() - 1) + "^" + "~".repeat(width - 1);
        return new CompileException(loc.toString(), loc, problem, line + "\n" + caret);
    }

    /** An error that belongs to no source line, e.g. a command-line option or an unreadable main file. */
    static CompileException general(String where, String problem) {
        return new CompileException(where, null, problem, "");
    }

    /** The place in the source, when there is one. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** The diagnostic as gcc prints it: the message line, then the source line and the caret line. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(getMessage());
        if (!excerpt.isEmpty()) {
            lines.addAll(excerpt.lines().toList());
        }
        return lines;
    }
}
