package dev.jhsim.config.model;

/**
 * {@code struct jailhouse_memory}: a region of guest-physical memory mapped to
 * host-physical memory. {@code colors} exists only in the MinervaSys layout
 * (zero elsewhere).
 */
public record MemoryRegion(long physStart, long virtStart, long size, long flags, long colors) {
    public static final long READ = 0x0001;
    public static final long WRITE = 0x0002;
    public static final long EXECUTE = 0x0004;
    public static final long DMA = 0x0008;
    public static final long IO = 0x0010;
    public static final long COMM_REGION = 0x0020;
    public static final long LOADABLE = 0x0040;
    public static final long ROOTSHARED = 0x0080;
    public static final long NO_HUGEPAGES = 0x0100;
    public static final long COLORED = 0x0200;
    public static final long COLORED_NO_COPY = 0x0400;
    public static final long TMP_ROOT_REMAP = 0x0800;
    public static final long IO_UNALIGNED = 0x8000;
    public static final long IO_8 = 0x1_0000;
    public static final long IO_16 = 0x2_0000;
    public static final long IO_32 = 0x4_0000;
    public static final long IO_64 = 0x8_0000;

    public static final Symbols FLAGS = Symbols.flags()
            .with("READ", READ).with("WRITE", WRITE).with("EXECUTE", EXECUTE).with("DMA", DMA)
            .with("IO", IO).with("COMM_REGION", COMM_REGION).with("LOADABLE", LOADABLE)
            .with("ROOTSHARED", ROOTSHARED).with("NO_HUGEPAGES", NO_HUGEPAGES)
            .with("COLORED", COLORED).with("COLORED_NO_COPY", COLORED_NO_COPY)
            .with("TMP_ROOT_REMAP", TMP_ROOT_REMAP).with("IO_UNALIGNED", IO_UNALIGNED)
            .with("IO_8", IO_8).with("IO_16", IO_16).with("IO_32", IO_32).with("IO_64", IO_64);

    /** A region without colours, as in every layout but MinervaSys. */
    public MemoryRegion(long physStart, long virtStart, long size, long flags) {
        this(physStart, virtStart, size, flags, 0);
    }

    public boolean has(long flag) {
        return (flags & flag) == flag;
    }

    /** The last host-physical address of the region (inclusive), for non-empty regions. */
    public long physLast() {
        return physStart + size - 1;
    }
}
