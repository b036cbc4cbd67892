package dev.jhsim.machine.arm64.linux;

/** A file that is not a static AArch64 Linux executable; the message says what was expected. */
public final class ElfException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfException(String message) {
        super(message);
    }
}
