package dev.jhsim.machine.arm64.linux;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.bus.RamBank;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory of a user-mode process, with virtual equal to physical
 * addresses: the ELF segments, a heap for brk, an area for anonymous mmap and
 * a stack holding argv, envp and the auxiliary vector as Linux lays them out.
 * Every address outside these areas is a bus error, so stray accesses fault.
 */
public final class LinuxProcess {
    static final long PAGE = RamBank.PAGE_SIZE;
    private static final long HEAP_RESERVE = 1L << 32;
    private static final long MMAP_BASE = 0x7E0000000000L;
    private static final long MMAP_RESERVE = 1L << 36;
    private static final long STACK_TOP = 0x7FFFFFFF0000L;
    private static final long STACK_SIZE = 8L << 20;

    /** Hardware capabilities advertised in AT_HWCAP: FP, ASIMD, CRC32, ATOMICS. */
    static final long HWCAP = 1 | 2 | (1 << 7) | (1 << 8);

    private final PhysicalBus bus;
    private final long heapStart;
    private long brk;
    private long mmapNext = MMAP_BASE;

    LinuxProcess(PhysicalBus bus, ElfImage elf) {
        this.bus = bus;
        long end = 0;
        for (ElfImage.Segment s : elf.segments()) {
            long lo = s.vaddr() & -PAGE;
            long hi = pageUp(s.vaddr() + s.memSize());
            mapUnmapped(lo, hi);
            bus.writeBytes(s.vaddr(), elf.file(), (int) s.fileOffset(), (int) s.fileSize());
            end = Math.max(end, hi);
        }
        heapStart = end;
        brk = end;
        bus.addRam(heapStart, HEAP_RESERVE);
        bus.addRam(MMAP_BASE, MMAP_RESERVE);
        bus.addRam(STACK_TOP - STACK_SIZE, STACK_SIZE);
    }

    /** Maps the pages of [lo, hi) that no earlier segment mapped (segments may share a page). */
    private void mapUnmapped(long lo, long hi) {
        long p = lo;
        while (p < hi) {
            if (bus.find(p) != null) {
                p += PAGE;
                continue;
            }
            long runEnd = p + PAGE;
            while (runEnd < hi && bus.find(runEnd) == null) {
                runEnd += PAGE;
            }
            bus.addRam(p, runEnd - p);
            p = runEnd;
        }
    }

    static long pageUp(long a) {
        return (a + PAGE - 1) & -PAGE;
    }

    /** Sets up registers and the initial stack: SP at argc, PC at the entry point. */
    void start(Arm64Cpu cpu, ElfImage elf, List<String> argv, List<String> envp) {
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        List<Long> argvOffsets = new ArrayList<>();
        List<Long> envOffsets = new ArrayList<>();
        for (String a : argv) {
            argvOffsets.add((long) strings.size());
            strings.writeBytes((a + "\0").getBytes(StandardCharsets.UTF_8));
        }
        for (String e : envp) {
            envOffsets.add((long) strings.size());
            strings.writeBytes((e + "\0").getBytes(StandardCharsets.UTF_8));
        }
        long platformOffset = strings.size();
        strings.writeBytes("aarch64\0".getBytes(StandardCharsets.US_ASCII));
        long randomOffset = strings.size();
        for (int i = 0; i < 16; i++) {
            strings.write(0x5A ^ (i * 37));
        }
        byte[] text = strings.toByteArray();
        long stringsAt = (STACK_TOP - 256 - text.length) & -16L;
        long[][] auxv = {
            {3, elf.phdrAddress()}, {4, 56}, {5, elf.phnum()}, {6, PAGE}, {7, 0}, {8, 0},
            {9, elf.entry()}, {11, 0}, {12, 0}, {13, 0}, {14, 0}, {15, stringsAt + platformOffset},
            {16, HWCAP}, {17, 100}, {23, 0}, {25, stringsAt + randomOffset}, {26, 0},
            {31, stringsAt + argvOffsets.get(0)}, {0, 0},
        };
        int words = 1 + argv.size() + 1 + envp.size() + 1 + auxv.length * 2;
        long sp = (stringsAt - 8L * words) & -16L;
        ByteBuffer table = ByteBuffer.allocate(8 * words).order(ByteOrder.LITTLE_ENDIAN);
        table.putLong(argv.size());
        argvOffsets.forEach(o -> table.putLong(stringsAt + o));
        table.putLong(0);
        envOffsets.forEach(o -> table.putLong(stringsAt + o));
        table.putLong(0);
        for (long[] pair : auxv) {
            table.putLong(pair[0]).putLong(pair[1]);
        }
        bus.writeBytes(stringsAt, text, 0, text.length);
        bus.writeBytes(sp, table.array(), 0, table.capacity());
        cpu.x[Arm64Cpu.SP] = sp;
        cpu.pc = elf.entry();
    }

    /** brk(2): moves the break within the heap reservation and returns the (possibly unchanged) break. */
    long brk(long requested) {
        if (requested >= heapStart && requested <= heapStart + HEAP_RESERVE) {
            brk = requested;
        }
        return brk;
    }

    /** Anonymous mmap: fresh zeroed pages from a never-reused area; -ENOMEM when it is exhausted. */
    long mapAnonymous(long length) {
        long size = pageUp(length);
        if (size <= 0 || mmapNext + size > MMAP_BASE + MMAP_RESERVE) {
            return -12;
        }
        long at = mmapNext;
        mmapNext += size;
        return at;
    }

    PhysicalBus bus() {
        return bus;
    }
}
