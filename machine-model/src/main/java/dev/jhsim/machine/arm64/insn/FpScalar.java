package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/**
 * Scalar floating point in single and double precision: arithmetic, fused
 * multiply-add, compares, conditional select, immediates, conversions to and
 * from integers, FMOV. A scalar result clears the rest of its V register.
 * Half precision is not modelled and decodes as UNDEFINED.
 */
final class FpScalar {
    private static final int SINGLE = 0;
    private static final int DOUBLE = 1;

    private FpScalar() {
    }

    static void register(DecodeTable t) {
        t.add("FP data-processing (1 source)", "000 11110 tt 1 oooooo 10000 nnnnn ddddd", FpScalar::oneSource);
        t.add("FP data-processing (2 source)", "000 11110 tt 1 mmmmm oooo 10 nnnnn ddddd", FpScalar::twoSource);
        t.add("FP data-processing (3 source)", "000 11111 tt o mmmmm q aaaaa nnnnn ddddd", FpScalar::threeSource);
        t.add("FP compare", "000 11110 tt 1 mmmmm 001000 nnnnn oo000", FpScalar::compare);
        t.add("FP conditional compare", "000 11110 tt 1 mmmmm cccc 01 nnnnn o ffff", FpScalar::conditionalCompare);
        t.add("FP conditional select", "000 11110 tt 1 mmmmm cccc 11 nnnnn ddddd", FpScalar::select);
        t.add("FP immediate", "000 11110 tt 1 iiiiiiii 100 00000 ddddd", FpScalar::immediate);
        t.add("FP <-> integer", "s 00 11110 tt 1 rr ooo 000000 nnnnn ddddd", FpScalar::integer);
        t.add("FP <-> fixed point", "s 00 11110 tt 0 rr ooo kkkkkk nnnnn ddddd", FpScalar::fixedPoint);
    }

    private static boolean typeOk(Fields f) {
        return f.u('t') == SINGLE || f.u('t') == DOUBLE;
    }

    private static Insn oneSource(Fields f) {
        int op = f.u('o');
        int type = f.u('t');
        if (!typeOk(f) || op > 15 || op == 6 || op == 7 || op == 13 || (op == 4 + type)) {
            return new Undefined(f.word(), f.pc());
        }
        return new OneSource(op, type == SINGLE, f.u('d'), f.u('n'));
    }

    private static Insn twoSource(Fields f) {
        int op = f.u('o');
        if (!typeOk(f) || op > 8) {
            return new Undefined(f.word(), f.pc());
        }
        int[] ops = {FpMath.MUL, FpMath.DIV, FpMath.ADD, FpMath.SUB, FpMath.MAX, FpMath.MIN, FpMath.MAXNM,
                     FpMath.MINNM, FpMath.NMUL};
        return new TwoSource(ops[op], f.u('t') == SINGLE, f.u('d'), f.u('n'), f.u('m'));
    }

    private static Insn threeSource(Fields f) {
        if (!typeOk(f)) {
            return new Undefined(f.word(), f.pc());
        }
        return new MultiplyAdd(f.u('t') == SINGLE, f.is('o'), f.is('q'), f.u('d'), f.u('n'), f.u('m'), f.u('a'));
    }

    private static Insn compare(Fields f) {
        // The Rm field of the compare-with-zero forms should be zero; like hardware, ignore it.
        if (!typeOk(f)) {
            return new Undefined(f.word(), f.pc());
        }
        return new Compare(f.u('t') == SINGLE, f.u('n'), f.u('m'), (f.u('o') & 1) == 1, -1, 0);
    }

    private static Insn conditionalCompare(Fields f) {
        if (!typeOk(f)) {
            return new Undefined(f.word(), f.pc());
        }
        return new Compare(f.u('t') == SINGLE, f.u('n'), f.u('m'), false, f.u('c'), f.u('f'));
    }

    private static Insn select(Fields f) {
        if (!typeOk(f)) {
            return new Undefined(f.word(), f.pc());
        }
        return new Select(f.u('t') == SINGLE, f.u('d'), f.u('n'), f.u('m'), f.u('c'));
    }

    private static Insn immediate(Fields f) {
        if (!typeOk(f)) {
            return new Undefined(f.word(), f.pc());
        }
        return new Constant(f.u('d'), expandImmediate(f.u('i'), f.u('t') == SINGLE), 0);
    }

    /** VFPExpandImm: sign, 3-bit exponent, 4-bit fraction. */
    static long expandImmediate(int imm8, boolean single) {
        long sign = (imm8 >>> 7) & 1;
        long b6 = (imm8 >>> 6) & 1;
        long rest = imm8 & 0x3F;
        if (single) {
            long exp = ((b6 ^ 1) << 7) | (b6 == 1 ? 0x7C : 0) | (rest >>> 4);
            return (sign << 31) | (exp << 23) | ((rest & 0xF) << 19);
        }
        long exp = ((b6 ^ 1) << 10) | (b6 == 1 ? 0x3FC : 0) | (rest >>> 4);
        return (sign << 63) | (exp << 52) | ((rest & 0xF) << 48);
    }

