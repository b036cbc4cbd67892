package dev.jhsim.config.check.checks;

import dev.jhsim.config.check.ConfigSet;
import dev.jhsim.config.check.Finding;
import dev.jhsim.config.check.checks.Ivshmem.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The interrupt lines of ivshmem devices on ARM. A device without MSI-X
 * raises INTx line {@code 32 + vpci_irq_base + (device number & 3)}; the cell must be
 * granted that line in its GIC irqchip, or it cannot enable it.
 */
final class IvshmemIrq extends NamedCheck {
    IvshmemIrq() {
        super("ivshmem-irq", "ivshmem interrupt lines not granted");
    }

    @Override
    public boolean appliesTo(ConfigSet set) {
        return set.isArm();
    }

    @Override
    public List<Finding> run(ConfigSet set) {
        List<Finding> findings = new ArrayList<>();
        long gicd = set.system().platform().arm().gicdBase();
        for (Endpoint e : Ivshmem.endpoints(set)) {
            int rotation = e.device().device() & 3;
            long line = 32 + e.cell().cell().vpciIrqBase() + rotation;
            if (e.device().numMsixVectors() == 0 && !IrqLines.granted(e.cell().cell(), gicd).contains(line)) {
                findings.add(IvshmemPeers.finding(e, String.format("INTx line %d (32 + vpci_irq_base %d + %d for"
                        + " device %d) is not granted to the cell", line, e.cell().cell().vpciIrqBase(), rotation,
                        e.device().device()), "grant line " + line
                        + " in the cell's GIC irqchip, or change vpci_irq_base"));
            }
        }
        return findings;
    }
}
