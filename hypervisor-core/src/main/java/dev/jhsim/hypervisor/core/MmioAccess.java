package dev.jhsim.hypervisor.core;

/**
 * One trapped MMIO access being emulated ({@code struct mmio_access}):
 * the address (relative to the region once a handler sees it), the size in
 * bytes, the direction and the value written or to be read. One instance
 * per CPU is reused for every access, so emulation allocates nothing.
 */
public final class MmioAccess {
    public long address;
    public int size;
    public boolean isWrite;
    public long value;

    public void set(long address, int size, boolean isWrite, long value) {
        this.address = address;
        this.size = size;
        this.isWrite = isWrite;
        this.value = value;
    }
}
