package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;

/** Element access to the V registers: element {@code i} of {@code esize} bits, zero-extended. */
final class Lanes {
    private Lanes() {
    }

    static long mask(int esize) {
        return esize == 64 ? -1L : (1L << esize) - 1;
    }

    static long get(Arm64Cpu c, int reg, int esize, int i) {
        int bit = i * esize;
        long w = c.vr[2 * reg + (bit >>> 6)];
        return esize == 64 ? w : (w >>> (bit & 63)) & mask(esize);
    }

    /** Element {@code i} sign-extended to 64 bits. */
    static long getSigned(Arm64Cpu c, int reg, int esize, int i) {
        long v = get(c, reg, esize, i);
        return esize == 64 ? v : (v << (64 - esize)) >> (64 - esize);
    }

    static void set(Arm64Cpu c, int reg, int esize, int i, long value) {
        int bit = i * esize;
        int w = 2 * reg + (bit >>> 6);
        if (esize == 64) {
            c.vr[w] = value;
            return;
        }
        long m = mask(esize) << (bit & 63);
        c.vr[w] = (c.vr[w] & ~m) | ((value << (bit & 63)) & m);
    }

    /** Element {@code i} of a result held in {@code out[0..1]}. */
    static void put(long[] out, int esize, int i, long value) {
        int bit = i * esize;
        if (esize == 64) {
            out[bit >>> 6] = value;
            return;
        }
        long m = mask(esize) << (bit & 63);
        out[bit >>> 6] = (out[bit >>> 6] & ~m) | ((value << (bit & 63)) & m);
    }

    static long take(long[] in, int esize, int i) {
        int bit = i * esize;
        long w = in[bit >>> 6];
        return esize == 64 ? w : (w >>> (bit & 63)) & mask(esize);
    }

    /** Stores a result into V[d]; a 64-bit result clears the upper half. */
    static void store(Arm64Cpu c, int d, long[] out, boolean q) {
        c.vr[2 * d] = out[0];
        c.vr[2 * d + 1] = q ? out[1] : 0;
    }
}
