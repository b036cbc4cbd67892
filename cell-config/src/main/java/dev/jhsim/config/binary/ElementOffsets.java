package dev.jhsim.config.binary;

import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.SystemConfig;

/**
 * Byte offsets of a configuration's array elements in its binary form, so a
 * finding about "memory region 3" can point at the bytes (and, through a
 * {@link dev.jhsim.config.c.SourceMap}, at the C initialiser) it came from.
 */
public final class ElementOffsets {
    /** The arrays that follow a cell descriptor, in file order. */
    public enum Array { CPU_SET, MEMORY_REGIONS, CACHE_REGIONS, IRQCHIPS, PIO_REGIONS, PCI_DEVICES, PCI_CAPS,
        STREAM_IDS, QOS_DEVICES }

    private final ConfigFile file;

    public ElementOffsets(ConfigFile file) {
        this.file = file;
    }

    private Cell cell() {
        return file instanceof SystemConfig s ? s.rootCell() : ((dev.jhsim.config.model.CellConfig) file).cell();
    }

    /** Offset of the cell descriptor (the root cell's inside a system configuration). */
    public long cellDescriptor() {
        return file instanceof SystemConfig ? StructSizes.rootCellOffset(file.layout()) : 0;
    }

    /** Offset of the cell's console, the last member of the cell descriptor in every layout. */
    public long cellConsole() {
        return cellDescriptor() + StructSizes.cellDesc(file.layout()) - StructSizes.CONSOLE;
    }

    /** Offset of the system configuration's hypervisor memory region. */
    public long hypervisorMemory() {
        return StructSizes.FILE_HEADER + 4;
    }

    /** Offset of the system configuration's debug console. */
    public long debugConsole() {
        return hypervisorMemory() + StructSizes.memoryRegion(file.layout());
    }

    /** Offset of the system configuration's platform information. */
    public long platformInfo() {
        return debugConsole() + StructSizes.CONSOLE;
    }

    /** Offset of element {@code index} of {@code array}. */
    public long of(Array array, int index) {
        Cell c = cell();
        long offset = cellDescriptor() + StructSizes.cellDesc(file.layout());
        long[] sizes = {c.cpus().sizeBytes(),
            (long) c.memoryRegions().size() * StructSizes.memoryRegion(file.layout()),
            (long) c.cacheRegions().size() * StructSizes.CACHE,
            (long) c.irqchips().size() * StructSizes.IRQCHIP,
            (long) c.pioRegions().size() * StructSizes.PIO,
            (long) c.pciDevices().size() * StructSizes.PCI_DEVICE,
            (long) c.pciCaps().size() * StructSizes.PCI_CAPABILITY,
            (long) c.streamIds().size() * StructSizes.STREAM_ID,
            (long) c.qosDevices().size() * StructSizes.QOS_DEVICE};
        int[] elementSizes = {1, StructSizes.memoryRegion(file.layout()), StructSizes.CACHE, StructSizes.IRQCHIP,
            StructSizes.PIO, StructSizes.PCI_DEVICE, StructSizes.PCI_CAPABILITY, StructSizes.STREAM_ID,
            StructSizes.QOS_DEVICE};
        for (int i = 0; i < array.ordinal(); i++) {
            offset += sizes[i];
        }
        return offset + (long) index * elementSizes[array.ordinal()];
    }
}
