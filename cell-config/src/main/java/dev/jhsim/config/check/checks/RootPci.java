package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.PciDevice;
import java.util.List;

/** Physical PCI devices of a non-root cell that the root cell does not list (virtual ivshmem devices are exempt). */
final class RootPci extends ElementCheck<PciDevice> {
    RootPci() {
        super("root-pci", "Non-root PCI devices not owned by the root cell", Scope.NON_ROOT_CELLS, Cell::pciDevices);
    }

    @Override
    List<Finding> check(ConfigSet set, CheckedCell cell, int index, PciDevice device) {
        boolean owned = set.root().cell().pciDevices().stream()
                .anyMatch(d -> d.domain() == device.domain() && d.bdf() == device.bdf());
        if (device.isIvshmem() || owned) {
            return List.of();
        }
        return List.of(cell.finding(Element.pciDevice(index), "PCI device " + device.address()
                + " is not a device of the root cell",
                "list the device in the root cell too (same domain and bdf), or fix its address"));
    }
}
