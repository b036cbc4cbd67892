package dev.jhsim.machine.arm64.insn;

/** Saturating add and subtract of sign- or zero-extended elements of {@code esize} bits. */
final class Saturate {
    private Saturate() {
    }

    static long add(long a, long b, int esize, boolean unsigned) {
        if (unsigned) {
            long r = a + b;
            long max = Lanes.mask(esize);
            if (esize == 64) {
                return Long.compareUnsigned(r, a) < 0 ? -1L : r;
            }
            return r > max ? max : r;
        }
        if (esize == 64) {
            long r = a + b;
            return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
        }
        return clampSigned(a + b, esize);
    }

    static long sub(long a, long b, int esize, boolean unsigned) {
        if (unsigned) {
            if (esize == 64) {
                return Long.compareUnsigned(a, b) < 0 ? 0 : a - b;
            }
            return a < b ? 0 : a - b;
        }
        if (esize == 64) {
            long r = a - b;
            return ((a ^ b) & (a ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
        }
        return clampSigned(a - b, esize);
    }

    private static long clampSigned(long v, int esize) {
        long max = (1L << (esize - 1)) - 1;
        long min = -max - 1;
        return v > max ? max : v < min ? min : v;
    }
}
