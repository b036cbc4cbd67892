package dev.jhsim.machine.arm64.sysreg;

import dev.jhsim.machine.arm64.Arm64Cpu;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * One entry of the system-register table: what MRS reads and MSR (or a SYS
 * operation, with the value of Xt) does at one encoding. Entries are shared by
 * CPUs and keep per-CPU state in the CPU passed in. A direction the entry does
 * not allow is UNDEFINED, as is an access from below {@link #minimumEl()}.
 */
public interface SystemRegister {
    long read(Arm64Cpu cpu);

    void write(Arm64Cpu cpu, long value);

    default boolean readable() {
        return true;
    }

    default boolean writable() {
        return true;
    }

    /** Lowest exception level that may access it. */
    default int minimumEl() {
        return 1;
    }

    /** Lowest exception level that may write it (read-mostly registers raise this). */
    default int minimumWriteEl() {
        return minimumEl();
    }

    /**
     * Whether this access, otherwise allowed, is trapped to EL2 by a control
     * of the system around the core (HCR_EL2, a GIC's ICH_HCR_EL2...). MRS and
     * MSR then raise {@code EC_SYSREG} with the register's encoding, the
     * direction and Rt in the ISS, and the access does not happen.
     */
    default boolean trapsToEl2(Arm64Cpu cpu, boolean write) {
        return false;
    }

    /** A register read and written through the given accessors. */
    static SystemRegister of(int minimumEl, ToLongFunction<Arm64Cpu> getter, ObjLongConsumer<Arm64Cpu> setter) {
        return new Accessors(minimumEl, minimumEl, getter, setter);
    }

    /** A register that can only be read. */
    static SystemRegister readOnly(int minimumEl, ToLongFunction<Arm64Cpu> getter) {
        return new Accessors(minimumEl, minimumEl, getter, null);
    }

    /** A SYS operation (cache or TLB maintenance...): written with Xt, never read. */
    static SystemRegister operation(int minimumEl, ObjLongConsumer<Arm64Cpu> action) {
        return new Accessors(minimumEl, minimumEl, null, action);
    }

    /** A table entry made of accessors; a missing one makes that direction UNDEFINED. */
    record Accessors(int minimumEl, int minimumWriteEl, ToLongFunction<Arm64Cpu> getter,
            ObjLongConsumer<Arm64Cpu> setter) implements SystemRegister {
        @Override
        public long read(Arm64Cpu cpu) {
            return getter.applyAsLong(cpu);
        }

        @Override
        public void write(Arm64Cpu cpu, long value) {
            setter.accept(cpu, value);
        }

        @Override
        public boolean readable() {
            return getter != null;
        }

        @Override
        public boolean writable() {
            return setter != null;
        }
    }
}
