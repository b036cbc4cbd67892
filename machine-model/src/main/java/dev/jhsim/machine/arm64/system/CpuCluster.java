package dev.jhsim.machine.arm64.system;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.el2.Hypervisor;
import dev.jhsim.machine.arm64.mmu.TlbMaintenance;
import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.firmware.Psci;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * The CPUs of a machine as a system: one shared system-register table (base,
 * EL1, ID, EL2 registers, TLB maintenance; devices such as the GIC and the
 * timer add theirs), each CPU with its two-stage MMU, one exception model
 * routing to EL1, the Java EL2 and the PSCI firmware. CPU 0 starts powered
 * on (place it with {@link Arm64Cpu#resetTo}), the others powered off until
 * PSCI CPU_ON. PSCI SYSTEM_OFF and SYSTEM_RESET halt every CPU and are
 * remembered as the {@link #powerRequest()} for whoever runs the machine.
 */
public final class CpuCluster implements Psci.SystemPower {
    /** What the software last asked of the machine's power. */
    public enum PowerRequest { NONE, OFF, RESET }

    private final SystemRegisters sysregs;
    private final List<Arm64Cpu> cpus;
    private final ExceptionModel exceptions;
    private PowerRequest powerRequest = PowerRequest.NONE;

    /** {@code gicSystemRegisters}: whether the GIC CPU interface is reached through ICC_* registers (GICv3). */
    public CpuCluster(PhysicalBus bus, int count, long frequencyHz, long midr, IntToLongFunction mpidrOf,
            boolean gicSystemRegisters) {
        sysregs = BaseRegisters.create(midr);
        El1Registers.register(sysregs);
        IdRegisters.register(sysregs, gicSystemRegisters);
        El2Registers.register(sysregs);
        List<Arm64Cpu> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Arm64Cpu cpu = new Arm64Cpu(i, bus, sysregs, frequencyHz);
            cpu.identify(midr, mpidrOf.applyAsLong(i));
            if (i > 0) {
                cpu.powerOff();
            }
            list.add(cpu);
        }
        cpus = List.copyOf(list);
        Runnable sev = () -> cpus.forEach(Arm64Cpu::signalEvent);
        cpus.forEach(cpu -> cpu.setEventBroadcast(sev));
        TlbMaintenance.install(sysregs, cpus);
        exceptions = new ExceptionModel(cpus, new Psci(cpus, this));
        for (Arm64Cpu cpu : cpus) {
            cpu.setRouter(exceptions);
        }
    }

    public List<Arm64Cpu> cpus() {
        return cpus;
    }

    public Arm64Cpu cpu(int index) {
        return cpus.get(index);
    }

    public SystemRegisters sysregs() {
        return sysregs;
    }

    public PowerRequest powerRequest() {
        return powerRequest;
    }

    @Override
    public void off() {
        powerRequest = PowerRequest.OFF;
        cpus.forEach(c -> c.halt("system off"));
    }

    @Override
    public void reset() {
        powerRequest = PowerRequest.RESET;
        cpus.forEach(c -> c.halt("system reset requested"));
    }

    /** Installs the Java EL2 ({@code null} removes it). */
    public void installHypervisor(Hypervisor hypervisor) {
        exceptions.installHypervisor(hypervisor);
    }

    /** EL2's view of CPU {@code index}. */
    public GuestState guest(int index) {
        return exceptions.guest(index);
    }
}
