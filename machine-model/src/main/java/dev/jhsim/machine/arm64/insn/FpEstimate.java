package dev.jhsim.machine.arm64.insn;

/**
 * The reciprocal and reciprocal-square-root estimates and Newton-Raphson
 * steps (FRECPE, FRSQRTE, URECPE, URSQRTE, FRECPX, FRECPS, FRSQRTS), computed
 * the way the Arm ARM defines them (the 8-bit estimate tables of cores
 * without FEAT_RPRES), on raw single or double bits.
 */
final class FpEstimate {
    private FpEstimate() {
    }

    /** RecipEstimate: 9-bit reciprocal of {@code a} in [256, 511]. */
    static int recipEstimate(int a) {
        a = a * 2 + 1;
        int b = (1 << 19) / a;
        return (b + 1) / 2;
    }

    /** RecipSqrtEstimate: 9-bit reciprocal square root of {@code a} in [128, 511]. */
    static int recipSqrtEstimate(int a) {
        if (a < 256) {
            a = a * 2 + 1;
        } else {
            a = (a >> 1) << 1;
            a = (a + 1) * 2;
        }
        long b = 512;
        while (a * (b + 1) * (b + 1) < (1L << 28)) {
            b++;
        }
        return (int) ((b + 1) / 2);
    }

    private static int fractionBits(boolean single) {
        return single ? 23 : 52;
    }

    private static long sign(long bits, boolean single) {
        return single ? bits & 0x80000000L : bits & Long.MIN_VALUE;
    }

    private static long infinity(long sign, boolean single) {
        return sign | (single ? 0x7F800000L : 0x7FF0000000000000L);
    }

    /** FRECPE. */
    static long recip(long bits, boolean single) {
        if (FpMath.isNaN(bits, single)) {
            return FpMath.quiet(bits, single);
        }
        int fb = fractionBits(single);
        long sign = sign(bits, single);
        long magnitude = FpMath.abs(bits, single);
        int exp = (int) (magnitude >>> fb);
        long fraction = magnitude & ((1L << fb) - 1);
        if (exp == (single ? 0xFF : 0x7FF)) {
            return sign;
        }
        if (magnitude == 0) {
            return infinity(sign, single);
        }
        // Below 2^-128 (single) or 2^-1024 (double) the reciprocal overflows.
        if (exp == 0 && (fraction >>> (fb - 2)) == 0) {
            return infinity(sign, single);
        }
        if (exp == 0) {
            if ((fraction >>> (fb - 1)) == 0) {
                exp = -1;
                fraction = (fraction << 2) & ((1L << fb) - 1);
            } else {
                fraction = (fraction << 1) & ((1L << fb) - 1);
            }
        }
        int scaled = 256 | (int) (fraction >>> (fb - 8));
        int resultExp = (single ? 253 : 2045) - exp;
        long estimate = recipEstimate(scaled) & 0xFF;
        long resultFraction = estimate << (fb - 8);
        if (resultExp == 0) {
            resultFraction = (1L << (fb - 1)) | (resultFraction >>> 1);
        } else if (resultExp == -1) {
            resultFraction = (1L << (fb - 2)) | (resultFraction >>> 2);
            resultExp = 0;
        }
        return sign | ((long) resultExp << fb) | resultFraction;
    }

    /** FRSQRTE. */
    static long recipSqrt(long bits, boolean single) {
        if (FpMath.isNaN(bits, single)) {
            return FpMath.quiet(bits, single);
        }
        int fb = fractionBits(single);
        long sign = sign(bits, single);
        long magnitude = FpMath.abs(bits, single);
        if (magnitude == 0) {
            return infinity(sign, single);
        }
        if (sign != 0) {
            return FpMath.defaultNaN(single);
        }
        int exp = (int) (magnitude >>> fb);
        long fraction = magnitude & ((1L << fb) - 1);
        if (exp == (single ? 0xFF : 0x7FF)) {
            return 0;
        }
        if (exp == 0) {
            while ((fraction >>> (fb - 1)) == 0) {
                fraction <<= 1;
                exp--;
            }
            fraction = (fraction << 1) & ((1L << fb) - 1);
        }
        // Scaled into [0.25, 1) keeping the exponent's parity: even exponents give 1.fff, odd ones 0.1fff.
        int scaled = (exp & 1) == 0 ? 256 | (int) (fraction >>> (fb - 8)) : 128 | (int) (fraction >>> (fb - 7));
        int resultExp = Math.floorDiv((single ? 380 : 3068) - exp, 2);
        long estimate = recipSqrtEstimate(scaled) & 0xFF;
        return ((long) resultExp << fb) | (estimate << (fb - 8));
    }

