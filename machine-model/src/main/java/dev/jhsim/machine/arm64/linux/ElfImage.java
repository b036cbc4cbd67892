package dev.jhsim.machine.arm64.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** The parts of a static AArch64 ELF64 executable that loading needs. */
public final class ElfImage {
    private static final int ET_EXEC = 2;
    private static final int ET_DYN = 3;
    private static final int EM_AARCH64 = 183;
    private static final int PT_LOAD = 1;
    private static final int PT_INTERP = 3;
    private static final int PT_PHDR = 6;
    /** Where a static position-independent executable is placed. */
    private static final long PIE_BASE = 0x5500000000L;

    /** One PT_LOAD segment, already relocated by the load bias. */
    public record Segment(long vaddr, long memSize, long fileOffset, long fileSize, int flags) {
    }

    private final byte[] file;
    private final long entry;
    private final long phdrAddress;
    private final int phnum;
    private final List<Segment> segments;

    private ElfImage(byte[] file, long entry, long phdrAddress, int phnum, List<Segment> segments) {
        this.file = file;
        this.entry = entry;
        this.phdrAddress = phdrAddress;
        this.phnum = phnum;
        this.segments = segments;
    }

    public static ElfImage parse(byte[] file) throws ElfException {
        if (file.length < 64 || file[0] != 0x7F || file[1] != 'E' || file[2] != 'L' || file[3] != 'F') {
            throw new ElfException("not an ELF file (expected a static AArch64 Linux executable)");
        }
        if (file[4] != 2 || file[5] != 1) {
            throw new ElfException("not a 64-bit little-endian ELF (expected a static AArch64 Linux executable)");
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getShort(16) & 0xFFFF;
        int machine = b.getShort(18) & 0xFFFF;
        if (machine != EM_AARCH64) {
            throw new ElfException("ELF for machine " + machine + ", not AArch64 (expected a static AArch64 Linux executable)");
        }
        if (type != ET_EXEC && type != ET_DYN) {
            throw new ElfException("ELF type " + type + " is not an executable (expected a static AArch64 Linux executable)");
        }
        long phoff = b.getLong(32);
        int phentsize = b.getShort(54) & 0xFFFF;
        int phnum = b.getShort(56) & 0xFFFF;
        if (phentsize != 56 || phoff < 0 || phoff + (long) phnum * phentsize > file.length) {
            throw new ElfException("truncated or malformed program headers");
        }
        long bias = type == ET_DYN ? PIE_BASE : 0;
        List<Segment> segments = new ArrayList<>();
        long phdrAddress = -1;
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * phentsize);
            int ptype = b.getInt(at);
            if (ptype == PT_INTERP) {
                throw new ElfException("dynamically linked (expected a static AArch64 Linux executable; link with -static)");
            }
            if (ptype == PT_PHDR) {
                phdrAddress = b.getLong(at + 16) + bias;
            }
            if (ptype == PT_LOAD) {
                long offset = b.getLong(at + 8);
                long vaddr = b.getLong(at + 16) + bias;
                long filesz = b.getLong(at + 32);
                long memsz = b.getLong(at + 40);
                if (filesz < 0 || memsz < filesz || (filesz > 0 && (offset < 0 || offset + filesz > file.length))) {
                    throw new ElfException("segment " + i + " lies outside the file");
                }
                segments.add(new Segment(vaddr, memsz, offset, filesz, b.getInt(at + 4)));
                if (phdrAddress < 0 && offset <= phoff && phoff < offset + filesz) {
                    phdrAddress = vaddr + (phoff - offset);
                }
            }
        }
        if (segments.isEmpty()) {
            throw new ElfException("no loadable segments");
        }
        return new ElfImage(file, b.getLong(24) + bias, phdrAddress, phnum, List.copyOf(segments));
    }

    public byte[] file() {
        return file;
    }

    public long entry() {
        return entry;
    }

    /** Address of the program headers in memory (AT_PHDR). */
    public long phdrAddress() {
        return phdrAddress;
    }

    public int phnum() {
        return phnum;
    }

    public List<Segment> segments() {
        return segments;
    }
}
