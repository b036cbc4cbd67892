package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import java.util.function.Predicate;

/** A system register whose accesses a GIC control can trap to EL2 while {@code trap} holds for the CPU. */
record TrappableRegister(SystemRegister register, Predicate<Arm64Cpu> trap) implements SystemRegister {
    @Override
    public long read(Arm64Cpu cpu) {
        return register.read(cpu);
    }

    @Override
    public void write(Arm64Cpu cpu, long value) {
        register.write(cpu, value);
    }

    @Override
    public boolean readable() {
        return register.readable();
    }

    @Override
    public boolean writable() {
        return register.writable();
    }

    @Override
    public int minimumEl() {
        return register.minimumEl();
    }

    @Override
    public int minimumWriteEl() {
        return register.minimumWriteEl();
    }

    @Override
    public boolean trapsToEl2(Arm64Cpu cpu, boolean write) {
        return trap.test(cpu);
    }
}
