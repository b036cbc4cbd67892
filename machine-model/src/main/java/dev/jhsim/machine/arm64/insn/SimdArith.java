package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/**
 * Advanced SIMD arithmetic, vector and scalar: three registers of the same
 * type (integer and FP), three of different widths (long, wide, narrow), two
 * registers (miscellaneous), and reductions across lanes or pairs. Each
 * instruction computes element by element into a scratch pair, so a
 * destination that is also a source reads the old value.
 */
final class SimdArith {
    private SimdArith() {
    }

    static void register(DecodeTable t) {
        t.add("SIMD three same", "0 Q U 01110 zz 1 mmmmm ooooo 1 nnnnn ddddd", f -> threeSame(f, false));
        t.add("SIMD scalar three same", "01 U 11110 zz 1 mmmmm ooooo 1 nnnnn ddddd", f -> threeSame(f, true));
        t.add("SIMD three different", "0 Q U 01110 zz 1 mmmmm oooo 00 nnnnn ddddd", f -> threeDifferent(f, false));
        t.add("SIMD scalar three different", "01 U 11110 zz 1 mmmmm oooo 00 nnnnn ddddd", f -> threeDifferent(f, true));
        t.add("SIMD two-register misc", "0 Q U 01110 zz 10000 ooooo 10 nnnnn ddddd", f -> twoMisc(f, false));
        t.add("SIMD scalar two-register misc", "01 U 11110 zz 10000 ooooo 10 nnnnn ddddd", f -> twoMisc(f, true));
        t.add("SIMD across lanes", "0 Q U 01110 zz 11000 ooooo 10 nnnnn ddddd", SimdArith::acrossLanes);
        t.add("SIMD scalar pairwise", "01 U 11110 zz 11000 ooooo 10 nnnnn ddddd", SimdArith::scalarPairwise);
    }

    private static int elements(boolean q, int esize) {
        return (q ? 128 : 64) / esize;
    }

    // ---- three same ----

    private static final int[] VECTOR_OPS_WITHOUT_64 = {0x00, 0x02, 0x04, 0x0C, 0x0D, 0x0E, 0x0F, 0x12, 0x13, 0x14, 0x15,
        0x16};

    private static Insn threeSame(Fields f, boolean scalar) {
        int op = f.u('o');
        boolean u = f.is('U');
        boolean q = scalar || f.is('Q');
        if (op >= 0x18) {
            return fpThreeSame(f, scalar, op & 7);
        }
        int esize = 8 << f.u('z');
        if (op == 0x03) {
            return scalar ? new Undefined(f.word(), f.pc())
                    : new Logic(u ? 4 + f.u('z') : f.u('z'), q, f.u('d'), f.u('n'), f.u('m'));
        }
        boolean doubling = op == 0x16;
        boolean allowed;
        if (scalar) {
            allowed = op == 0x01 || op == 0x05 || op == 0x09 || op == 0x0B
                    || (doubling && (esize == 16 || esize == 32))
                    || (esize == 64 && (op == 0x06 || op == 0x07 || op == 0x08 || op == 0x0A
                    || op == 0x10 || op == 0x11));
        } else {
            allowed = !(esize == 64 && !q) && !(op == 0x13 && u && esize != 8) && !(op == 0x17 && u)
                    && !(doubling && esize != 16 && esize != 32);
            for (int w : VECTOR_OPS_WITHOUT_64) {
                allowed &= !(esize == 64 && op == w);
            }
        }
        if (!allowed) {
            return new Undefined(f.word(), f.pc());
        }
        int n = scalar ? 1 : elements(q, esize);
        return new IntegerThreeSame(op, u, esize, n, !scalar && q, f.u('d'), f.u('n'), f.u('m'));
    }

