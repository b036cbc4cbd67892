package dev.jhsim.config;

/**
 * A configuration that cannot be read or written: says where (byte offset or
 * JSON path, and which structure) and what was expected. The message is one
 * line, ready for the user once prefixed with the file name.
 */
public final class ConfigFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String problem;

    public ConfigFormatException(String location, String problem) {
        super(location.isEmpty() ? problem : location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    /** Where the problem is, e.g. {@code offset 0x1c4 (root cell, memory region 3)} or a JSON path. */
    public String location() {
        return location;
    }

    /** What is wrong and what was expected. */
    public String problem() {
        return problem;
    }

    /** The one-line message for the user, naming the file. */
    public String describe(String file) {
        return file + ": " + getMessage();
    }
}