    private static Insn integer(Fields f) {
        boolean sf = f.is('s');
        int type = f.u('t');
        int rmode = f.u('r');
        int op = f.u('o');
        int rd = f.u('d');
        int rn = f.u('n');
        if (op >= 6) {
            // FMOV between registers: same width (W<->S, X<->D) or X<->V.D[1].
            boolean top = type == 2 && rmode == 1 && sf;
            boolean plain = rmode == 0 && ((type == SINGLE && !sf) || (type == DOUBLE && sf));
            if (!top && !plain) {
                return new Undefined(f.word(), f.pc());
            }
            return op == 7 ? new MoveToVector(rd, rn, top, type == SINGLE) : new MoveToGeneral(Regs.dzr(rd), rn, top, type == SINGLE);
        }
        if (!typeOk(f)) {
            return new Undefined(f.word(), f.pc());
        }
        boolean single = type == SINGLE;
        if (op == 2 || op == 3) {
            if (rmode != 0) {
                return new Undefined(f.word(), f.pc());
            }
            return new FromInteger(single, sf, op == 3, rd, rn, 0);
        }
        int mode;
        if (op <= 1) {
            mode = new int[] {FpMath.RN, FpMath.RP, FpMath.RM, FpMath.RZ}[rmode];
        } else if (rmode == 0) {
            mode = FpMath.RA;
        } else {
            return new Undefined(f.word(), f.pc());
        }
        return new ToInteger(single, sf, (op & 1) == 1, mode, Regs.dzr(rd), rn, 0);
    }

    /** SCVTF, UCVTF, FCVTZS, FCVTZU with {@code 64 - scale} fraction bits. */
    private static Insn fixedPoint(Fields f) {
        boolean sf = f.is('s');
        int mode = f.u('r') << 3 | f.u('o');
        int fbits = 64 - f.u('k');
        boolean toFp = mode == 2 || mode == 3;
        boolean toInt = mode == 0b11000 || mode == 0b11001;
        if (!typeOk(f) || (!toFp && !toInt) || (!sf && fbits > 32)) {
            return new Undefined(f.word(), f.pc());
        }
        boolean single = f.u('t') == SINGLE;
        if (toFp) {
            return new FromInteger(single, sf, mode == 3, f.u('d'), f.u('n'), fbits);
        }
        return new ToInteger(single, sf, mode == 0b11001, FpMath.RZ, Regs.dzr(f.u('d')), f.u('n'), fbits);
    }

    /** Reads the low 32 or 64 bits of V[n]. */
    static long read(Arm64Cpu c, int n, boolean single) {
        long v = c.vr[2 * n];
        return single ? v & 0xFFFFFFFFL : v;
    }

    /** Writes a scalar, clearing the rest of V[d]. */
    static void write(Arm64Cpu c, int d, long bits) {
        c.vr[2 * d] = bits;
        c.vr[2 * d + 1] = 0;
    }

    static final class OneSource extends Insn {
        private final int op;
        private final boolean single;
        private final int rd;
        private final int rn;

        OneSource(int op, boolean single, int rd, int rn) {
            this.op = op;
            this.single = single;
            this.rd = rd;
            this.rn = rn;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = read(c, rn, single);
            long r = switch (op) {
                case 0 -> a;
                case 1 -> FpMath.abs(a, single);
                case 2 -> FpMath.negate(a, single);
                case 3 -> FpMath.sqrt(a, single);
                case 4 -> FpMath.doubleToSingle(a);
                case 5 -> FpMath.singleToDouble(a);
                case 8 -> FpMath.roundToIntegral(a, FpMath.RN, single);
                case 9 -> FpMath.roundToIntegral(a, FpMath.RP, single);
                case 10 -> FpMath.roundToIntegral(a, FpMath.RM, single);
                case 11 -> FpMath.roundToIntegral(a, FpMath.RZ, single);
                case 12 -> FpMath.roundToIntegral(a, FpMath.RA, single);
                default -> FpMath.roundToIntegral(a, FpMath.RN, single);
            };
            write(c, rd, r);
            return true;
        }
    }

    static final class TwoSource extends Insn {
        private final int op;
        private final boolean single;
        private final int rd;
        private final int rn;
        private final int rm;

        TwoSource(int op, boolean single, int rd, int rn, int rm) {
            this.op = op;
            this.single = single;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            write(c, rd, FpMath.binary(op, read(c, rn, single), read(c, rm, single), single));
            return true;
        }
    }

    /** FMADD, FMSUB, FNMADD, FNMSUB: {@code (-)a + (-)n*m}, rounded once. */
    static final class MultiplyAdd extends Insn {
        private final boolean single;
        private final boolean negateAddend;
        private final boolean negateProduct;
        private final int rd;
        private final int rn;
        private final int rm;
        private final int ra;

