package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.Fields;

/** Advanced SIMD floating point, element by element, vector or scalar, single or double precision. */
final class FpVector extends VectorInsn {
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int MAX = 4;
    static final int MIN = 5;
    static final int MAXNM = 6;
    static final int MINNM = 7;
    static final int ABD = 9;
    static final int MLA = 10;
    static final int MLS = 11;
    static final int CMEQ = 12;
    static final int CMGE = 13;
    static final int CMGT = 14;
    static final int ACGE = 15;
    static final int ACGT = 16;
    static final int ADDP = 17;
    static final int MAXP = 18;
    static final int MINP = 19;
    static final int MAXNMP = 20;
    static final int MINNMP = 21;
    static final int MULX = 22;
    static final int RECPS = 23;
    static final int RSQRTS = 24;
    // Unary operations (rm unused).
    static final int ABS = 30;
    static final int NEG = 31;
    static final int SQRT = 32;
    static final int CMGT0 = 33;
    static final int CMGE0 = 34;
    static final int CMEQ0 = 35;
    static final int CMLE0 = 36;
    static final int CMLT0 = 37;
    static final int SCVTF = 38;
    static final int UCVTF = 39;
    static final int RECPE = 70;
    static final int RSQRTE = 71;
    static final int RECPX = 72;
    static final int URECPE = 73;
    static final int URSQRTE = 74;
    /** Rounding to integral: FRINT_BASE + rounding mode. */
    static final int FRINT_BASE = 40;
    /** To signed integer: TO_SIGNED + rounding mode; to unsigned: TO_UNSIGNED + mode. */
    static final int TO_SIGNED = 50;
    static final int TO_UNSIGNED = 60;

    private final int op;
    private final boolean single;

    FpVector(int op, boolean single, int elements, boolean q, int rd, int rn, int rm) {
        super(single ? 32 : 64, elements, q, rd, rn, rm);
        this.op = op;
        this.single = single;
    }

    /** Decodes the FP part of the two-register miscellaneous group (vector and scalar). */
    static Insn twoMisc(Fields f, boolean scalar, int opcode, boolean u, int size, boolean q, int rd, int rn) {
        boolean a = size >= 2;
        boolean single = (size & 1) == 0;
        int key = (u ? 0x40 : 0) | (a ? 0x20 : 0) | opcode;
        if (!scalar && (key == 0x16 || key == 0x17 || key == 0x56) && !single) {
            return new Convert(key == 0x17 ? Convert.LENGTHEN : key == 0x16 ? Convert.NARROW : Convert.NARROW_ODD,
                    q, rd, rn);
        }
        if (scalar && key == 0x56 && !single) {
            return new Convert(Convert.NARROW_ODD_SCALAR, false, rd, rn);
        }
        int op = switch (key) {
            case 0x2C -> CMGT0;
            case 0x6C -> CMGE0;
            case 0x2D -> CMEQ0;
            case 0x6D -> CMLE0;
            case 0x2E -> CMLT0;
            case 0x2F -> ABS;
            case 0x6F -> NEG;
            case 0x7F -> SQRT;
            case 0x18 -> FRINT_BASE + FpMath.RN;
            case 0x19 -> FRINT_BASE + FpMath.RM;
            case 0x38 -> FRINT_BASE + FpMath.RP;
            case 0x39 -> FRINT_BASE + FpMath.RZ;
            case 0x58 -> FRINT_BASE + FpMath.RA;
            case 0x59, 0x79 -> FRINT_BASE + FpMath.RN;
            case 0x1A -> TO_SIGNED + FpMath.RN;
            case 0x1B -> TO_SIGNED + FpMath.RM;
            case 0x3A -> TO_SIGNED + FpMath.RP;
            case 0x3B -> TO_SIGNED + FpMath.RZ;
            case 0x1C -> TO_SIGNED + FpMath.RA;
            case 0x5A -> TO_UNSIGNED + FpMath.RN;
            case 0x5B -> TO_UNSIGNED + FpMath.RM;
            case 0x7A -> TO_UNSIGNED + FpMath.RP;
            case 0x7B -> TO_UNSIGNED + FpMath.RZ;
            case 0x5C -> TO_UNSIGNED + FpMath.RA;
            case 0x1D -> SCVTF;
            case 0x5D -> UCVTF;
            case 0x3D -> RECPE;
            case 0x7D -> RSQRTE;
            case 0x3F -> RECPX;
            case 0x3C -> URECPE;
            case 0x7C -> URSQRTE;
            default -> -1;
        };
        boolean unsignedEstimate = op == URECPE || op == URSQRTE;
        boolean scalarOk = op >= CMGT0 && op != ABS && op != NEG && op != SQRT && (op < FRINT_BASE || op >= TO_SIGNED)
                && !unsignedEstimate;
        if (op < 0 || (scalar && !scalarOk) || (!scalar && !single && !q) || (op == RECPX && !scalar)
                || (unsignedEstimate && !single)) {
            return new Undefined(f.word(), f.pc());
        }
        int n = scalar ? 1 : (q ? 4 : 2) / (single ? 1 : 2);
        return new FpVector(op, single, n, !scalar && q, rd, rn, rn);
    }

