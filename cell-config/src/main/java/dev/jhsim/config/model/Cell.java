package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u32;

import java.util.List;

/**
 * The body of {@code struct jailhouse_cell_desc} with its variable-length
 * arrays: everything that describes a cell except the file header (signature,
 * architecture, revision), which belongs to the file ({@link CellConfig}) or
 * the system configuration that embeds the root cell.
 */
public record Cell(String name, long id, long flags, CpuSet cpus,
        List<MemoryRegion> memoryRegions, List<CacheRegion> cacheRegions, List<IrqChip> irqchips,
        List<PioRegion> pioRegions, List<PciDevice> pciDevices, List<PciCapability> pciCaps,
        List<Long> streamIds, List<QosDevice> qosDevices,
        long vpciIrqBase, long cpuResetAddress, long msgReplyTimeout, Console console) {

    /** Bytes of the name field, terminator included. */
    public static final int NAME_BYTES = 32;

    public static final long PASSIVE_COMMREG = 0x0000_0001L;
    public static final long TEST_DEVICE = 0x0000_0002L;
    public static final long AARCH32 = 0x0000_0004L;
    public static final long VIRTUAL_CONSOLE_PERMITTED = 0x4000_0000L;
    public static final long VIRTUAL_CONSOLE_ACTIVE = 0x8000_0000L;

    public static final Symbols FLAGS = Symbols.flags()
            .with("PASSIVE_COMMREG", PASSIVE_COMMREG).with("TEST_DEVICE", TEST_DEVICE)
            .with("AARCH32", AARCH32).with("VIRTUAL_CONSOLE_PERMITTED", VIRTUAL_CONSOLE_PERMITTED)
            .with("VIRTUAL_CONSOLE_ACTIVE", VIRTUAL_CONSOLE_ACTIVE);

    public Cell {
        Names.check(name, NAME_BYTES, "cell name");
        u32(id, "cell id");
        u32(flags, "cell flags");
        memoryRegions = List.copyOf(memoryRegions);
        cacheRegions = List.copyOf(cacheRegions);
        irqchips = List.copyOf(irqchips);
        pioRegions = List.copyOf(pioRegions);
        pciDevices = List.copyOf(pciDevices);
        pciCaps = List.copyOf(pciCaps);
        streamIds = List.copyOf(streamIds);
        for (long sid : streamIds) {
            u32(sid, "stream id");
        }
        qosDevices = List.copyOf(qosDevices);
        u32(vpciIrqBase, "vpci_irq_base");
        if (cpus == null || console == null) {
            throw new IllegalArgumentException("cell needs a cpu set and a console");
        }
    }

    public boolean has(long flag) {
        return (flags & flag) == flag;
    }
}
