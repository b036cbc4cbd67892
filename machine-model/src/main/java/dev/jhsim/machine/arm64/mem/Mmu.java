package dev.jhsim.machine.arm64.mem;

import dev.jhsim.machine.bus.CodeWatch;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.bus.RamBank;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Every data access and instruction fetch of one CPU goes through here. The
 * fast path is a direct-mapped software TLB from virtual page to host page of
 * RAM, one for reads and one for writes; a miss takes the slow path: the
 * {@link Translation}, then the bus (RAM fills the TLB, devices are called,
 * nothing is an external abort). Faults are recorded in {@link #fault} and the
 * access returns 0; callers check {@code fault.kind}.
 *
 * <p>EL0 and EL1 may see different permissions for the same page, so each has
 * its own fast TLB; {@link #selectRegime} switches between them when the CPU
 * changes level (or for an unprivileged load or store at EL1).
 */
public final class Mmu implements CodeWatch.Listener {
    private static final int TLB_BITS = 10;
    private static final int TLB_MASK = (1 << TLB_BITS) - 1;
    private static final long PAGE_OFFSET = RamBank.PAGE_SIZE - 1;
    private static final long PAGE_BASE = ~PAGE_OFFSET;
    private static final long NO_PAGE = -1L;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** One level's fast TLB: virtual page to host page, separately for reads and writes. */
    private static final class FastTlb {
        final long[] readTag = new long[1 << TLB_BITS];
        final byte[][] readPage = new byte[1 << TLB_BITS][];
        final long[] writeTag = new long[1 << TLB_BITS];
        final long[] writePhysPage = new long[1 << TLB_BITS];
        final byte[][] writePage = new byte[1 << TLB_BITS][];

        void flush() {
            Arrays.fill(readTag, NO_PAGE);
            Arrays.fill(writeTag, NO_PAGE);
            Arrays.fill(readPage, null);
            Arrays.fill(writePage, null);
        }

        void dropWrites(long physPage) {
            for (int i = 0; i < writeTag.length; i++) {
                if (writeTag[i] != NO_PAGE && writePhysPage[i] == physPage) {
                    writeTag[i] = NO_PAGE;
                    writePage[i] = null;
                }
            }
        }
    }

    private final PhysicalBus bus;
    /** The CPU these accesses come from, as devices banked per CPU see it. */
    private final int accessor;
    private final FastTlb[] fastTlbs = {new FastTlb(), new FastTlb()};
    // The selected level's tables, copied into fields so the fast path has one indirection less.
    private long[] readTag;
    private byte[][] readPage;
    private long[] writeTag;
    private long[] writePhysPage;
    private byte[][] writePage;
    private int regime;
    private Translation translation = Translation.IDENTITY;
    /** The last instruction fetch's virtual and physical page: decoding a block fetches one page many times. */
    private long fetchVaPage = NO_PAGE;
    private long fetchPaPage;

    /** The last fault; {@code fault.kind == Fault.NONE} after a successful access. */
    public final Fault fault = new Fault();

    /** The access path of CPU {@code cpu} (its index, passed to devices with it). */
    public Mmu(PhysicalBus bus, int cpu) {
        this.bus = bus;
        this.accessor = cpu;
        bus.addMapListener(this::flush);
        bus.codeWatch().addListener(this);
        selectRegime(0);
        flush();
    }

    public PhysicalBus bus() {
        return bus;
    }

    public void setTranslation(Translation translation) {
        this.translation = translation;
        flush();
    }

    /** Forgets every cached translation (TLB invalidate all, map changes). */
    public void flush() {
        for (FastTlb t : fastTlbs) {
            t.flush();
        }
        fetchVaPage = NO_PAGE;
    }

    /** Makes accesses use the permissions of {@code el} (0, or 1 for EL1 and above). */
    public void selectRegime(int el) {
        FastTlb t = fastTlbs[el];
        regime = el;
        readTag = t.readTag;
        readPage = t.readPage;
        writeTag = t.writeTag;
        writePhysPage = t.writePhysPage;
        writePage = t.writePage;
        fetchVaPage = NO_PAGE;
    }

    /** The level whose permissions accesses are checked against: 0 or 1. */
    public int regime() {
        return regime;
    }

    private static int slot(long va) {
        return (int) (va >>> RamBank.PAGE_SHIFT) & TLB_MASK;
    }

    public int read8(long va) {
        int i = slot(va);
        if (readTag[i] == (va & PAGE_BASE)) {
            return readPage[i][(int) (va & PAGE_OFFSET)] & 0xFF;
        }
        return (int) slowRead(va, 1);
    }

    public int read16(long va) {
        int i = slot(va);
        if (readTag[i] == (va & PAGE_BASE) && (va & PAGE_OFFSET) <= PAGE_OFFSET - 1) {
            return (short) SHORT.get(readPage[i], (int) (va & PAGE_OFFSET)) & 0xFFFF;
        }
        return (int) slowRead(va, 2);
    }

    public int read32(long va) {
        int i = slot(va);
        if (readTag[i] == (va & PAGE_BASE) && (va & PAGE_OFFSET) <= PAGE_OFFSET - 3) {
            return (int) INT.get(readPage[i], (int) (va & PAGE_OFFSET));
        }
        return (int) slowRead(va, 4);
    }

    public long read64(long va) {
        int i = slot(va);
        if (readTag[i] == (va & PAGE_BASE) && (va & PAGE_OFFSET) <= PAGE_OFFSET - 7) {
            return (long) LONG.get(readPage[i], (int) (va & PAGE_OFFSET));
        }
        return slowRead(va, 8);
    }

    /** Reads {@code size} (1, 2, 4 or 8) bytes, zero-extended. */
    public long read(long va, int size) {
        return switch (size) {
            case 1 -> read8(va);
            case 2 -> read16(va);
            case 4 -> read32(va) & 0xFFFFFFFFL;
            default -> read64(va);
        };
    }

    public void write8(long va, int value) {
        int i = slot(va);
        if (writeTag[i] == (va & PAGE_BASE)) {
            writePage[i][(int) (va & PAGE_OFFSET)] = (byte) value;
            return;
        }
        slowWrite(va, 1, value);
    }

    public void write16(long va, int value) {
        int i = slot(va);
        if (writeTag[i] == (va & PAGE_BASE) && (va & PAGE_OFFSET) <= PAGE_OFFSET - 1) {
            SHORT.set(writePage[i], (int) (va & PAGE_OFFSET), (short) value);
            return;
        }
        slowWrite(va, 2, value);
    }

    public void write32(long va, int value) {
        int i = slot(va);
        if (writeTag[i] == (va & PAGE_BASE) && (va & PAGE_OFFSET) <= PAGE_OFFSET - 3) {
            INT.set(writePage[i], (int) (va & PAGE_OFFSET), value);
            return;
        }
        slowWrite(va, 4, value & 0xFFFFFFFFL);
    }

    public void write64(long va, long value) {
        int i = slot(va);
        if (writeTag[i] == (va & PAGE_BASE) && (va & PAGE_OFFSET) <= PAGE_OFFSET - 7) {
            LONG.set(writePage[i], (int) (va & PAGE_OFFSET), value);
            return;
        }
        slowWrite(va, 8, value);
    }

    /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value}. */
    public void write(long va, int size, long value) {
        switch (size) {
            case 1 -> write8(va, (int) value);
            case 2 -> write16(va, (int) value);
            case 4 -> write32(va, (int) value);
            default -> write64(va, value);
        }
    }

    /**
     * Fetches the instruction word at {@code va} from RAM and records the
     * physical page it came from in {@link #lastFetchPhysPage}; on a fault
     * returns 0 with {@link #fault} set.
     */
    public int fetch(long va) {
        fault.kind = Fault.NONE;
        long pa;
        if ((va & PAGE_BASE) == fetchVaPage) {
            pa = fetchPaPage | (va & PAGE_OFFSET);
        } else {
            pa = translation.translate(va, Translation.FETCH, this);
            if (pa < 0) {
                return 0;
            }
        }
        PhysicalBus.Region r = bus.find(pa);
        if (r == null || r.ram() == null) {
            fault.set(Fault.EXTERNAL, va, Translation.FETCH);
            return 0;
        }
        lastFetchPhysPage = pa >>> RamBank.PAGE_SHIFT;
        fetchVaPage = va & PAGE_BASE;
        fetchPaPage = pa & PAGE_BASE;
        return (int) INT.get(r.ram().page(pa), (int) (pa & PAGE_OFFSET));
    }

    /** Physical page number of the last successful {@link #fetch}. */
    public long lastFetchPhysPage;

    private long slowRead(long va, int size) {
        fault.kind = Fault.NONE;
        if (((va & PAGE_OFFSET) + size) > RamBank.PAGE_SIZE) {
            long value = 0;
            for (int b = 0; b < size; b++) {
                value |= (slowRead(va + b, 1) & 0xFF) << (8 * b);
                if (fault.kind != Fault.NONE) {
                    return 0;
                }
            }
            return value;
        }
        long pa = translation.translate(va, Translation.READ, this);
        if (pa < 0) {
            return 0;
        }
        PhysicalBus.Region r = bus.find(pa);
        if (r == null) {
            fault.set(Fault.EXTERNAL, va, Translation.READ);
            return 0;
        }
        if (r.device() != null) {
            long v = r.device().read(accessor, pa - r.base(), size);
            return size == 8 ? v : v & ((1L << (8 * size)) - 1);
        }
        byte[] page = r.ram().page(pa);
        int i = slot(va);
        readTag[i] = va & PAGE_BASE;
        readPage[i] = page;
        int off = (int) (pa & PAGE_OFFSET);
        return switch (size) {
            case 1 -> page[off] & 0xFF;
            case 2 -> (short) SHORT.get(page, off) & 0xFFFF;
            case 4 -> (int) INT.get(page, off) & 0xFFFFFFFFL;
            default -> (long) LONG.get(page, off);
        };
    }

    private void slowWrite(long va, int size, long value) {
        fault.kind = Fault.NONE;
        if (((va & PAGE_OFFSET) + size) > RamBank.PAGE_SIZE) {
            // Check every byte first so that a faulting store changes nothing.
            for (int b = 0; b < size; b++) {
                if (!writable(va + b)) {
                    return;
                }
            }
            for (int b = 0; b < size; b++) {
                slowWrite(va + b, 1, value >>> (8 * b));
            }
            return;
        }
        long pa = translation.translate(va, Translation.WRITE, this);
        if (pa < 0) {
            return;
        }
        PhysicalBus.Region r = bus.find(pa);
        if (r == null) {
            fault.set(Fault.EXTERNAL, va, Translation.WRITE);
            return;
        }
        if (r.device() != null) {
            r.device().write(accessor, pa - r.base(), size, value);
            return;
        }
        long physPage = pa >>> RamBank.PAGE_SHIFT;
        bus.codeWatch().written(physPage);
        byte[] page = r.ram().page(pa);
        int i = slot(va);
        writeTag[i] = va & PAGE_BASE;
        writePhysPage[i] = physPage;
        writePage[i] = page;
        int off = (int) (pa & PAGE_OFFSET);
        switch (size) {
            case 1 -> page[off] = (byte) value;
            case 2 -> SHORT.set(page, off, (short) value);
            case 4 -> INT.set(page, off, (int) value);
            default -> LONG.set(page, off, value);
        }
    }

    /** Whether a one-byte write at {@code va} would succeed; sets {@link #fault} if not. */
    public boolean writable(long va) {
        fault.kind = Fault.NONE;
        long pa = translation.translate(va, Translation.WRITE, this);
        if (pa < 0) {
            return false;
        }
        if (bus.find(pa) == null) {
            fault.set(Fault.EXTERNAL, va, Translation.WRITE);
            return false;
        }
        return true;
    }

    @Override
    public void pageBecameCode(long pageNumber) {
        for (FastTlb t : fastTlbs) {
            t.dropWrites(pageNumber);
        }
    }

    @Override
    public void codePageWritten(long pageNumber) {
        // Nothing cached here depends on a page being code.
    }
}
