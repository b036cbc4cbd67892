package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;

/** Arithmetic that sets NZCV, for 64- and 32-bit operands; 32-bit results are zero-extended. */
final class Flags {
    private static final long M32 = 0xFFFFFFFFL;

    private Flags() {
    }

    static long add64(Arm64Cpu c, long a, long b) {
        long r = a + b;
        c.n = r < 0;
        c.z = r == 0;
        c.c = Long.compareUnsigned(r, a) < 0;
        c.v = ((a ^ r) & (b ^ r)) < 0;
        return r;
    }

    static long sub64(Arm64Cpu c, long a, long b) {
        long r = a - b;
        c.n = r < 0;
        c.z = r == 0;
        c.c = Long.compareUnsigned(a, b) >= 0;
        c.v = ((a ^ b) & (a ^ r)) < 0;
        return r;
    }

    static long add32(Arm64Cpu c, long a, long b) {
        int ia = (int) a;
        int ib = (int) b;
        int r = ia + ib;
        c.n = r < 0;
        c.z = r == 0;
        c.c = ((a & M32) + (b & M32)) >>> 32 != 0;
        c.v = ((ia ^ r) & (ib ^ r)) < 0;
        return r & M32;
    }

    static long sub32(Arm64Cpu c, long a, long b) {
        int ia = (int) a;
        int ib = (int) b;
        int r = ia - ib;
        c.n = r < 0;
        c.z = r == 0;
        c.c = Integer.compareUnsigned(ia, ib) >= 0;
        c.v = ((ia ^ ib) & (ia ^ r)) < 0;
        return r & M32;
    }

    /** AddWithCarry of the Arm ARM; subtraction passes {@code ~b}. */
    static long addCarry64(Arm64Cpu c, long a, long b, boolean carryIn) {
        long r = a + b + (carryIn ? 1 : 0);
        c.n = r < 0;
        c.z = r == 0;
        c.c = carryIn ? Long.compareUnsigned(r, a) <= 0 : Long.compareUnsigned(r, a) < 0;
        c.v = ((a ^ r) & (b ^ r)) < 0;
        return r;
    }

    static long addCarry32(Arm64Cpu c, long a, long b, boolean carryIn) {
        long wide = (a & M32) + (b & M32) + (carryIn ? 1 : 0);
        int r = (int) wide;
        c.n = r < 0;
        c.z = r == 0;
        c.c = wide >>> 32 != 0;
        c.v = (((int) a ^ r) & ((int) b ^ r)) < 0;
        return r & M32;
    }

    /** Flags of a logical operation: N and Z from the result, C and V clear. */
    static long logic(Arm64Cpu c, long r, boolean sf) {
        if (sf) {
            c.n = r < 0;
            c.z = r == 0;
        } else {
            c.n = (int) r < 0;
            c.z = (int) r == 0;
        }
        c.c = false;
        c.v = false;
        return r;
    }
}