    private long element(Arm64Cpu c, int reg, int i) {
        return Lanes.get(c, reg, single ? 32 : 64, i);
    }

    @Override
    public boolean exec(Arm64Cpu c) {
        clear();
        boolean pairwise = op >= ADDP && op <= MINNMP;
        if (pairwise && elements == 1) {
            Lanes.put(out, esize, 0, binary(element(c, rn, 0), element(c, rn, 1), 0));
        } else {
            int half = elements / 2;
            for (int i = 0; i < elements; i++) {
                long r;
                if (pairwise) {
                    int src = i < half ? rn : rm;
                    int j = 2 * (i % half);
                    r = binary(element(c, src, j), element(c, src, j + 1), 0);
                } else if (op >= ABS) {
                    r = unary(element(c, rn, i));
                } else {
                    r = binary(element(c, rn, i), element(c, rm, i), element(c, rd, i));
                }
                Lanes.put(out, esize, i, r);
            }
        }
        Lanes.store(c, rd, out, q);
        return true;
    }

    private long binary(long a, long b, long d) {
        long ones = -1L;
        return switch (op) {
            case ADD, ADDP -> FpMath.binary(FpMath.ADD, a, b, single);
            case SUB -> FpMath.binary(FpMath.SUB, a, b, single);
            case MUL -> FpMath.binary(FpMath.MUL, a, b, single);
            case DIV -> FpMath.binary(FpMath.DIV, a, b, single);
            case MAX, MAXP -> FpMath.binary(FpMath.MAX, a, b, single);
            case MIN, MINP -> FpMath.binary(FpMath.MIN, a, b, single);
            case MAXNM, MAXNMP -> FpMath.binary(FpMath.MAXNM, a, b, single);
            case MINNM, MINNMP -> FpMath.binary(FpMath.MINNM, a, b, single);
            case ABD -> FpMath.binary(FpMath.ABD, a, b, single);
            case MLA -> FpMath.fma(d, a, b, single);
            case MLS -> FpMath.fma(d, FpMath.negate(a, single), b, single);
            case CMEQ -> FpMath.compare(a, b, single) == 0x6L << 28 ? ones : 0;
            case CMGE -> ordered(a, b, 0x6L, 0x2L) ? ones : 0;
            case CMGT -> ordered(a, b, 0x2L, 0x2L) ? ones : 0;
            case ACGE -> ordered(FpMath.abs(a, single), FpMath.abs(b, single), 0x6L, 0x2L) ? ones : 0;
            case MULX -> FpEstimate.mulx(a, b, single);
            case RECPS -> FpEstimate.step(a, b, single, false);
            case RSQRTS -> FpEstimate.step(a, b, single, true);
            default -> ordered(FpMath.abs(a, single), FpMath.abs(b, single), 0x2L, 0x2L) ? ones : 0;
        };
    }

