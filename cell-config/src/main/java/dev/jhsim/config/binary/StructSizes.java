package dev.jhsim.config.binary;

import dev.jhsim.config.model.Layout;

/** Byte sizes of the packed structures, per layout. */
public final class StructSizes {
    private StructSizes() {
    }

    /** Signature, architecture and revision: the same 8 bytes in every layout. */
    public static final int FILE_HEADER = 8;
    public static final int CONSOLE = 32;
    public static final int CACHE = 12;
    public static final int IRQCHIP = 32;
    public static final int PIO = 4;
    public static final int PCI_DEVICE = 56;
    public static final int PCI_CAPABILITY = 8;
    public static final int STREAM_ID = 4;
    public static final int QOS_DEVICE = 20;
    public static final int IOMMU = 28;
    public static final int IOMMU_UNITS = 8 * IOMMU;

    public static int memoryRegion(Layout layout) {
        return layout.isMinervaSys() ? 40 : 32;
    }

    /** {@code struct jailhouse_cell_desc}, header included. */
    public static int cellDesc(Layout layout) {
        return layout.isMinervaSys() ? 136 : 132;
    }

    /** The architecture union of the platform info. */
    public static int platformUnion(Layout layout) {
        return layout == Layout.V12 ? 266 : 44;
    }

    /** {@code platform_info} as a whole. */
    public static int platformInfo(Layout layout) {
        int pci = 12;
        return switch (layout) {
            case V12 -> pci + platformUnion(layout);
            case V13, V14 -> pci + IOMMU_UNITS + platformUnion(layout);
            case MINERVASYS -> pci + 4 + IOMMU_UNITS + 16 + 48 + 16 + platformUnion(layout);
        };
    }

    /** Offset of the embedded root-cell descriptor inside {@code struct jailhouse_system}. */
    public static int rootCellOffset(Layout layout) {
        return FILE_HEADER + 4 + memoryRegion(layout) + CONSOLE + platformInfo(layout);
    }

    /** {@code sizeof(struct jailhouse_system)}. */
    public static int system(Layout layout) {
        return rootCellOffset(layout) + cellDesc(layout);
    }
}
