package dev.jhsim.hypervisor.core;

import dev.jhsim.hypervisor.driver.Errno;

/**
 * A refused hypervisor operation: the errno upstream's hypervisor returns
 * and what exactly was wrong. Management code throws it where upstream
 * returns a negative error code; the hypercall boundary turns it back into
 * that code and the driver into a {@code DriverException}.
 */
public final class HypervisorError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    public HypervisorError(Errno errno, String reason) {
        super(reason);
        this.errno = errno;
    }

    /** A refusal with a formatted reason. */
    public static HypervisorError of(Errno errno, String format, Object... args) {
        return new HypervisorError(errno, String.format(format, args));
    }

    public Errno errno() {
        return errno;
    }

    /** What was wrong, in one line. */
    public String reason() {
        return getMessage();
    }
}
