package dev.jhsim.machine.board;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import dev.jhsim.machine.arm64.system.CpuCluster;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.device.BoardDevices;
import dev.jhsim.machine.gic.Gic;
import dev.jhsim.machine.gic.GicFactory;
import dev.jhsim.machine.sim.Simulation;
import dev.jhsim.machine.timer.GenericTimer;
import dev.jhsim.machine.timer.SystemCounter;
import dev.jhsim.machine.uart.SerialPort;
import java.util.List;

/**
 * A whole machine built from a {@link BoardDescription}: the simulation
 * kernel, the bus with the RAM banks, the CPUs (MIDR and MPIDR from the
 * description, secondaries powered off), the GIC, the generic timer wired to
 * the GIC's PPIs, the UARTs, PCI hosts and other devices, PSCI firmware, and
 * the raw image loader.
 *
 * <p>{@link #boot} loads an image at the board's loader address and starts
 * CPU 0 there at EL1 (SP_EL1, interrupts masked, MMU off, X0 = 0, as QEMU
 * enters a kernel without a device tree). A Java hypervisor, if installed,
 * acts as EL2 around that EL1 from the first instruction: the CPU starts at
 * EL1 under whatever HCR_EL2 and stage 2 it has programmed.
 */
public final class Machine {
    /** Instructions per CPU per slice: small enough for timely interrupts between CPUs, large enough to be cheap. */
    public static final long QUANTUM = 10_000;

    private final BoardDescription board;
    private final Simulation sim = new Simulation(QUANTUM);
    private final PhysicalBus bus = new PhysicalBus();
    private final CpuCluster cluster;
    private final Gic gic;
    private final BoardDevices devices;

    public Machine(BoardDescription board) {
        this.board = board;
        for (BoardDescription.Region r : board.memory()) {
            bus.addRam(r.base(), r.size());
        }
        BoardDescription.Cpus cpus = board.cpus();
        BoardDescription.InterruptController ic = board.interruptController();
        cluster = new CpuCluster(bus, cpus.count(), cpus.frequencyHz(), cpus.midr(), cpus::mpidrOf,
                ic.version() == 3);
        gic = GicFactory.create(ic, cluster.cpus(), bus);
        BoardDescription.Timer t = board.timer();
        GenericTimer.install(cluster.sysregs(), cluster.cpus(), new SystemCounter(sim, t.frequencyHz()), gic,
                new GenericTimer.Interrupts(t.physicalIrq(), t.virtualIrq(), t.hypervisorIrq()));
        devices = BoardDevices.create(board, bus, gic, sim);
        for (Arm64Cpu cpu : cluster.cpus()) {
            sim.addProcessor(cpu);
        }
    }

    public BoardDescription board() {
        return board;
    }

    public Simulation simulation() {
        return sim;
    }

    public PhysicalBus bus() {
        return bus;
    }

    public List<Arm64Cpu> cpus() {
        return cluster.cpus();
    }

    public Arm64Cpu cpu(int index) {
        return cluster.cpu(index);
    }

    public CpuCluster cluster() {
        return cluster;
    }

    public Gic gic() {
        return gic;
    }

    public BoardDevices devices() {
        return devices;
    }

    /** The serial line of the UART the board calls {@code name}. */
    public SerialPort serial(String name) {
        return devices.uart(name).port();
    }

    /** Installs the Java EL2 for every CPU ({@code null} removes it). */
    public void installHypervisor(Hypervisor hypervisor) {
        cluster.installHypervisor(hypervisor);
    }

    /** EL2's view of CPU {@code index}. */
    public GuestState guest(int index) {
        return cluster.guest(index);
    }

    /** Copies {@code image} into RAM at {@code address}; fails if any of it would fall outside RAM. */
    public void load(long address, byte[] image) {
        if (!bus.writeBytes(address, image, 0, image.length)) {
            throw new IllegalArgumentException(String.format("image of %d bytes at 0x%x does not fit in RAM",
                    image.length, address));
        }
    }

    /** Loads a raw image at the board's loader address and starts CPU 0 there at EL1. */
    public void boot(byte[] image) {
        long address = board.loader().address();
        load(address, image);
        cluster.cpu(0).resetTo(address, 1);
    }

    /** Runs for {@code durationPs} of virtual time (less if every CPU halts). */
    public Simulation.Outcome run(long durationPs) {
        return sim.runUntilHalted(sim.now() + durationPs);
    }
}
