package dev.jhsim.hypervisor.pci;

import dev.jhsim.hypervisor.core.Cell;

/**
 * A PCI device of a cell as the hypervisor keeps it ({@code struct
 * pci_device}): its configuration entry, the cell owning it and the shadow
 * BARs the cell programs. jhsim's devices are virtual (ivshmem), so each
 * has an {@link IvshmemEndpoint}.
 */
public final class PciDevice {
    static final int BARS = 6;

    private final dev.jhsim.config.model.PciDevice info;
    private final Cell cell;
    private final int[] bars = new int[BARS];
    private IvshmemEndpoint endpoint;

    PciDevice(dev.jhsim.config.model.PciDevice info, Cell cell) {
        this.info = info;
        this.cell = cell;
    }

    public dev.jhsim.config.model.PciDevice info() {
        return info;
    }

    public Cell cell() {
        return cell;
    }

    int[] bars() {
        return bars;
    }

    IvshmemEndpoint endpoint() {
        return endpoint;
    }

    void setEndpoint(IvshmemEndpoint endpoint) {
        this.endpoint = endpoint;
    }
}
