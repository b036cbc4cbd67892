package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u16;
import static dev.jhsim.config.model.Ranges.u32;
import static dev.jhsim.config.model.Ranges.u8;

/**
 * {@code struct jailhouse_iommu}: one IOMMU of the system. The trailing union
 * holds AMD-specific fields or TI PVU fields; at most one view is present.
 */
public record IommuUnit(long type, long base, long size, Amd amd, TiPvu tipvu) {
    public static final int TYPE_AMD = 1;
    public static final int TYPE_INTEL = 2;
    public static final int TYPE_SMMUV3 = 3;
    public static final int TYPE_PVU = 4;
    public static final int TYPE_ARM_MMU500 = 5;

    public static final Symbols TYPES = Symbols.values()
            .with("NONE", 0).with("AMD", TYPE_AMD).with("INTEL", TYPE_INTEL).with("SMMUV3", TYPE_SMMUV3)
            .with("PVU", TYPE_PVU).with("ARM_MMU500", TYPE_ARM_MMU500);

    public static final IommuUnit EMPTY = new IommuUnit(0, 0, 0, null, null);

    /** The AMD view of the union. */
    public record Amd(int bdf, int baseCap, int msiCap, long features) {
        public Amd {
            u16(bdf, "amd bdf");
            u8(baseCap, "amd base_cap");
            u8(msiCap, "amd msi_cap");
            u32(features, "amd features");
        }
    }

    /** The TI PVU view of the union. */
    public record TiPvu(long tlbBase, long tlbSize) {
        public TiPvu {
            u32(tlbSize, "tipvu tlb_size");
        }
    }

    public IommuUnit {
        // An all-zero union view is no view: keeps the model canonical, so JSON round-trips exactly.
        if (amd != null && amd.equals(new Amd(0, 0, 0, 0))) {
            amd = null;
        }
        if (tipvu != null && tipvu.equals(new TiPvu(0, 0))) {
            tipvu = null;
        }
        u32(type, "iommu type");
        u32(size, "iommu size");
        if (amd != null && tipvu != null) {
            throw new IllegalArgumentException("an IOMMU unit holds either amd or tipvu fields, not both");
        }
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