    private static Insn fpThreeSame(Fields f, boolean scalar, int low) {
        boolean u = f.is('U');
        boolean a = (f.u('z') & 2) != 0;
        boolean single = (f.u('z') & 1) == 0;
        boolean q = !scalar && f.is('Q');
        int key = (u ? 16 : 0) | (a ? 8 : 0) | low;
        int op = switch (key) {
            case 0x00 -> FpVector.MAXNM;
            case 0x08 -> FpVector.MINNM;
            case 0x01 -> FpVector.MLA;
            case 0x09 -> FpVector.MLS;
            case 0x02 -> FpVector.ADD;
            case 0x0A -> FpVector.SUB;
            case 0x04 -> FpVector.CMEQ;
            case 0x06 -> FpVector.MAX;
            case 0x0E -> FpVector.MIN;
            case 0x10 -> FpVector.MAXNMP;
            case 0x18 -> FpVector.MINNMP;
            case 0x12 -> FpVector.ADDP;
            case 0x1A -> FpVector.ABD;
            case 0x13 -> FpVector.MUL;
            case 0x14 -> FpVector.CMGE;
            case 0x1C -> FpVector.CMGT;
            case 0x15 -> FpVector.ACGE;
            case 0x1D -> FpVector.ACGT;
            case 0x16 -> FpVector.MAXP;
            case 0x1E -> FpVector.MINP;
            case 0x17 -> FpVector.DIV;
            case 0x03 -> FpVector.MULX;
            case 0x07 -> FpVector.RECPS;
            case 0x0F -> FpVector.RSQRTS;
            default -> -1;
        };
        boolean scalarOk = op == FpVector.ABD || op == FpVector.CMEQ || op == FpVector.CMGE
                || op == FpVector.CMGT || op == FpVector.ACGE || op == FpVector.ACGT || op == FpVector.MULX
                || op == FpVector.RECPS || op == FpVector.RSQRTS;
        if (op < 0 || (scalar && !scalarOk) || (!scalar && !single && !q)) {
            return new Undefined(f.word(), f.pc());
        }
        int esize = single ? 32 : 64;
        int n = scalar ? 1 : elements(q, esize);
        return new FpVector(op, single, n, !scalar && q, f.u('d'), f.u('n'), f.u('m'));
    }

    /** AND, BIC, ORR, ORN (0..3) and EOR, BSL, BIT, BIF (4..7) on whole 64-bit halves. */
    static final class Logic extends Insn {
        private final int op;
        private final boolean q;
        private final int rd;
        private final int rn;
        private final int rm;

        Logic(int op, boolean q, int rd, int rn, int rm) {
            this.op = op;
            this.q = q;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            for (int h = 0; h < 2; h++) {
                long a = c.vr[2 * rn + h];
                long b = c.vr[2 * rm + h];
                long d = c.vr[2 * rd + h];
                long r = switch (op) {
                    case 0 -> a & b;
                    case 1 -> a & ~b;
                    case 2 -> a | b;
                    case 3 -> a | ~b;
                    case 4 -> a ^ b;
                    case 5 -> (a & d) | (b & ~d);
                    case 6 -> (a & b) | (d & ~b);
                    default -> (d & b) | (a & ~b);
                };
                c.vr[2 * rd + h] = h == 1 && !q ? 0 : r;
            }
            return true;
        }
    }

    static final class IntegerThreeSame extends VectorInsn {
        private final int op;
        private final boolean u;

        IntegerThreeSame(int op, boolean u, int esize, int elements, boolean q, int rd, int rn, int rm) {
            super(esize, elements, q, rd, rn, rm);
            this.op = op;
            this.u = u;
        }

        /** Elements are unsigned for the U forms, except SQRDMULH, which is signed. */
        private long element(Arm64Cpu c, int reg, int i) {
            return u && op != 0x16 ? Lanes.get(c, reg, esize, i) : Lanes.getSigned(c, reg, esize, i);
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            clear();
            boolean pairwise = op == 0x14 || op == 0x15 || op == 0x17;
            int half = elements / 2;
            for (int i = 0; i < elements; i++) {
                long a;
                long b;
                if (pairwise) {
                    int src = i < half ? rn : rm;
                    int j = 2 * (i % half);
                    a = element(c, src, j);
                    b = element(c, src, j + 1);
                } else {
                    a = element(c, rn, i);
                    b = element(c, rm, i);
                }
                Lanes.put(out, esize, i, compute(c, a, b, Lanes.get(c, rd, esize, i)));
            }
            Lanes.store(c, rd, out, q);
            return true;
        }

        private boolean less(long a, long b) {
            return u ? Long.compareUnsigned(a, b) < 0 : a < b;
        }

