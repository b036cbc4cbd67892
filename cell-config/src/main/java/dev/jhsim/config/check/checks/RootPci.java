package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.CheckedCell;
import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Element;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.model.PciDevice;
import java.util.ArrayList;
import java.util.List;

/** Physical PCI devices of a non-root cell that the root cell does not list (virtual ivshmem devices are exempt). */
final class RootPci extends NamedCheck {
    RootPci() {
        super("root-pci", "Non-root PCI devices not owned by the root cell");
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        for (CheckedCell cell : set.nonRoot()) {
            for (int i = 0; i < cell.cell().pciDevices().size(); i++) {
                PciDevice device = cell.cell().pciDevices().get(i);
                boolean owned = set.root().cell().pciDevices().stream()
                        .anyMatch(d -> d.domain() == device.domain() && d.bdf() == device.bdf());
                if (!device.isIvshmem() && !owned) {
                    findings.add(cell.finding(Element.pciDevice(i), "PCI device " + device.address()
                            + " is not a device of the root cell",
                            "list the device in the root cell too (same domain and bdf), or fix its address"));
                }
            }
        }
        return findings;
    }
}
