package dev.jhsim.config.check;

/** A set of files that cannot be checked together; the message is one line naming the file. */
public final class ConfigSetException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigSetException(String message) {
        super(message);
    }
}