        private long compute(Arm64Cpu c, long a, long b, long d) {
            long ones = -1L;
            return switch (op) {
                case 0x00 -> u ? (a >>> 1) + (b >>> 1) + (a & b & 1) : (a >> 1) + (b >> 1) + (a & b & 1);
                case 0x01 -> Saturate.add(c, a, b, esize, u);
                case 0x02 -> u ? (a >>> 1) + (b >>> 1) + ((a | b) & 1) : (a >> 1) + (b >> 1) + ((a | b) & 1);
                case 0x04 -> (a - b) >> 1;
                case 0x05 -> Saturate.sub(c, a, b, esize, u);
                case 0x06 -> less(b, a) ? ones : 0;
                case 0x07 -> !less(a, b) ? ones : 0;
                // SSHL/USHL, SQSHL/UQSHL, SRSHL/URSHL, SQRSHL/UQRSHL: by the signed low byte of Vm.
                case 0x08 -> Saturate.shift(c, a, (byte) b, esize, u, false, false);
                case 0x09 -> Saturate.shift(c, a, (byte) b, esize, u, false, true);
                case 0x0A -> Saturate.shift(c, a, (byte) b, esize, u, true, false);
                case 0x0B -> Saturate.shift(c, a, (byte) b, esize, u, true, true);
                case 0x16 -> Saturate.doublingMultiplyHigh(c, a, b, esize, u);
                case 0x0C, 0x14 -> less(a, b) ? b : a;
                case 0x0D, 0x15 -> less(a, b) ? a : b;
                case 0x0E -> Math.abs(a - b);
                case 0x0F -> d + Math.abs(a - b);
                case 0x10 -> u ? a - b : a + b;
                case 0x11 -> u ? (a == b ? ones : 0) : ((a & b & Lanes.mask(esize)) != 0 ? ones : 0);
                case 0x12 -> u ? d - a * b : d + a * b;
                case 0x13 -> u ? polynomialMultiply(a, b) : a * b;
                default -> a + b;
            };
        }

        /** Carry-less product of two bytes (PMUL keeps the low byte, PMULL all 16 bits). */
        static long polynomialMultiply(long a, long b) {
            long r = 0;
            for (int i = 0; i < 8; i++) {
                if (((b >>> i) & 1) != 0) {
                    r ^= a << i;
                }
            }
            return r;
        }
    }

    // ---- three different ----

    private static Insn threeDifferent(Fields f, boolean scalar) {
        int op = f.u('o');
        int size = f.u('z');
        boolean u = f.is('U');
        boolean doubling = op == 0b1001 || op == 0b1011 || op == 0b1101;
        boolean ok = size != 3 && op != 0b1111
                && (!doubling || (!u && (size == 1 || size == 2)))
                && (op != 0b1110 || (!u && size == 0))
                && (!scalar || doubling);
        if (!ok) {
            return new Undefined(f.word(), f.pc());
        }
        return new Widening(op, u, 8 << size, !scalar && f.is('Q'), scalar, f.u('d'), f.u('n'), f.u('m'));
    }

    /**
     * The long (L), wide (W) and narrowing-high (HN) forms, the saturating
     * doubling ones (SQDMULL, SQDMLAL, SQDMLSL, also scalar) and PMULL of bytes;
     * Q selects the upper source or destination half.
     */
    static final class Widening extends VectorInsn {
        private final int op;
        private final boolean u;
        private final boolean upper;
        private final boolean scalar;

        Widening(int op, boolean u, int esize, boolean upper, boolean scalar, int rd, int rn, int rm) {
            super(esize, 64 / esize, true, rd, rn, rm);
            this.op = op;
            this.u = u;
            this.upper = upper;
            this.scalar = scalar;
        }

        private long narrow(Arm64Cpu c, int reg, int i) {
            int j = upper ? i + 64 / esize : i;
            return u ? Lanes.get(c, reg, esize, j) : Lanes.getSigned(c, reg, esize, j);
        }

