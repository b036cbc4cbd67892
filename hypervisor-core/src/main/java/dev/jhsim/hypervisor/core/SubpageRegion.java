package dev.jhsim.hypervisor.core;

import dev.jhsim.config.model.MemoryRegion;

/**
 * A memory region that does not start or end on a page boundary: stage 2
 * cannot map it, so every access traps and is checked and performed here
 * ({@code mmio_handle_subpage}): the direction must be allowed, the access
 * width must be one of the region's {@code JAILHOUSE_MEM_IO_8..64}, and an
 * unaligned access needs {@code JAILHOUSE_MEM_IO_UNALIGNED}.
 */
final class SubpageRegion implements MmioHandler {
    private static final int IO_WIDTH_SHIFT = 16;

    private final Jailhouse hypervisor;
    private final MemoryRegion region;

    SubpageRegion(Jailhouse hypervisor, MemoryRegion region) {
        this.hypervisor = hypervisor;
        this.region = region;
    }

    static boolean isSubpage(MemoryRegion region) {
        return (region.virtStart() & (PhysicalMemory.PAGE_SIZE - 1)) != 0
                || (region.size() & (PhysicalMemory.PAGE_SIZE - 1)) != 0;
    }

    @Override
    public Result handle(PerCpu cpu, MmioAccess access) {
        long permission = access.isWrite ? MemoryRegion.WRITE : MemoryRegion.READ;
        long address = region.physStart() + access.address;
        boolean allowed = (region.flags() & permission) != 0
                && (((long) access.size << IO_WIDTH_SHIFT) & region.flags()) != 0
                && ((access.address & (access.size - 1)) == 0 || region.has(MemoryRegion.IO_UNALIGNED));
        if (!allowed) {
            hypervisor.console().printf("FATAL: Invalid MMIO %s, address: %x, size: %x\n",
                    access.isWrite ? "write" : "read", address, access.size);
            return Result.ERROR;
        }
        hypervisor.memory().perform(cpu.id(), address, access);
        return Result.HANDLED;
    }
}
