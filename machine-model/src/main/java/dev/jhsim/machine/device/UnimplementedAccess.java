package dev.jhsim.machine.device;

/** A guest access to an unimplemented device: which device, where in it, how wide, which way. */
public record UnimplementedAccess(String device, long offset, int size, boolean write, long value) {
    /** One stable log line, e.g. {@code rtc: write 0x10/4 = 0x1} or {@code flash0: read 0x0/8}. */
    @Override
    public String toString() {
        return write ? String.format("%s: write 0x%x/%d = 0x%x", device, offset, size, value)
                : String.format("%s: read 0x%x/%d", device, offset, size);
    }
}
