package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.irq.InterruptController;
import dev.jhsim.machine.irq.InterruptLine;
import java.util.List;

/**
 * A generic interrupt controller with its virtualization extensions: the
 * interrupt state, one physical and one virtual CPU interface per core, and
 * the wires devices plug into. {@link GicV3} and {@link GicV2} add the
 * registers through which software sees it; {@link GicFactory} builds one
 * from a board description.
 */
public abstract class Gic implements InterruptController {
    /** The maintenance interrupt of GIC-400 and GIC-500: PPI 9. */
    public static final int DEFAULT_MAINTENANCE_IRQ = 25;

    final InterruptState state;
    final PhysicalCpuInterface[] physical;
    final VirtualCpuInterface[] virtual;
    private final InterruptLine[] sharedLines;
    private final InterruptLine[][] privateLines;
    private final int maintenanceIrq;

    Gic(List<Arm64Cpu> cpus, int lines, int maintenanceIrq, boolean gicv3) {
        int n = cpus.size();
        for (int i = 0; i < n; i++) {
            if (cpus.get(i).index() != i) {
                throw new IllegalArgumentException("CPU " + i + " of the list has index " + cpus.get(i).index());
            }
        }
        if (maintenanceIrq < 16 || maintenanceIrq > 31) {
            throw new IllegalArgumentException("maintenance interrupt " + maintenanceIrq + " is not a PPI");
        }
        this.maintenanceIrq = maintenanceIrq;
        state = new InterruptState(n, lines, this::stateChanged);
        sharedLines = new InterruptLine[lines];
        for (int id = 32; id < lines; id++) {
            int intid = id;
            sharedLines[id] = high -> state.setLine(0, intid, high);
        }
        privateLines = new InterruptLine[n][32];
        physical = new PhysicalCpuInterface[n];
        virtual = new VirtualCpuInterface[n];
        for (int c = 0; c < n; c++) {
            int cpu = c;
            for (int id = 16; id < 32; id++) {
                int intid = id;
                privateLines[c][id] = high -> state.setLine(cpu, intid, high);
            }
            physical[c] = new PhysicalCpuInterface(state, c, cpus.get(c), gicv3, this::groupEnablesChanged);
            virtual[c] = new VirtualCpuInterface(gicv3, physical[c], cpus.get(c), privateLines[c][maintenanceIrq]);
        }
    }

    /** 3 or 2. */
    public abstract int version();

    /** Interrupt IDs 0 .. lines()-1 exist: SGIs, PPIs, then SPIs. */
    public int lines() {
        return state.lines;
    }

    public int cpus() {
        return state.cpus;
    }

    public int maintenanceIrq() {
        return maintenanceIrq;
    }

    public PhysicalCpuInterface cpuInterface(int cpu) {
        return physical[cpu];
    }

    public VirtualCpuInterface virtualInterface(int cpu) {
        return virtual[cpu];
    }

    @Override
    public InterruptLine shared(int intid) {
        if (intid < 32 || intid >= state.lines) {
            throw new IllegalArgumentException("no shared interrupt " + intid + " (SPIs are 32.." + (state.lines - 1)
                    + ")");
        }
        return sharedLines[intid];
    }

    @Override
    public InterruptLine perCpu(int cpu, int intid) {
        if (intid < 16 || intid > 31 || cpu < 0 || cpu >= state.cpus) {
            throw new IllegalArgumentException("no private interrupt " + intid + " on CPU " + cpu
                    + " (PPIs are 16..31)");
        }
        return privateLines[cpu][intid];
    }

    /** A CPU interface enabled or disabled a group (affinity routing cares). */
    void groupEnablesChanged() {
    }

    private void stateChanged(int cpu) {
        if (cpu == InterruptState.ALL_CPUS) {
            for (PhysicalCpuInterface p : physical) {
                p.update();
            }
        } else {
            physical[cpu].update();
        }
    }
}
