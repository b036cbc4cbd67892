package dev.jhsim.machine.uart;

/** Where a UART's transmitted bytes go: a console, a log file, a test's buffer. */
@FunctionalInterface
public interface UartOutput {
    /** One transmitted byte, 0..255, in the order the guest sent it. */
    void write(int b);

    /** Drops everything (a UART with nothing connected). */
    UartOutput DISCARD = b -> { };
}
