package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;

/**
 * Saturating arithmetic on elements of {@code esize} bits held sign- or
 * zero-extended in a long. Every saturation sets FPSR.QC, as the
 * architecture's saturating instructions do.
 */
final class Saturate {
    static final long QC = 1L << 27;

    private Saturate() {
    }

    static long maxSigned(int esize) {
        return esize == 64 ? Long.MAX_VALUE : (1L << (esize - 1)) - 1;
    }

    static long minSigned(int esize) {
        return esize == 64 ? Long.MIN_VALUE : -(1L << (esize - 1));
    }

    /** {@code v} clamped to the signed range of {@code esize} bits (v exact, esize below 64). */
    static long signed(Arm64Cpu c, long v, int esize) {
        long max = maxSigned(esize);
        long min = minSigned(esize);
        if (v > max || v < min) {
            c.fpsr |= QC;
            return v > max ? max : min;
        }
        return v;
    }

    /** {@code v} (a signed, exact value) clamped to the unsigned range of {@code esize} bits, below 64. */
    static long unsigned(Arm64Cpu c, long v, int esize) {
        long max = Lanes.mask(esize);
        if (v < 0 || v > max) {
            c.fpsr |= QC;
            return v < 0 ? 0 : max;
        }
        return v;
    }

    private static long saturated(Arm64Cpu c, long value) {
        c.fpsr |= QC;
        return value;
    }

    static long add(Arm64Cpu c, long a, long b, int esize, boolean unsigned) {
        if (esize < 64) {
            return unsigned ? unsigned(c, a + b, esize) : signed(c, a + b, esize);
        }
        long r = a + b;
        if (unsigned) {
            return Long.compareUnsigned(r, a) < 0 ? saturated(c, -1L) : r;
        }
        return ((a ^ r) & (b ^ r)) < 0 ? saturated(c, a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    static long sub(Arm64Cpu c, long a, long b, int esize, boolean unsigned) {
        if (esize < 64) {
            return unsigned ? unsigned(c, a - b, esize) : signed(c, a - b, esize);
        }
        long r = a - b;
        if (unsigned) {
            return Long.compareUnsigned(a, b) < 0 ? saturated(c, 0) : r;
        }
        return ((a ^ b) & (a ^ r)) < 0 ? saturated(c, a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /**
     * Shifts an extended element left ({@code shift} &gt; 0) or right, as the
     * register-shift instructions do: right shifts optionally round, left
     * shifts optionally saturate ({@code saturate}) to the signed or unsigned
     * range of the element.
     */
    static long shift(Arm64Cpu c, long a, int shift, int esize, boolean unsigned, boolean round, boolean saturate) {
        if (shift < 0) {
            return shiftRight(a, -shift, unsigned, round);
        }
        if (!saturate) {
            return shift >= 64 ? 0 : a << shift;
        }
        return unsigned ? unsignedLeft(c, a, shift, esize) : signedLeft(c, a, shift, esize);
    }

    /** Right shift of an extended element by {@code n} (1 or more), rounding to nearest with ties up if asked. */
    static long shiftRight(long a, int n, boolean unsigned, boolean round) {
        long q;
        long roundBit;
        if (n >= 64) {
            q = unsigned ? 0 : a >> 63;
            roundBit = n == 64 ? (a >>> 63) : (unsigned ? 0 : a >>> 63);
        } else {
            q = unsigned ? a >>> n : a >> n;
            roundBit = (a >>> (n - 1)) & 1;
        }
        return round ? q + roundBit : q;
    }

    static long signedLeft(Arm64Cpu c, long a, int n, int esize) {
        if (a == 0) {
            return 0;
        }
        long bound = a < 0 ? minSigned(esize) : maxSigned(esize);
        if (n >= esize) {
            return saturated(c, bound);
        }
        long r = a << n;
        if ((r >> n) != a || r > maxSigned(esize) || r < minSigned(esize)) {
            return saturated(c, bound);
        }
        return r;
    }

    static long unsignedLeft(Arm64Cpu c, long a, int n, int esize) {
        if (a == 0) {
            return 0;
        }
        if (n >= esize) {
            return saturated(c, Lanes.mask(esize));
        }
        long r = a << n;
        if ((r >>> n) != a || (esize < 64 && (r & ~Lanes.mask(esize)) != 0)) {
            return saturated(c, Lanes.mask(esize));
        }
        return r;
    }

    /** SQDMULH/SQRDMULH of signed elements of 16 or 32 bits: the high half of 2ab (rounded). */
    static long doublingMultiplyHigh(Arm64Cpu c, long a, long b, int esize, boolean round) {
        if (a == minSigned(esize) && b == a) {
            // The one product whose doubling does not fit (2^63 for 32-bit elements).
            return saturated(c, maxSigned(esize));
        }
        long p = 2 * a * b + (round ? 1L << (esize - 1) : 0);
        return signed(c, p >> esize, esize);
    }

    /** SQDMULL and the accumulate forms: 2ab of signed elements of 16 or 32 bits, saturated to twice the size. */
    static long doublingMultiplyLong(Arm64Cpu c, long a, long b, int esize) {
        long p = a * b;
        if (esize == 32) {
            if (p == 1L << 62) {
                return saturated(c, Long.MAX_VALUE);
            }
            return 2 * p;
        }
        return signed(c, 2 * p, 2 * esize);
    }
}
