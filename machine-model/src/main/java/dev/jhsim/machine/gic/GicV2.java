package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.bus.PerCpuDevice;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.device.RegisterMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A GICv2 like QEMU's {@code virt,gic-version=2} (GIC-400, no Security
 * extension, at most 8 CPUs): GICD, GICC, GICH and GICV frames on the bus,
 * each banked per CPU, so the CPU making the access decides which bank
 * answers ({@link PerCpuDevice}).
 */
public final class GicV2 extends Gic {
    public static final int MAX_CPUS = 8;

    private final SgiSources sgiSources;

    /** Maps GICD (4 KiB) and the GICC, GICH and GICV frames where and as large as the board says. */
    GicV2(BoardDescription.InterruptController board, int maintenanceIrq, List<Arm64Cpu> cpus, PhysicalBus bus) {
        super(checked(cpus), board.lines(), maintenanceIrq, false);
        TargetListRouting routing = new TargetListRouting(state);
        state.setRouting(routing);
        sgiSources = new SgiSources(state);
        state.setSgiSources(sgiSources);
        List<RegisterMap> distributor = new ArrayList<>();
        List<RegisterMap> cpuInterface = new ArrayList<>();
        List<RegisterMap> hypervisor = new ArrayList<>();
        List<RegisterMap> virtualCpu = new ArrayList<>();
        for (int c = 0; c < cpus.size(); c++) {
            state.update(state.enabled, c, 0, 0xFFFF, true);
            distributor.add(GicV2Distributor.view(this, state, routing, sgiSources, c));
            cpuInterface.add(GicV2CpuInterfaceFrame.create(physical[c], board.cpuInterface().size(), false));
            hypervisor.add(GicV2HypervisorFrame.create(virtual[c], board.hypervisorInterface().size()));
            virtualCpu.add(GicV2CpuInterfaceFrame.create(virtual[c], board.virtualCpuInterface().size(), true));
        }
        bus.addDevice(board.distributor().base(), GicV2Distributor.SIZE, new PerCpuDevice(distributor));
        map(bus, board.cpuInterface(), cpuInterface);
        map(bus, board.hypervisorInterface(), hypervisor);
        map(bus, board.virtualCpuInterface(), virtualCpu);
    }

    @Override
    public int version() {
        return 2;
    }

    /**
     * GICD_SGIR written by CPU {@code source}: SGI [3:0] to the CPUs of the
     * target list [23:16] (filter 0), to all but the source (1), or to the
     * source alone (2).
     */
    public void sendSgi(int source, long value) {
        int sgi = (int) value & 0xF;
        int targets = switch ((int) (value >>> 24) & 3) {
            case 0 -> (int) (value >>> 16) & 0xFF;
            case 1 -> ~(1 << source);
            case 2 -> 1 << source;
            default -> 0;
        };
        for (int c = 0; c < state.cpus; c++) {
            if ((targets & 1 << c) != 0) {
                sgiSources.generate(source, c, sgi);
            }
        }
    }

    private static void map(PhysicalBus bus, BoardDescription.Region region, List<RegisterMap> banks) {
        bus.addDevice(region.base(), region.size(), new PerCpuDevice(banks));
    }

    private static List<Arm64Cpu> checked(List<Arm64Cpu> cpus) {
        if (cpus.size() > MAX_CPUS) {
            throw new IllegalArgumentException("a GICv2 serves at most " + MAX_CPUS + " CPUs, not " + cpus.size());
        }
        return cpus;
    }
}
