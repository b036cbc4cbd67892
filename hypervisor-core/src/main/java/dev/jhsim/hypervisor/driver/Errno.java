package dev.jhsim.hypervisor.driver;

/**
 * The Linux error numbers the Jailhouse driver and hypervisor return, with
 * the texts glibc's {@code strerror} gives them, so the tool can print
 * {@code JAILHOUSE_CELL_CREATE: Device or resource busy} as upstream does.
 */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EINTR(4, "Interrupted system call"),
    EIO(5, "Input/output error"),
    E2BIG(7, "Argument list too long"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    EFAULT(14, "Bad address"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "No such device"),
    EINVAL(22, "Invalid argument"),
    ENOSPC(28, "No space left on device"),
    ERANGE(34, "Numerical result out of range"),
    ENOSYS(38, "Function not implemented");

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The positive error number. */
    public int number() {
        return number;
    }

    /** The {@code strerror} text. */
    public String text() {
        return text;
    }

    /** The errno with this number (positive or negative), or {@code null}. */
    public static Errno of(long number) {
        for (Errno e : values()) {
            if (e.number == Math.abs(number)) {
                return e;
            }
        }
        return null;
    }
}
