package dev.jhsim.machine.arm64.insn;

/**
 * IEEE 754 arithmetic with the Arm rules the host does not share: which NaN
 * an operation returns (signalling NaNs first, then the first quiet NaN, the
 * default NaN for invalid operations), signed zeros in min/max, and the
 * rounding modes of the conversions. Java's own arithmetic supplies correct
 * round-to-nearest-even results for everything else. Values travel as raw
 * bits; {@code single} selects binary32 in the low 32 bits.
 */
final class FpMath {
    static final long DEFAULT_NAN64 = 0x7FF8000000000000L;
    static final long DEFAULT_NAN32 = 0x7FC00000L;
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int MAX = 4;
    static final int MIN = 5;
    static final int MAXNM = 6;
    static final int MINNM = 7;
    static final int NMUL = 8;
    static final int ABD = 9;

    /** Rounding for conversions and FRINT: nearest-even, +inf, -inf, zero, nearest-away. */
    static final int RN = 0;
    static final int RP = 1;
    static final int RM = 2;
    static final int RZ = 3;
    static final int RA = 4;

    private FpMath() {
    }

    static boolean isNaN(long bits, boolean single) {
        return single ? Float.isNaN(Float.intBitsToFloat((int) bits)) : Double.isNaN(Double.longBitsToDouble(bits));
    }

    static boolean isSignalling(long bits, boolean single) {
        return isNaN(bits, single) && (single ? (bits & 0x400000L) == 0 : (bits & 0x8000000000000L) == 0);
    }

    static long quiet(long bits, boolean single) {
        return single ? (bits | 0x400000L) & 0xFFFFFFFFL : bits | 0x8000000000000L;
    }

    static long defaultNaN(boolean single) {
        return single ? DEFAULT_NAN32 : DEFAULT_NAN64;
    }

    /** The NaN an operation on {@code a} and {@code b} returns when at least one is NaN. */
    static long propagate(long a, long b, boolean single) {
        if (isSignalling(a, single)) {
            return quiet(a, single);
        }
        if (isSignalling(b, single)) {
            return quiet(b, single);
        }
        return quiet(isNaN(a, single) ? a : b, single);
    }