        MultiplyAdd(boolean single, boolean o1, boolean o0, int rd, int rn, int rm, int ra) {
            this.single = single;
            this.negateAddend = o1;
            this.negateProduct = o0 != o1;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.ra = ra;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = read(c, ra, single);
            long n = read(c, rn, single);
            if (negateAddend) {
                a = FpMath.negate(a, single);
            }
            if (negateProduct) {
                n = FpMath.negate(n, single);
            }
            write(c, rd, FpMath.fma(a, n, read(c, rm, single), single));
            return true;
        }
    }

    /** FCMP/FCMPE (cond = -1), FCCMP/FCCMPE (flags from {@code nzcv} when the condition fails). */
    static final class Compare extends Insn {
        private final boolean single;
        private final int rn;
        private final int rm;
        private final boolean withZero;
        private final int cond;
        private final int nzcv;

        Compare(boolean single, int rn, int rm, boolean withZero, int cond, int nzcv) {
            this.single = single;
            this.rn = rn;
            this.rm = rm;
            this.withZero = withZero;
            this.cond = cond;
            this.nzcv = nzcv;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (cond >= 0 && !Cond.holds(c, cond)) {
                c.setNzcv((long) nzcv << 28);
                return true;
            }
            long b = withZero ? 0 : read(c, rm, single);
            c.setNzcv(FpMath.compare(read(c, rn, single), b, single));
            return true;
        }
    }

    static final class Select extends Insn {
        private final boolean single;
        private final int rd;
        private final int rn;
        private final int rm;
        private final int cond;

        Select(boolean single, int rd, int rn, int rm, int cond) {
            this.single = single;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.cond = cond;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            write(c, rd, read(c, Cond.holds(c, cond) ? rn : rm, single));
            return true;
        }
    }

    /** A V register set to a constant (FMOV immediate, MOVI and friends). */
    static final class Constant extends Insn {
        private final int rd;
        private final long lo;
        private final long hi;

        Constant(int rd, long lo, long hi) {
            this.rd = rd;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.vr[2 * rd] = lo;
            c.vr[2 * rd + 1] = hi;
            return true;
        }
    }

    /** SCVTF/UCVTF, scaled down by {@code fbits} fraction bits (exact after the one rounding). */
    static final class FromInteger extends Insn {
        private final boolean single;
        private final boolean sf;
        private final boolean unsigned;
        private final int rd;
        private final int rn;
        private final int fbits;

        FromInteger(boolean single, boolean sf, boolean unsigned, int rd, int rn, int fbits) {
            this.single = single;
            this.sf = sf;
            this.unsigned = unsigned;
            this.rd = rd;
            this.rn = rn;
            this.fbits = fbits;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long v = c.x[rn];
            if (!sf) {
                v = unsigned ? v & Regs.M32 : (int) v;
            }
            long r = FpMath.fromInteger(v, unsigned && sf, single);
            if (fbits != 0) {
                r = single ? FpMath.bits(Math.scalb(FpMath.f(r), -fbits)) : FpMath.bits(Math.scalb(FpMath.d(r), -fbits));
            }
            write(c, rd, r);
            return true;
        }
    }

    /** FCVT[NPMZA][SU], scaled up by {@code fbits} fraction bits first (exact: a power of two). */
    static final class ToInteger extends Insn {
        private final boolean single;
        private final boolean sf;
        private final boolean unsigned;
        private final int mode;
        private final int rd;
        private final int rn;
        private final int fbits;

        ToInteger(boolean single, boolean sf, boolean unsigned, int mode, int rd, int rn, int fbits) {
            this.single = single;
            this.sf = sf;
            this.unsigned = unsigned;
            this.mode = mode;
            this.rd = rd;
            this.rn = rn;
            this.fbits = fbits;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = read(c, rn, single);
            if (fbits != 0 && !FpMath.isNaN(a, single)) {
                // Scaling in double is exact for singles too, and keeps the conversion's one rounding.
                a = FpMath.bits(Math.scalb(single ? FpMath.f(a) : FpMath.d(a), fbits));
                c.x[rd] = FpMath.toInteger(a, false, mode, unsigned, sf);
                return true;
            }
            c.x[rd] = FpMath.toInteger(a, single, mode, unsigned, sf);
            return true;
        }
    }

    static final class MoveToGeneral extends Insn {
        private final int rd;
        private final int rn;
        private final boolean top;
        private final boolean single;

        MoveToGeneral(int rd, int rn, boolean top, boolean single) {
            this.rd = rd;
            this.rn = rn;
            this.top = top;
            this.single = single;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = top ? c.vr[2 * rn + 1] : read(c, rn, single);
            return true;
        }
    }

    static final class MoveToVector extends Insn {
        private final int rd;
        private final int rn;
        private final boolean top;
        private final boolean single;

        MoveToVector(int rd, int rn, boolean top, boolean single) {
            this.rd = rd;
            this.rn = rn;
            this.top = top;
            this.single = single;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long v = c.x[rn];
            if (top) {
                c.vr[2 * rd + 1] = v;
            } else {
                write(c, rd, single ? v & Regs.M32 : v);
            }
            return true;
        }
    }
}
