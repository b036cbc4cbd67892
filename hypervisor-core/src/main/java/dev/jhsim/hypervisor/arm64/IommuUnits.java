package dev.jhsim.hypervisor.arm64;

import dev.jhsim.config.model.IommuUnit;
import dev.jhsim.hypervisor.core.Cell;
import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.Jailhouse;
import dev.jhsim.hypervisor.core.Unit;
import dev.jhsim.hypervisor.driver.Errno;

/**
 * One of the IOMMU units of upstream's arm64 build (ARM SMMU v3, ARM SMMU,
 * TI PVU). Each acts on the system configuration's IOMMU units of its type;
 * with none, as on the boards jhsim models, it has nothing to do, as
 * upstream's has not. jhsim models no IOMMU, so a configuration that lists
 * one of its type is refused.
 */
final class IommuUnits implements Unit {
    private final String name;
    private final long type;
    private final Jailhouse hv;

    IommuUnits(String name, long type, Jailhouse hv) {
        this.name = name;
        this.type = type;
        this.hv = hv;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init() {
        for (IommuUnit unit : hv.system().platform().iommuUnits()) {
            if (unit.type() == type) {
                throw HypervisorError.of(Errno.ENODEV, "%s at 0x%x: jhsim models no IOMMU", name, unit.base());
            }
        }
    }

    @Override
    public void cellInit(Cell cell) {
        // Without an IOMMU of this type, a cell's stream IDs have nothing to program.
    }

    @Override
    public void cellExit(Cell cell) {
        // Nothing was programmed for the cell.
    }

    @Override
    public void shutdown() {
        // Nothing was set up.
    }
}