    static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    static float f(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static long bits(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
    }

    /** A result that came out NaN from non-NaN inputs is the Arm default NaN. */
    private static long fix(long r, boolean single) {
        return isNaN(r, single) ? defaultNaN(single) : r;
    }

    static long binary(int op, long a, long b, boolean single) {
        // Both negate or clear the sign after the operation, NaN results included.
        if (op == NMUL) {
            return negate(binary(MUL, a, b, single), single);
        }
        if (op == ABD) {
            return abs(binary(SUB, a, b, single), single);
        }
        boolean nanIn = isNaN(a, single) || isNaN(b, single);
        if (nanIn) {
            if (op == MAXNM || op == MINNM) {
                boolean qa = isNaN(a, single) && !isSignalling(a, single);
                boolean qb = isNaN(b, single) && !isSignalling(b, single);
                if (qa && !isNaN(b, single)) {
                    return b;
                }
                if (qb && !isNaN(a, single)) {
                    return a;
                }
            }
            return propagate(a, b, single);
        }
        if (single) {
            float x = f(a);
            float y = f(b);
            return fix(switch (op) {
                case ADD -> bits(x + y);
                case SUB -> bits(x - y);
                case MUL -> bits(x * y);
                case DIV -> bits(x / y);
                case MAX, MAXNM -> x > y || (x == y && (a & 0x80000000L) == 0) ? a : b;
                default -> x < y || (x == y && (a & 0x80000000L) != 0) ? a : b;
            }, true);
        }
        double x = d(a);
        double y = d(b);
        return fix(switch (op) {
            case ADD -> bits(x + y);
            case SUB -> bits(x - y);
            case MUL -> bits(x * y);
            case DIV -> bits(x / y);
            case MAX, MAXNM -> x > y || (x == y && a >= 0) ? a : b;
            default -> x < y || (x == y && a < 0) ? a : b;
        }, false);
    }

    /** Fused {@code addend + n * m} (FMADD); callers negate operands for the other forms. */
    static long fma(long addend, long n, long m, boolean single) {
        boolean anyNaN = isNaN(addend, single) || isNaN(n, single) || isNaN(m, single);
        if (anyNaN) {
            if (isSignalling(addend, single)) {
                return quiet(addend, single);
            }
            if (isSignalling(n, single) || isSignalling(m, single)) {
                return propagate(n, m, single);
            }
            if (isNaN(addend, single)) {
                boolean infTimesZero = isInfTimesZero(n, m, single);
                return infTimesZero ? defaultNaN(single) : quiet(addend, single);
            }
            return propagate(n, m, single);
        }
        if (single) {
            return fix(bits(Math.fma(f(n), f(m), f(addend))), true);
        }
        return fix(bits(Math.fma(d(n), d(m), d(addend))), false);
    }

    private static boolean isInfTimesZero(long n, long m, boolean single) {
        double x = single ? f(n) : d(n);
        double y = single ? f(m) : d(m);
        return (Double.isInfinite(x) && y == 0) || (Double.isInfinite(y) && x == 0);
    }

    static long sqrt(long a, boolean single) {
        if (isNaN(a, single)) {
            return quiet(a, single);
        }
        return fix(single ? bits((float) Math.sqrt(f(a))) : bits(Math.sqrt(d(a))), single);
    }

    static long negate(long a, boolean single) {
        return single ? a ^ 0x80000000L : a ^ Long.MIN_VALUE;
    }

    static long abs(long a, boolean single) {
        return single ? a & 0x7FFFFFFFL : a & Long.MAX_VALUE;
    }

    /** FCMP result as NZCV in bits 31..28. */
    static long compare(long a, long b, boolean single) {
        if (isNaN(a, single) || isNaN(b, single)) {
            return 0x3L << 28;
        }
        double x = single ? f(a) : d(a);
        double y = single ? f(b) : d(b);
        if (x == y) {
            return 0x6L << 28;
        }
        return x < y ? 0x8L << 28 : 0x2L << 28;
    }

    /** Rounds to an integral value in the given mode (FRINT*). */
    static long roundToIntegral(long a, int mode, boolean single) {
        if (isNaN(a, single)) {
            return quiet(a, single);
        }
        double x = single ? f(a) : d(a);
        double r = round(x, mode);
        return single ? bits((float) r) : bits(r);
    }

    static double round(double x, int mode) {
        if (Double.isInfinite(x) || x == 0) {
            return x;
        }
        double r = switch (mode) {
            case RN -> Math.rint(x);
            case RP -> Math.ceil(x);
            case RM -> Math.floor(x);
            case RZ -> x < 0 ? Math.ceil(x) : Math.floor(x);
            default -> {
                double m = Math.abs(x);
                double t = Math.floor(m);
                if (m - t >= 0.5) {
                    t += 1;
                }
                yield Math.copySign(t, x);
            }
        };
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    /** FP to integer with saturation; NaN converts to 0. */
    static long toInteger(long a, boolean single, int mode, boolean unsigned, boolean to64) {
        if (isNaN(a, single)) {
            return 0;
        }
        double r = round(single ? f(a) : d(a), mode);
        if (unsigned) {
            if (r <= 0) {
                return 0;
            }
            if (to64) {
                if (r >= 0x1p64) {
                    return -1L;
                }
                return r >= 0x1p63 ? (long) (r - 0x1p63) + Long.MIN_VALUE : (long) r;
            }
            return r >= 0x1p32 ? 0xFFFFFFFFL : (long) r;
        }
        return to64 ? (long) r : ((int) r) & 0xFFFFFFFFL;
    }

    /** Integer to FP, correctly rounded to nearest-even. */
    static long fromInteger(long value, boolean unsigned, boolean single) {
        if (!unsigned || value >= 0) {
            return single ? bits((float) value) : bits((double) value);
        }
        long halved = (value >>> 1) | (value & 1);
        return single ? bits((float) halved * 2f) : bits((double) halved * 2.0);
    }

    static long doubleToSingle(long a) {
        if (isNaN(a, false)) {
            return (a >>> 32 & 0x80000000L) | 0x7FC00000L | ((a >>> 29) & 0x3FFFFFL);
        }
        return bits((float) d(a));
    }

    /** Double to single rounding to odd (FCVTXN): truncate, and set the last bit if anything was lost. */
    static long doubleToSingleRoundToOdd(long a) {
        if (isNaN(a, false)) {
            return doubleToSingle(a);
        }
        double d = d(a);
        float f = (float) d;
        if ((double) f == d) {
            return bits(f);
        }
        if (Math.abs((double) f) > Math.abs(d)) {
            f = Math.nextAfter(f, 0.0);
        }
        return bits(f) | 1;
    }

    static long singleToDouble(long a) {
        if (isNaN(a, true)) {
            return ((a & 0x80000000L) << 32) | 0x7FF8000000000000L | ((a & 0x3FFFFFL) << 29);
        }
        return bits((double) f(a));
    }
}