        private long wide(Arm64Cpu c, int reg, int i) {
            return u ? Lanes.get(c, reg, 2 * esize, i) : Lanes.getSigned(c, reg, 2 * esize, i);
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            int n = 64 / esize;
            boolean narrowing = op == 0b0100 || op == 0b0110;
            if (narrowing) {
                out[0] = upper ? c.vr[2 * rd] : 0;
                out[1] = 0;
                for (int i = 0; i < n; i++) {
                    long a = Lanes.get(c, rn, 2 * esize, i);
                    long b = Lanes.get(c, rm, 2 * esize, i);
                    long r = op == 0b0100 ? a + b : a - b;
                    if (u) {
                        r += 1L << (esize - 1);
                    }
                    Lanes.put(out, esize, upper ? i + n : i, r >>> esize);
                }
                Lanes.store(c, rd, out, true);
                return true;
            }
            clear();
            int count = scalar ? 1 : n;
            for (int i = 0; i < count; i++) {
                long b = narrow(c, rm, i);
                long a = (op == 0b0001 || op == 0b0011) ? wide(c, rn, i) : narrow(c, rn, i);
                long d = op == 0b1001 || op == 0b1011 ? Lanes.getSigned(c, rd, 2 * esize, i)
                        : Lanes.get(c, rd, 2 * esize, i);
                long r = switch (op) {
                    case 0b0000, 0b0001 -> a + b;
                    case 0b0010, 0b0011 -> a - b;
                    case 0b0101 -> d + Math.abs(a - b);
                    case 0b0111 -> Math.abs(a - b);
                    case 0b1000 -> d + a * b;
                    case 0b1010 -> d - a * b;
                    case 0b1001 -> Saturate.add(c, d, Saturate.doublingMultiplyLong(c, a, b, esize), 2 * esize, false);
                    case 0b1011 -> Saturate.sub(c, d, Saturate.doublingMultiplyLong(c, a, b, esize), 2 * esize, false);
                    case 0b1101 -> Saturate.doublingMultiplyLong(c, a, b, esize);
                    case 0b1110 -> SimdArith.IntegerThreeSame.polynomialMultiply(a & 0xFF, b & 0xFF);
                    default -> a * b;
                };
                Lanes.put(out, 2 * esize, i, r);
            }
            Lanes.store(c, rd, out, true);
            return true;
        }
    }

    // ---- two-register miscellaneous ----

    private static Insn twoMisc(Fields f, boolean scalar) {
        int op = f.u('o');
        boolean u = f.is('U');
        int size = f.u('z');
        boolean q = !scalar && f.is('Q');
        int rd = f.u('d');
        int rn = f.u('n');
        if (op >= 0x0C && op != 0x12 && op != 0x13 && op != 0x14) {
            return FpVector.twoMisc(f, scalar, op, u, size, q, rd, rn);
        }
        int key = (u ? 0x20 : 0) | op;
        // NOT and RBIT work on bytes; their size field selects between them.
        int esize = key == 0x25 ? 8 : 8 << size;
        int kind = switch (key) {
            case 0x00, 0x20, 0x01 -> scalar || esize >= (key == 0x00 ? 64 : key == 0x20 ? 32 : 16) ? -1 : IntegerMisc.REV;
            case 0x02, 0x22 -> scalar || size == 3 ? -1 : IntegerMisc.ADDLP;
            case 0x06, 0x26 -> scalar || size == 3 ? -1 : IntegerMisc.ADALP;
            case 0x04, 0x24 -> scalar || size == 3 ? -1 : IntegerMisc.CLZ_CLS;
            case 0x05 -> scalar || size != 0 ? -1 : IntegerMisc.CNT;
            case 0x25 -> scalar || size > 1 ? -1 : size == 0 ? IntegerMisc.NOT : IntegerMisc.RBIT;
            case 0x08, 0x28, 0x09, 0x29, 0x0A, 0x0B, 0x2B ->
                    (scalar && size != 3) || (!scalar && size == 3 && !q) ? -1 : IntegerMisc.ZERO_COMPARE_ABS_NEG;
            case 0x12 -> scalar || size == 3 ? -1 : IntegerMisc.XTN;
            case 0x14, 0x34, 0x32 -> size == 3 ? -1 : IntegerMisc.XTN;
            case 0x03, 0x23 -> !scalar && size == 3 && !q ? -1 : IntegerMisc.SATURATING_ACCUMULATE;
            case 0x07, 0x27 -> !scalar && size == 3 && !q ? -1 : IntegerMisc.SATURATING_ABS_NEG;
            case 0x33 -> scalar || size == 3 ? -1 : IntegerMisc.SHLL;
            default -> -1;
        };
        if (kind < 0) {
            return new Undefined(f.word(), f.pc());
        }
        // The narrowing and lengthening forms read or write one half of a 128-bit register.
        int n = scalar ? 1 : kind == IntegerMisc.XTN || kind == IntegerMisc.SHLL ? 64 / esize : elements(q, esize);
        return new IntegerMisc(kind, key, u, esize, n, !scalar && q, rd, rn);
    }

    static final class IntegerMisc extends VectorInsn {
        static final int REV = 0;
        static final int ADDLP = 1;
        static final int ADALP = 2;
        static final int CLZ_CLS = 3;
        static final int CNT = 4;
        static final int NOT = 5;
        static final int RBIT = 6;
        static final int ZERO_COMPARE_ABS_NEG = 7;
        /** XTN, SQXTN, UQXTN, SQXTUN (told apart by key). */
        static final int XTN = 8;
        /** SUQADD, USQADD. */
        static final int SATURATING_ACCUMULATE = 9;
        /** SQABS, SQNEG. */
        static final int SATURATING_ABS_NEG = 10;
        static final int SHLL = 11;

