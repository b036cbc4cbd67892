package dev.jhsim.hypervisor.core;

import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.bus.RamBank;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The hypervisor's view of physical memory: RAM it reads and writes itself
 * (page pool, page tables, communication regions, the console buffer) and
 * device registers it accesses on behalf of a CPU. The hypervisor runs in
 * Java, so it addresses everything physically; writes to RAM tell the bus,
 * so that CPUs drop code they decoded from a page written here.
 */
public final class PhysicalMemory {
    public static final int PAGE_SIZE = RamBank.PAGE_SIZE;
    public static final long PAGE_MASK = ~(long) (PAGE_SIZE - 1);

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final PhysicalBus bus;

    public PhysicalMemory(PhysicalBus bus) {
        this.bus = bus;
    }

    /** Whether {@code size} bytes from {@code pa} are all RAM. */
    public boolean isRam(long pa, long size) {
        for (long at = pa; at - pa < size; ) {
            PhysicalBus.Region r = bus.find(at);
            if (r == null || r.ram() == null) {
                return false;
            }
            at = r.base() + r.size();
        }
        return true;
    }

    public long read64(long pa) {
        return (long) LONG.get(page(pa), offset(pa));
    }

    public void write64(long pa, long value) {
        LONG.set(writablePage(pa), offset(pa), value);
    }

    public int read32(long pa) {
        return (int) INT.get(page(pa), offset(pa));
    }

    public void write32(long pa, int value) {
        INT.set(writablePage(pa), offset(pa), value);
    }

    public int read8(long pa) {
        return page(pa)[offset(pa)] & 0xFF;
    }

    public void write8(long pa, int value) {
        writablePage(pa)[offset(pa)] = (byte) value;
    }

    /** Copies {@code bytes} into RAM at {@code pa}. */
    public void write(long pa, byte[] bytes) {
        if (!bus.writeBytes(pa, bytes, 0, bytes.length)) {
            throw notRam(pa);
        }
    }

    /** {@code length} bytes of RAM from {@code pa}. */
    public byte[] read(long pa, int length) {
        byte[] bytes = new byte[length];
        if (!bus.readBytes(pa, bytes, 0, length)) {
            throw notRam(pa);
        }
        return bytes;
    }

    /** Fills whole pages with zeros. */
    public void zeroPages(long pa, int pages) {
        for (int n = 0; n < pages; n++) {
            java.util.Arrays.fill(writablePage(pa + (long) n * PAGE_SIZE), (byte) 0);
        }
    }

    /**
     * A device (or RAM) access as CPU {@code cpu} makes it; an address where
     * nothing answers reads as zero and ignores writes, like a bus that
     * reports nothing back.
     */
    public long mmioRead(int cpu, long pa, int size) {
        PhysicalBus.Region r = bus.find(pa);
        if (r == null) {
            return 0;
        }
        if (r.ram() != null) {
            return readRam(pa, size);
        }
        MmioDevice device = r.device();
        return device.read(cpu, pa - r.base(), size);
    }

    public void mmioWrite(int cpu, long pa, int size, long value) {
        PhysicalBus.Region r = bus.find(pa);
        if (r == null) {
            return;
        }
        if (r.ram() != null) {
            writeRam(pa, size, value);
            return;
        }
        r.device().write(cpu, pa - r.base(), size, value);
    }

    /** Performs a trapped access on the device at {@code pa} ({@code mmio_perform_access}). */
    public void perform(int cpu, long pa, MmioAccess access) {
        if (access.isWrite) {
            mmioWrite(cpu, pa, access.size, access.value);
        } else {
            access.value = mmioRead(cpu, pa, access.size);
        }
    }

    private long readRam(long pa, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (long) read8(pa + i) << (8 * i);
        }
        return value;
    }

    private void writeRam(long pa, int size, long value) {
        for (int i = 0; i < size; i++) {
            write8(pa + i, (int) (value >>> (8 * i)));
        }
    }

    private byte[] page(long pa) {
        PhysicalBus.Region r = bus.find(pa);
        if (r == null || r.ram() == null) {
            throw notRam(pa);
        }
        return r.ram().page(pa);
    }

    private byte[] writablePage(long pa) {
        byte[] page = page(pa);
        bus.codeWatch().written(pa >>> RamBank.PAGE_SHIFT);
        return page;
    }

    private static int offset(long pa) {
        return (int) (pa & (PAGE_SIZE - 1));
    }

    private static IllegalStateException notRam(long pa) {
        return new IllegalStateException(String.format("hypervisor access to 0x%x, which is not RAM", pa));
    }
}
