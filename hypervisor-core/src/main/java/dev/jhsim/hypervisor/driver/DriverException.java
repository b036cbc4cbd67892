package dev.jhsim.hypervisor.driver;

/**
 * A failed driver operation, as the tool sees it: the operation (ioctl name),
 * the errno, and jhsim's precise reason where it knows one (upstream only has
 * the errno; the hypervisor's own explanation goes to its console).
 */
public final class DriverException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final Errno errno;
    private final String reason;

    public DriverException(String operation, Errno errno, String reason) {
        super(operation + ": " + errno.text() + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
        this.operation = operation;
        this.errno = errno;
        this.reason = reason == null ? "" : reason;
    }

    /** The ioctl, e.g. {@code JAILHOUSE_CELL_CREATE}. */
    public String operation() {
        return operation;
    }

    public Errno errno() {
        return errno;
    }

    /** jhsim's explanation, or an empty string. */
    public String reason() {
        return reason;
    }

    /** The line upstream's tool prints: {@code JAILHOUSE_CELL_CREATE: Device or resource busy}. */
    public String upstreamLine() {
        return operation + ": " + errno.text();
    }
}