        private final int kind;
        private final int key;
        private final boolean u;

        IntegerMisc(int kind, int key, boolean u, int esize, int elements, boolean q, int rd, int rn) {
            super(esize, elements, q, rd, rn, rn);
            this.kind = kind;
            this.key = key;
            this.u = u;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            clear();
            switch (kind) {
                case REV -> reverse(c);
                case ADDLP, ADALP -> {
                    for (int i = 0; i < elements / 2; i++) {
                        long a = u ? Lanes.get(c, rn, esize, 2 * i) : Lanes.getSigned(c, rn, esize, 2 * i);
                        long b = u ? Lanes.get(c, rn, esize, 2 * i + 1) : Lanes.getSigned(c, rn, esize, 2 * i + 1);
                        long acc = kind == ADALP ? Lanes.get(c, rd, 2 * esize, i) : 0;
                        Lanes.put(out, 2 * esize, i, acc + a + b);
                    }
                }
                case XTN -> {
                    for (int i = 0; i < elements; i++) {
                        Lanes.put(out, esize, q ? i + elements : i, narrow(c, i));
                    }
                    if (q) {
                        out[0] = c.vr[2 * rd];
                    }
                }
                case SHLL -> {
                    for (int i = 0; i < elements; i++) {
                        Lanes.put(out, 2 * esize, i, Lanes.get(c, rn, esize, q ? i + elements : i) << esize);
                    }
                    Lanes.store(c, rd, out, true);
                    return true;
                }
                case SATURATING_ACCUMULATE -> {
                    for (int i = 0; i < elements; i++) {
                        Lanes.put(out, esize, i, accumulate(c, Lanes.get(c, rn, esize, i), Lanes.get(c, rd, esize, i)));
                    }
                }
                case SATURATING_ABS_NEG -> {
                    for (int i = 0; i < elements; i++) {
                        long a = Lanes.getSigned(c, rn, esize, i);
                        long r = u || a < 0 ? -a : a;
                        boolean overflow = a == Saturate.minSigned(esize) && (u || a < 0);
                        if (overflow) {
                            c.fpsr |= Saturate.QC;
                            r = Saturate.maxSigned(esize);
                        }
                        Lanes.put(out, esize, i, r);
                    }
                }
                default -> {
                    for (int i = 0; i < elements; i++) {
                        Lanes.put(out, esize, i, element(Lanes.getSigned(c, rn, esize, i)));
                    }
                }
            }
            Lanes.store(c, rd, out, q);
            return true;
        }

        /** Element {@code i} of the double-width source, narrowed: truncated (XTN) or saturated. */
        private long narrow(Arm64Cpu c, int i) {
            return switch (key) {
                case 0x14 -> Saturate.signed(c, Lanes.getSigned(c, rn, 2 * esize, i), esize);
                case 0x34 -> {
                    long a = Lanes.get(c, rn, 2 * esize, i);
                    yield esize == 32 ? (Long.compareUnsigned(a, 0xFFFFFFFFL) > 0 ? saturated(c, 0xFFFFFFFFL) : a)
                            : Saturate.unsigned(c, a, esize);
                }
                case 0x32 -> Saturate.unsigned(c, Lanes.getSigned(c, rn, 2 * esize, i), esize);
                default -> Lanes.get(c, rn, 2 * esize, i);
            };
        }

        private static long saturated(Arm64Cpu c, long value) {
            c.fpsr |= Saturate.QC;
            return value;
        }

        /** SUQADD (signed d plus unsigned a) and USQADD (unsigned d plus signed a), saturated to d's kind. */
        private long accumulate(Arm64Cpu c, long a, long d) {
            if (esize < 64) {
                long sa = (a << (64 - esize)) >> (64 - esize);
                long sd = (d << (64 - esize)) >> (64 - esize);
                return u ? Saturate.unsigned(c, d + sa, esize) : Saturate.signed(c, sd + a, esize);
            }
            if (u) {
                if (a >= 0) {
                    long r = d + a;
                    return Long.compareUnsigned(r, d) < 0 ? saturated(c, -1L) : r;
                }
                return Long.compareUnsigned(d, -a) < 0 ? saturated(c, 0) : d + a;
            }
            if (a >= 0) {
                long r = d + a;
                return d > 0 && r < 0 ? saturated(c, Long.MAX_VALUE) : r;
            }
            if (d >= 0) {
                return saturated(c, Long.MAX_VALUE);
            }
            long r = (d ^ Long.MIN_VALUE) + (a ^ Long.MIN_VALUE);
            return r < 0 ? saturated(c, Long.MAX_VALUE) : r;
        }

