package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;

/**
 * Maps an encoded register number to an index of {@link Arm64Cpu#x}, deciding
 * once at decode time what number 31 means for that operand.
 */
final class Regs {
    static final long M32 = 0xFFFFFFFFL;

    private Regs() {
    }

    /** Source where 31 is XZR: reads 0. */
    static int zr(int r) {
        return r;
    }

    /** Destination where 31 is XZR: the write is discarded. */
    static int dzr(int r) {
        return r == 31 ? Arm64Cpu.SINK : r;
    }

    /** Source or destination where 31 is SP. */
    static int sp(int r) {
        return r == 31 ? Arm64Cpu.SP : r;
    }
}
