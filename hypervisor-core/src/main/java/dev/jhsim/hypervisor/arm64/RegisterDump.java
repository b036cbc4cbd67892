package dev.jhsim.hypervisor.arm64;

import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.machine.arm64.el2.GuestState;

/** The register dump of a failed CPU, in upstream's format ({@code dump_regs}). */
final class RegisterDump {
    private static final int DUMPED_REGISTERS = 30;

    private RegisterDump() {
    }

    /** {@code elr}: ELR_EL2 as the trap found it (the PC may have moved on since, as after an SMC). */
    static void print(HypervisorConsole console, GuestState guest, long elr) {
        long spsr = guest.pstate();
        int el = (int) (spsr >>> 2) & 3;
        long esr = guest.esr();
        console.printf(" pc: %016x   lr: %016x spsr: %08x     EL%d\n", guest.pc(), guest.x(30), spsr, el);
        console.printf(" sp: %016x  elr: %016x  esr: %02x %01x %07x\n", guest.stackPointer(el == 0 ? 0 : 1), elr,
                esr >>> 26 & 0x3F, esr >>> 25 & 1, esr & 0x1FF_FFFF);
        StringBuilder registers = new StringBuilder();
        for (int n = 0; n < DUMPED_REGISTERS; n++) {
            registers.append(String.format("%sx%d: %016x%s", n < 10 ? " " : "", n, guest.x(n),
                    n % 3 == 2 ? "\n" : "  "));
        }
        console.print(registers.append('\n').toString());
    }
}
