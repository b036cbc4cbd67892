package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.bus.PhysicalBus;
import java.util.List;

/** Builds the GIC a board describes, wired to its CPUs and mapped on its bus. */
public final class GicFactory {
    private GicFactory() {
    }

    /**
     * A {@link GicV3} or {@link GicV2} for {@code description}, serving
     * {@code cpus} (whose list position must equal their index): its MMIO
     * frames are added to {@code bus} and, for GICv3, its system registers to
     * the CPUs' tables. For GICv3, build it after each CPU's MPIDR_EL1 reads
     * its final value: the redistributors take their affinities from it.
     */
    public static Gic create(BoardDescription.InterruptController description, List<Arm64Cpu> cpus,
            PhysicalBus bus) {
        int maintenance = description.maintenanceIrq() != 0 ? description.maintenanceIrq()
                : Gic.DEFAULT_MAINTENANCE_IRQ;
        return description.version() == 3 ? new GicV3(description, maintenance, cpus, bus)
                : new GicV2(description, maintenance, cpus, bus);
    }
}
