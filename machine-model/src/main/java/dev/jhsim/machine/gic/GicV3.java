package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.bus.PhysicalBus;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A GICv3 like QEMU's {@code virt,gic-version=3} (GIC-500-like, no ITS, one
 * Security state): the distributor and one redistributor per CPU on the
 * bus, the CPU interfaces as system registers of the CPUs.
 */
public final class GicV3 extends Gic {
    private static final int MPIDR_KEY = SystemRegisters.key(3, 0, 0, 0, 5);

    private final int[] affinities;
    private final AffinityRouting routing;

    /**
     * Maps GICD and the redistributors (one per CPU, a stride apart from the
     * start of the board's region) and adds the ICC/ICH registers to the CPUs'
     * register tables. Each CPU's affinity is its MPIDR_EL1 as the CPU's table
     * reads it when the GIC is built.
     */
    GicV3(BoardDescription.InterruptController board, int maintenanceIrq, List<Arm64Cpu> cpus, PhysicalBus bus) {
        super(cpus, board.lines(), maintenanceIrq, true);
        long stride = board.redistributorStride();
        if (stride * cpus.size() > board.redistributors().size()) {
            throw new IllegalArgumentException(String.format(
                    "%d redistributors of 0x%x bytes do not fit in the 0x%x-byte region",
                    cpus.size(), stride, board.redistributors().size()));
        }
        affinities = new int[cpus.size()];
        for (int c = 0; c < affinities.length; c++) {
            affinities[c] = affinity(cpus.get(c));
        }
        routing = new AffinityRouting(state, affinities, (c, g) -> physical[c].groupEnabled(g));
        state.setRouting(routing);
        bus.addDevice(board.distributor().base(), GicV3Distributor.SIZE, GicV3Distributor.create(state, routing));
        for (int c = 0; c < affinities.length; c++) {
            GicV3Redistributor r = new GicV3Redistributor(state, c, affinities[c], c == affinities.length - 1, stride);
            bus.addDevice(board.redistributors().base() + c * stride, stride, r.registers());
        }
        Set<SystemRegisters> tables = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Arm64Cpu cpu : cpus) {
            tables.add(cpu.sysregs);
        }
        GicV3SystemRegisters registers = new GicV3SystemRegisters(this);
        tables.forEach(registers::registerIn);
    }

    @Override
    public int version() {
        return 3;
    }

    /** Aff3.Aff2.Aff1.Aff0 of CPU {@code cpu}, as GICR_TYPER[63:32] reports it. */
    public int affinity(int cpu) {
        return affinities[cpu];
    }

    @Override
    void groupEnablesChanged() {
        routing.participationChanged();
    }

    /**
     * ICC_SGI0R/SGI1R/ASGI1R written by CPU {@code source}: SGI INTID[27:24]
     * to the CPUs Aff3.Aff2.Aff1.(RS*16 + n) for each bit n of TargetList,
     * or with IRM to every CPU but the source. It becomes pending where the
     * target has configured that SGI in {@code group}.
     */
    public void generateSgi(int source, long value, int group) {
        int sgi = (int) (value >>> 24) & 0xF;
        boolean allButSelf = (value & 1L << 40) != 0;
        int targetList = (int) value & 0xFFFF;
        int rangeBase = (int) (value >>> 44 & 0xF) * 16;
        int upper = (int) (value >>> 48 & 0xFF) << 24 | (int) (value >>> 32 & 0xFF) << 16
                | (int) (value >>> 16 & 0xFF) << 8;
        for (int c = 0; c < affinities.length; c++) {
            boolean target;
            if (allButSelf) {
                target = c != source;
            } else {
                int aff0 = (affinities[c] & 0xFF) - rangeBase;
                target = (affinities[c] & ~0xFF) == upper && aff0 >= 0 && aff0 < 16 && (targetList & 1 << aff0) != 0;
            }
            if (target && (state.group.get(c, sgi) ? 1 : 0) == group) {
                state.update(state.latched, c, 0, 1 << sgi, true);
            }
        }
    }

    private static int affinity(Arm64Cpu cpu) {
        SystemRegister mpidr = cpu.sysregs.lookup(MPIDR_KEY);
        long v = mpidr != null ? mpidr.read(cpu) : cpu.index();
        return (int) ((v >>> 8) & 0xFF00_0000L) | (int) (v & 0xFF_FFFFL);
    }
}
