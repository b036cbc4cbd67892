package dev.jhsim.machine.arm64.system;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The EL2 registers a Java hypervisor programs and reads through the table
 * (accessible from EL2 only; guest code at EL1 finds them UNDEFINED, as on a
 * core without nested virtualization): HCR_EL2, the stage-2 controls, the
 * virtualized IDs, the exception state of the last trap, and SP_EL1.
 */
public final class El2Registers {
    private El2Registers() {
    }

    public static void register(SystemRegisters t) {
        t.register("HCR_EL2", 3, 4, 1, 1, 0, SystemRegister.of(2, c -> c.hcrEl2, Arm64Cpu::setHcrEl2));
        t.register("VTTBR_EL2", 3, 4, 2, 1, 0,
                SystemRegister.translationControl(2, c -> c.el2.vttbr, (c, v) -> c.el2.vttbr = v));
        t.register("VTCR_EL2", 3, 4, 2, 1, 2,
                SystemRegister.translationControl(2, c -> c.el2.vtcr, (c, v) -> c.el2.vtcr = v));
        t.register("VPIDR_EL2", 3, 4, 0, 0, 0, stored(c -> c.el2.vpidr, (c, v) -> c.el2.vpidr = v & 0xFFFFFFFFL));
        t.register("VMPIDR_EL2", 3, 4, 0, 0, 5, stored(c -> c.el2.vmpidr, (c, v) -> c.el2.vmpidr = v));
        t.register("ESR_EL2", 3, 4, 5, 2, 0, stored(c -> c.el2.esr, (c, v) -> c.el2.esr = v & 0xFFFFFFFFL));
        t.register("FAR_EL2", 3, 4, 6, 0, 0, stored(c -> c.el2.far, (c, v) -> c.el2.far = v));
        t.register("HPFAR_EL2", 3, 4, 6, 0, 4, stored(c -> c.el2.hpfar, (c, v) -> c.el2.hpfar = v));
        t.register("SPSR_EL2", 3, 4, 4, 0, 0, stored(c -> c.el2.spsr, (c, v) -> c.el2.spsr = v & 0xFFFFFFFFL));
        t.register("ELR_EL2", 3, 4, 4, 0, 1, stored(c -> c.el2.elr, (c, v) -> c.el2.elr = v));
        t.register("SP_EL1", 3, 4, 4, 1, 0, stored(c -> c.stackPointer(1), (c, v) -> c.setStackPointer(1, v)));
    }

    private static SystemRegister stored(ToLongFunction<Arm64Cpu> get, ObjLongConsumer<Arm64Cpu> set) {
        return SystemRegister.of(2, get, set);
    }
}