        private void reverse(Arm64Cpu c) {
            int container = key == 0x00 ? 64 : key == 0x20 ? 32 : 16;
            int per = container / esize;
            for (int i = 0; i < elements; i++) {
                int base = i - i % per;
                Lanes.put(out, esize, base + per - 1 - i % per, Lanes.get(c, rn, esize, i));
            }
        }

        private long element(long a) {
            long m = Lanes.mask(esize);
            return switch (kind) {
                case CLZ_CLS -> {
                    long v = a & m;
                    if (u) {
                        yield Long.numberOfLeadingZeros(v) - (64 - esize);
                    }
                    yield Long.numberOfLeadingZeros(a ^ (a >> 1)) - 1 - (64 - esize);
                }
                case CNT -> Long.bitCount(a & m);
                case NOT -> ~a;
                case RBIT -> Long.reverse(a) >>> 56;
                default -> switch (key) {
                    case 0x08 -> a > 0 ? -1L : 0;
                    case 0x28 -> a >= 0 ? -1L : 0;
                    case 0x09 -> a == 0 ? -1L : 0;
                    case 0x29 -> a <= 0 ? -1L : 0;
                    case 0x0A -> a < 0 ? -1L : 0;
                    case 0x0B -> Math.abs(a);
                    default -> -a;
                };
            };
        }
    }

    // ---- reductions ----

    private static Insn acrossLanes(Fields f) {
        int op = f.u('o');
        int size = f.u('z');
        boolean q = f.is('Q');
        boolean ok = (op == 0x03 || op == 0x0A || op == 0x1A || (op == 0x1B && !f.is('U')))
                && size != 3 && !(size == 2 && !q);
        if (!ok) {
            return new Undefined(f.word(), f.pc());
        }
        return new Across(op, f.is('U'), 8 << size, elements(q, 8 << size), f.u('d'), f.u('n'));
    }

    /** ADDV, SADDLV/UADDLV, SMAXV/UMAXV, SMINV/UMINV into a scalar. */
    static final class Across extends Insn {
        private final int op;
        private final boolean u;
        private final int esize;
        private final int elements;
        private final int rd;
        private final int rn;

        Across(int op, boolean u, int esize, int elements, int rd, int rn) {
            this.op = op;
            this.u = u;
            this.esize = esize;
            this.elements = elements;
            this.rd = rd;
            this.rn = rn;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long acc = u ? Lanes.get(c, rn, esize, 0) : Lanes.getSigned(c, rn, esize, 0);
            for (int i = 1; i < elements; i++) {
                long v = u ? Lanes.get(c, rn, esize, i) : Lanes.getSigned(c, rn, esize, i);
                acc = switch (op) {
                    case 0x0A -> (u ? Long.compareUnsigned(v, acc) > 0 : v > acc) ? v : acc;
                    case 0x1A -> (u ? Long.compareUnsigned(v, acc) < 0 : v < acc) ? v : acc;
                    default -> acc + v;
                };
            }
            int width = op == 0x03 ? 2 * esize : esize;
            FpScalar.write(c, rd, acc & Lanes.mask(width));
            return true;
        }
    }

    private static Insn scalarPairwise(Fields f) {
        int op = f.u('o');
        int size = f.u('z');
        if (!f.is('U') && op == 0x1B && size == 3) {
            return new PairAdd(f.u('d'), f.u('n'));
        }
        if (f.is('U') && op == 0x0D && size < 2) {
            return new FpVector(FpVector.ADDP, size == 0, 1, false, f.u('d'), f.u('n'), f.u('n'));
        }
        return new Undefined(f.word(), f.pc());
    }

    /** ADDP Dd, Vn.2D. */
    static final class PairAdd extends Insn {
        private final int rd;
        private final int rn;

        PairAdd(int rd, int rn) {
            this.rd = rd;
            this.rn = rn;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            FpScalar.write(c, rd, c.vr[2 * rn] + c.vr[2 * rn + 1]);
            return true;
        }
    }
}
