package dev.jhsim.config.model;

import static dev.jhsim.config.model.Ranges.u16;

/** {@code struct jailhouse_pci_capability}: a PCI capability the hypervisor emulates or passes through. */
public record PciCapability(int id, int start, int len, int flags) {
    /** Set in {@code id} for PCI Express extended capabilities. */
    public static final int EXT_CAP = 0x8000;
    public static final Symbols FLAGS = Symbols.flags().with("WRITE", 0x0001);

    public PciCapability {
        u16(id, "capability id");
        u16(start, "capability start");
        u16(len, "capability len");
        u16(flags, "capability flags");
    }
}
