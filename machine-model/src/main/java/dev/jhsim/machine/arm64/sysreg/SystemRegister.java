package dev.jhsim.machine.arm64.sysreg;

import dev.jhsim.machine.arm64.Arm64Cpu;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * One entry of the system-register table: what MRS reads and MSR (or a SYS
 * operation, with the value of Xt) does at one encoding. Entries are shared by
 * CPUs and keep per-CPU state in the CPU passed in. A direction the entry does
 * not allow is UNDEFINED, as is an access from below {@link #minimumEl()}. An
 * allowed access may still be trapped to a higher level ({@link #trap}).
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
     * Whether this access, allowed at the CPU's level, is trapped instead: 0 if
     * not, else the level the trap is taken to (1 or 2), as EC 0x18. Trap
     * controls such as HCR_EL2.TVM or CNTKCTL_EL1 decide it.
     */
    default int trap(Arm64Cpu cpu, boolean write) {
        return 0;
    }

    /** Decides the traps of a register: 0 for none, else the level taken to. */
    @FunctionalInterface
    interface TrapRule {
        int trap(Arm64Cpu cpu, boolean write);
    }

    /** This register with its accesses trapped by {@code rule}. */
    default SystemRegister trappedBy(TrapRule rule) {
        return new Trapped(this, rule);
    }

    /** This register with accesses from EL0/EL1 trapped to EL2 while HCR_EL2 has any of the given bits. */
    default SystemRegister trappedByHcr(long readBits, long writeBits) {
        return trappedBy((cpu, write) -> cpu.el() < 2 && (cpu.hcrEl2 & (write ? writeBits : readBits)) != 0 ? 2 : 0);
    }

    /** A register read and written through the given accessors. */
    static SystemRegister of(int minimumEl, ToLongFunction<Arm64Cpu> getter, ObjLongConsumer<Arm64Cpu> setter) {
        return new Accessors(minimumEl, minimumEl, getter, setter);
    }

    /**
     * A register translations depend on (SCTLR_EL1, TTBRn_EL1, VTTBR_EL2...):
     * writing a different value drops the CPU's cached translations.
     */
    static SystemRegister translationControl(int minimumEl, ToLongFunction<Arm64Cpu> getter,
            ObjLongConsumer<Arm64Cpu> setter) {
        return of(minimumEl, getter, (c, v) -> {
            if (getter.applyAsLong(c) != v) {
                setter.accept(c, v);
                c.flushTranslation();
            }
        });
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

    /** A register whose traps a {@link TrapRule} decides; everything else is the wrapped register's. */
    record Trapped(SystemRegister register, TrapRule rule) implements SystemRegister {
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
        public int trap(Arm64Cpu cpu, boolean write) {
            int inner = register.trap(cpu, write);
            return inner != 0 ? inner : rule.trap(cpu, write);
        }
    }
}