    /** Whether FCMP(a, b) gives one of the two NZCV patterns (equal 0110, greater 0010). */
    private boolean ordered(long a, long b, long first, long second) {
        long flags = FpMath.compare(a, b, single) >>> 28;
        return flags == first || flags == second;
    }

    private long unary(long a) {
        long ones = -1L;
        long zero = 0;
        if (op >= RECPE) {
            return switch (op) {
                case RECPE -> FpEstimate.recip(a, single);
                case RSQRTE -> FpEstimate.recipSqrt(a, single);
                case RECPX -> FpEstimate.exponentReciprocal(a, single);
                case URECPE -> FpEstimate.unsignedRecip(a);
                default -> FpEstimate.unsignedRecipSqrt(a);
            };
        }
        if (op >= TO_UNSIGNED) {
            return FpMath.toInteger(a, single, op - TO_UNSIGNED, true, !single);
        }
        if (op >= TO_SIGNED) {
            return FpMath.toInteger(a, single, op - TO_SIGNED, false, !single);
        }
        if (op >= FRINT_BASE) {
            return FpMath.roundToIntegral(a, op - FRINT_BASE, single);
        }
        return switch (op) {
            case ABS -> FpMath.abs(a, single);
            case NEG -> FpMath.negate(a, single);
            case SQRT -> FpMath.sqrt(a, single);
            case CMGT0 -> ordered(a, zero, 0x2L, 0x2L) ? ones : 0;
            case CMGE0 -> ordered(a, zero, 0x6L, 0x2L) ? ones : 0;
            case CMEQ0 -> FpMath.compare(a, zero, single) == 0x6L << 28 ? ones : 0;
            case CMLE0 -> ordered(zero, a, 0x6L, 0x2L) ? ones : 0;
            case CMLT0 -> ordered(zero, a, 0x2L, 0x2L) ? ones : 0;
            case SCVTF -> FpMath.fromInteger(single ? (int) a : a, false, single);
            default -> FpMath.fromInteger(a, true, single);
        };
    }

    /**
     * FCVTN(2), FCVTXN(2): doubles to singles (rounded to nearest, or to odd)
     * into the lower (upper) half; FCVTXN scalar; FCVTL(2): singles from the
     * lower (upper) half to doubles.
     */
    static final class Convert extends Insn {
        static final int NARROW = 0;
        static final int NARROW_ODD = 1;
        static final int NARROW_ODD_SCALAR = 2;
        static final int LENGTHEN = 3;
        private final int kind;
        private final boolean upper;
        private final int rd;
        private final int rn;

        Convert(int kind, boolean upper, int rd, int rn) {
            this.kind = kind;
            this.upper = upper;
            this.rd = rd;
            this.rn = rn;
        }

        private long narrow(long d) {
            return kind == NARROW ? FpMath.doubleToSingle(d) : FpMath.doubleToSingleRoundToOdd(d);
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (kind == NARROW_ODD_SCALAR) {
                FpScalar.write(c, rd, narrow(c.vr[2 * rn]));
                return true;
            }
            if (kind != LENGTHEN) {
                long lo = narrow(c.vr[2 * rn]) | narrow(c.vr[2 * rn + 1]) << 32;
                if (upper) {
                    c.vr[2 * rd + 1] = lo;
                } else {
                    c.vr[2 * rd] = lo;
                    c.vr[2 * rd + 1] = 0;
                }
                return true;
            }
            long src = upper ? c.vr[2 * rn + 1] : c.vr[2 * rn];
            c.vr[2 * rd] = FpMath.singleToDouble(src & 0xFFFFFFFFL);
            c.vr[2 * rd + 1] = FpMath.singleToDouble(src >>> 32);
            return true;
        }
    }
}