    /** FRECPX: the exponent inverted, the fraction cleared. */
    static long exponentReciprocal(long bits, boolean single) {
        if (FpMath.isNaN(bits, single)) {
            return FpMath.quiet(bits, single);
        }
        int fb = fractionBits(single);
        long expMask = single ? 0xFF : 0x7FF;
        long exp = (FpMath.abs(bits, single) >>> fb) & expMask;
        long resultExp = exp == 0 ? expMask - 1 : ~exp & expMask;
        return sign(bits, single) | (resultExp << fb);
    }

    /** URECPE of a 32-bit element. */
    static long unsignedRecip(long a) {
        if ((a & 0x80000000L) == 0) {
            return 0xFFFFFFFFL;
        }
        return (long) recipEstimate((int) (a >>> 23) & 0x1FF) << 23;
    }

    /** URSQRTE of a 32-bit element. */
    static long unsignedRecipSqrt(long a) {
        if ((a & 0xC0000000L) == 0) {
            return 0xFFFFFFFFL;
        }
        return (long) recipSqrtEstimate((int) (a >>> 23) & 0x1FF) << 23;
    }

    /** FMULX: FMUL, except that zero times infinity is 2.0 with the product's sign. */
    static long mulx(long a, long b, boolean single) {
        if (!FpMath.isNaN(a, single) && !FpMath.isNaN(b, single) && infinityTimesZero(a, b, single)) {
            long two = single ? 0x40000000L : 0x4000000000000000L;
            return two | (sign(a, single) ^ sign(b, single));
        }
        return FpMath.binary(FpMath.MUL, a, b, single);
    }

    /** FRECPS: 2 - a*b fused; FRSQRTS: (3 - a*b) / 2 fused; zero times infinity gives 2.0 and 1.5. */
    static long step(long a, long b, boolean single, boolean sqrt) {
        long negA = FpMath.negate(a, single);
        if (FpMath.isNaN(a, single) || FpMath.isNaN(b, single)) {
            return FpMath.propagate(negA, b, single);
        }
        if (infinityTimesZero(a, b, single)) {
            return sqrt ? (single ? 0x3FC00000L : 0x3FF8000000000000L) : (single ? 0x40000000L : 0x4000000000000000L);
        }
        if (!sqrt) {
            return FpMath.fma(single ? 0x40000000L : 0x4000000000000000L, negA, b, single);
        }
        // (3 - ab) / 2 rounded once: as 1.5 - (a/2) b, halving whichever factor halves exactly.
        long onePointFive = single ? 0x3FC00000L : 0x3FF8000000000000L;
        if (halvesExactly(a, single)) {
            return FpMath.fma(onePointFive, halve(negA, single), b, single);
        }
        if (halvesExactly(b, single)) {
            return FpMath.fma(onePointFive, negA, halve(b, single), single);
        }
        long r = FpMath.fma(single ? 0x40400000L : 0x4008000000000000L, negA, b, single);
        return single ? FpMath.bits(Math.scalb(FpMath.f(r), -1)) : FpMath.bits(Math.scalb(FpMath.d(r), -1));
    }

    /** Whether {@code x/2} is exact: x is zero, infinite, or normal above the smallest normal. */
    private static boolean halvesExactly(long x, boolean single) {
        int fb = fractionBits(single);
        long exp = FpMath.abs(x, single) >>> fb;
        return exp > 1 || FpMath.abs(x, single) == 0;
    }

    private static long halve(long x, boolean single) {
        return single ? FpMath.bits(FpMath.f(x) * 0.5f) : FpMath.bits(FpMath.d(x) * 0.5);
    }

    private static boolean infinityTimesZero(long a, long b, boolean single) {
        double x = single ? FpMath.f(a) : FpMath.d(a);
        double y = single ? FpMath.f(b) : FpMath.d(b);
        return (Double.isInfinite(x) && y == 0) || (Double.isInfinite(y) && x == 0);
    }
}
