package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/**
 * Advanced SIMD data movement: DUP/INS/UMOV/SMOV, MOVI/MVNI/ORR/BIC/FMOV
 * immediates, shifts by immediate (including the narrowing and long forms),
 * UZP/TRN/ZIP, EXT and TBL/TBX.
 */
final class SimdMove {
    private SimdMove() {
    }

    static void register(DecodeTable t) {
        t.add("SIMD modified immediate", "0 Q o 0111100000 aaa mmmm q 1 hhhhh ddddd", SimdMove::modifiedImmediate);
        t.add("SIMD copy", "0 Q o 01110000 iiiii 0 kkkk 1 nnnnn ddddd", SimdMove::copy);
        t.add("SIMD scalar copy", "01 0 11110000 iiiii 0 0000 1 nnnnn ddddd", SimdMove::scalarCopy);
        t.add("SIMD shift by immediate", "0 Q U 011110 hhhh bbb ooooo 1 nnnnn ddddd", f -> shift(f, false));
        t.add("SIMD scalar shift by immediate", "01 U 111110 hhhh bbb ooooo 1 nnnnn ddddd", f -> shift(f, true));
        t.add("SIMD permute", "0 Q 001110 zz 0 mmmmm 0 ooo 10 nnnnn ddddd", SimdMove::permute);
        t.add("SIMD extract", "0 Q 101110 00 0 mmmmm 0 iiii 0 nnnnn ddddd", f -> !f.is('Q') && f.u('i') >= 8
                ? new Undefined(f.word(), f.pc()) : new Extract(f.is('Q'), f.u('i'), f.u('d'), f.u('n'), f.u('m')));
        t.add("SIMD table lookup", "0 Q 001110 000 mmmmm 0 ll o 00 nnnnn ddddd",
                f -> new Table(f.is('Q'), f.u('l') + 1, f.is('o'), f.u('d'), f.u('n'), f.u('m')));
    }

    private static long replicate(long value, int esize) {
        long r = 0;
        for (int i = 0; i < 64; i += esize) {
            r |= (value & Lanes.mask(esize)) << i;
        }
        return r;
    }

    // ---- immediates ----

    private static Insn modifiedImmediate(Fields f) {
        int cmode = f.u('m');
        boolean op = f.is('o');
        boolean q = f.is('Q');
        long imm8 = f.u('a') << 5 | f.u('h');
        if (f.is('q')) {
            return new Undefined(f.word(), f.pc());
        }
        long imm;
        boolean orr = false;
        boolean bic = false;
        boolean invert = op;
        if (cmode < 8) {
            imm = replicate(imm8 << (8 * (cmode >>> 1)), 32);
            orr = (cmode & 1) == 1;
        } else if (cmode < 12) {
            imm = replicate(imm8 << (8 * ((cmode >>> 1) & 1)), 16);
            orr = (cmode & 1) == 1;
        } else if (cmode < 14) {
            long ones = cmode == 12 ? 0xFF : 0xFFFF;
            imm = replicate((imm8 << (cmode == 12 ? 8 : 16)) | ones, 32);
        } else if (cmode == 14) {
            invert = false;
            if (op) {
                imm = 0;
                for (int i = 0; i < 8; i++) {
                    imm |= ((imm8 >>> i) & 1) != 0 ? 0xFFL << (8 * i) : 0;
                }
            } else {
                imm = replicate(imm8, 8);
            }
        } else {
            if (op && !q) {
                return new Undefined(f.word(), f.pc());
            }
            invert = false;
            imm = op ? FpScalar.expandImmediate((int) imm8, false)
                    : replicate(FpScalar.expandImmediate((int) imm8, true), 32);
        }
        if (orr) {
            bic = op;
            return new OrImmediate(bic ? ~imm : imm, bic, q, f.u('d'));
        }
        long value = invert ? ~imm : imm;
        return new FpScalar.Constant(f.u('d'), value, q ? value : 0);
    }

    /** ORR (bitwise OR) or BIC (AND with the inverted immediate, passed already inverted). */
    static final class OrImmediate extends Insn {
        private final long imm;
        private final boolean and;
        private final boolean q;
        private final int rd;

        OrImmediate(long imm, boolean and, boolean q, int rd) {
            this.imm = imm;
            this.and = and;
            this.q = q;
            this.rd = rd;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long lo = c.vr[2 * rd];
            long hi = c.vr[2 * rd + 1];
            c.vr[2 * rd] = and ? lo & imm : lo | imm;
            c.vr[2 * rd + 1] = q ? (and ? hi & imm : hi | imm) : 0;
            return true;
        }
    }

    // ---- element copies ----

    private static Insn copy(Fields f) {
        int imm5 = f.u('i');
        int imm4 = f.u('k');
        boolean q = f.is('Q');
        int tz = Integer.numberOfTrailingZeros(imm5);
        if (tz > 3) {
            return new Undefined(f.word(), f.pc());
        }
        int esize = 8 << tz;
        int index = imm5 >>> (tz + 1);
        int rd = f.u('d');
        int rn = f.u('n');
        if (f.is('o')) {
            return q ? new Insert(esize, index, rd, rn, imm4 >>> tz, false) : new Undefined(f.word(), f.pc());
        }
        return switch (imm4) {
            case 0b0000 -> esize == 64 && !q ? new Undefined(f.word(), f.pc())
                    : new Duplicate(esize, q, rd, rn, index, false);
            case 0b0001 -> esize == 64 && !q ? new Undefined(f.word(), f.pc())
                    : new Duplicate(esize, q, rd, rn, 0, true);
            case 0b0011 -> q ? new Insert(esize, index, rd, rn, 0, true) : new Undefined(f.word(), f.pc());
            case 0b0101 -> esize == 64 || (esize == 32 && !q) ? new Undefined(f.word(), f.pc())
                    : new MoveToGeneral(esize, index, Regs.dzr(rd), rn, true, q);
            case 0b0111 -> (esize == 64) != q ? new Undefined(f.word(), f.pc())
                    : new MoveToGeneral(esize, index, Regs.dzr(rd), rn, false, q);
            default -> new Undefined(f.word(), f.pc());
        };
    }

    private static Insn scalarCopy(Fields f) {
        int imm5 = f.u('i');
        int tz = Integer.numberOfTrailingZeros(imm5);
        if (tz > 3) {
            return new Undefined(f.word(), f.pc());
        }
        return new Duplicate(8 << tz, false, f.u('d'), f.u('n'), imm5 >>> (tz + 1), false, true);
    }

    /** DUP from an element or a general register; the scalar form copies one element. */
    static final class Duplicate extends Insn {
        private final int esize;
        private final boolean q;
        private final int rd;
        private final int rn;
        private final int index;
        private final boolean general;
        private final boolean scalar;

        Duplicate(int esize, boolean q, int rd, int rn, int index, boolean general) {
            this(esize, q, rd, rn, index, general, false);
        }

        Duplicate(int esize, boolean q, int rd, int rn, int index, boolean general, boolean scalar) {
            this.esize = esize;
            this.q = q;
            this.rd = rd;
            this.rn = rn;
            this.index = index;
            this.general = general;
            this.scalar = scalar;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long v = general ? c.x[rn] & Lanes.mask(esize) : Lanes.get(c, rn, esize, index);
            if (scalar) {
                FpScalar.write(c, rd, v);
                return true;
            }
            long r = replicate(v, esize);
            c.vr[2 * rd] = r;
            c.vr[2 * rd + 1] = q ? r : 0;
            return true;
        }
    }

    /** INS: one element from a general register or another element; the rest of Vd is kept. */
    static final class Insert extends Insn {
        private final int esize;
        private final int index;
        private final int rd;
        private final int rn;
        private final int srcIndex;
        private final boolean general;

        Insert(int esize, int index, int rd, int rn, int srcIndex, boolean general) {
            this.esize = esize;
            this.index = index;
            this.rd = rd;
            this.rn = rn;
            this.srcIndex = srcIndex;
            this.general = general;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long v = general ? c.x[rn] : Lanes.get(c, rn, esize, srcIndex);
            Lanes.set(c, rd, esize, index, v);
            return true;
        }
    }

    /** UMOV and SMOV: an element to a general register, zero- or sign-extended to 32 or 64 bits. */
    static final class MoveToGeneral extends Insn {
        private final int esize;
        private final int index;
        private final int rd;
        private final int rn;
        private final boolean signed;
        private final boolean to64;

        MoveToGeneral(int esize, int index, int rd, int rn, boolean signed, boolean to64) {
            this.esize = esize;
            this.index = index;
            this.rd = rd;
            this.rn = rn;
            this.signed = signed;
            this.to64 = to64;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long v = signed ? Lanes.getSigned(c, rn, esize, index) : Lanes.get(c, rn, esize, index);
            c.x[rd] = to64 ? v : v & Regs.M32;
            return true;
        }
    }

    // ---- shifts by immediate ----

    private static Insn shift(Fields f, boolean scalar) {
        int immh = f.u('h');
        if (immh == 0) {
            return new Undefined(f.word(), f.pc());
        }
        int hsb = 31 - Integer.numberOfLeadingZeros(immh);
        int esize = 8 << hsb;
        int immhb = immh << 3 | f.u('b');
        int op = f.u('o');
        boolean u = f.is('U');
        boolean q = !scalar && f.is('Q');
        int key = (u ? 0x20 : 0) | op;
        int kind = switch (key) {
            case 0x00, 0x20 -> ShiftImmediate.SHR;
            case 0x02, 0x22 -> ShiftImmediate.SRA;
            case 0x04, 0x24 -> ShiftImmediate.RSHR;
            case 0x06, 0x26 -> ShiftImmediate.RSRA;
            case 0x28 -> ShiftImmediate.SRI;
            case 0x0A -> ShiftImmediate.SHL;
            case 0x2A -> ShiftImmediate.SLI;
            case 0x0E, 0x2E, 0x2C -> ShiftImmediate.QSHL;
            case 0x10, 0x11, 0x12, 0x13, 0x30, 0x31, 0x32, 0x33 -> ShiftImmediate.SHRN;
            case 0x14, 0x34 -> ShiftImmediate.SHLL;
            default -> -1;
        };
        boolean narrowOrLong = kind == ShiftImmediate.SHRN || kind == ShiftImmediate.SHLL;
        boolean scalarOk = kind == ShiftImmediate.QSHL || (kind == ShiftImmediate.SHRN && key != 0x10 && key != 0x11)
                || (esize == 64 && !narrowOrLong);
        if (kind < 0 || (scalar && !scalarOk) || (narrowOrLong && esize == 64)
                || (!scalar && !narrowOrLong && esize == 64 && !q)) {
            return new Undefined(f.word(), f.pc());
        }
        boolean left = kind == ShiftImmediate.SHL || kind == ShiftImmediate.SLI || kind == ShiftImmediate.SHLL
                || kind == ShiftImmediate.QSHL;
        int amount = left ? immhb - esize : 2 * esize - immhb;
        int elements = scalar ? 1 : (q ? 128 : 64) / esize;
        if (narrowOrLong && !scalar) {
            elements = 64 / esize;
        }
        return new ShiftImmediate(kind, key, u, esize, amount, elements, q, scalar, f.u('d'), f.u('n'));
    }

    static final class ShiftImmediate extends VectorInsn {
        static final int SHR = 0;
        static final int SRA = 1;
        static final int RSHR = 2;
        static final int RSRA = 3;
        static final int SRI = 4;
        static final int SHL = 5;
        static final int SLI = 6;
        /** SHRN, RSHRN and the saturating narrows SQ(R)SHRN, UQ(R)SHRN, SQ(R)SHRUN, told apart by key. */
        static final int SHRN = 7;
        static final int SHLL = 9;
        /** SQSHL, UQSHL, SQSHLU (immediate). */
        static final int QSHL = 10;

        private final int kind;
        private final int key;
        private final boolean u;
        private final int amount;
        private final boolean scalar;

        ShiftImmediate(int kind, int key, boolean u, int esize, int amount, int elements, boolean q, boolean scalar,
                int rd, int rn) {
            super(esize, elements, q, rd, rn, rn);
            this.kind = kind;
            this.key = key;
            this.u = u;
            this.amount = amount;
            this.scalar = scalar;
        }

        /** A narrowed result: truncated (SHRN, RSHRN) or saturated to the destination's range. */
        private long narrowed(Arm64Cpu c, long r) {
            return switch (key) {
                case 0x12, 0x13 -> Saturate.signed(c, r, esize);
                case 0x30, 0x31, 0x32, 0x33 -> Saturate.unsigned(c, r, esize);
                default -> r;
            };
        }

        /** SQSHL, UQSHL, SQSHLU (immediate): negative inputs of SQSHLU saturate to zero. */
        private long saturatingLeft(Arm64Cpu c, long a) {
            if (key == 0x2C) {
                if (a < 0) {
                    c.fpsr |= Saturate.QC;
                    return 0;
                }
                return Saturate.unsignedLeft(c, a, amount, esize);
            }
            return u ? Saturate.unsignedLeft(c, a, amount, esize) : Saturate.signedLeft(c, a, amount, esize);
        }

        /** Right shift of an extended element by 1..esize, optionally rounding; exact for 64-bit elements. */
        private long shiftRight(long a, boolean round) {
            long r = amount >= 64 ? (u ? 0 : a >> 63) : (u ? a >>> amount : a >> amount);
            if (round && ((a >>> (amount - 1)) & 1) != 0) {
                r += 1;
            }
            return r;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            clear();
            if (kind == SHRN) {
                int offset = q ? elements : 0;
                if (q) {
                    out[0] = c.vr[2 * rd];
                }
                boolean signedSource = key == 0x12 || key == 0x13 || key == 0x30 || key == 0x31;
                for (int i = 0; i < elements; i++) {
                    long a = signedSource ? Lanes.getSigned(c, rn, 2 * esize, i) : Lanes.get(c, rn, 2 * esize, i);
                    long r = Saturate.shiftRight(a, amount, !signedSource, (key & 1) == 1);
                    Lanes.put(out, esize, i + offset, narrowed(c, r));
                }
                Lanes.store(c, rd, out, q);
                return true;
            }
            if (kind == SHLL) {
                int offset = q ? elements : 0;
                for (int i = 0; i < elements; i++) {
                    long a = u ? Lanes.get(c, rn, esize, i + offset) : Lanes.getSigned(c, rn, esize, i + offset);
                    Lanes.put(out, 2 * esize, i, a << amount);
                }
                Lanes.store(c, rd, out, true);
                return true;
            }
            long mask = Lanes.mask(esize);
            for (int i = 0; i < elements; i++) {
                // SQSHLU has U set but reads signed elements.
                long a = u && key != 0x2C ? Lanes.get(c, rn, esize, i) : Lanes.getSigned(c, rn, esize, i);
                long d = Lanes.get(c, rd, esize, i);
                long r = switch (kind) {
                    case SHR -> shiftRight(a, false);
                    case SRA -> d + shiftRight(a, false);
                    case RSHR -> shiftRight(a, true);
                    case RSRA -> d + shiftRight(a, true);
                    case SRI -> {
                        long keep = amount >= 64 ? mask : ~(mask >>> amount) & mask;
                        yield (d & keep) | (amount >= 64 ? 0 : (a & mask) >>> amount);
                    }
                    case SHL -> a << amount;
                    case QSHL -> saturatingLeft(c, a);
                    default -> (d & ((1L << amount) - 1)) | (a << amount);
                };
                Lanes.put(out, esize, i, r);
            }
            Lanes.store(c, rd, out, q && !scalar);
            return true;
        }
    }

    // ---- permutes ----

    private static Insn permute(Fields f) {
        int op = f.u('o');
        boolean q = f.is('Q');
        int esize = 8 << f.u('z');
        if (op == 0 || op == 4 || (esize == 64 && !q)) {
            return new Undefined(f.word(), f.pc());
        }
        return new Permute(op, q, esize, f.u('d'), f.u('n'), f.u('m'));
    }

    /** UZP1/2, TRN1/2, ZIP1/2. */
    static final class Permute extends VectorInsn {
        private final int op;

        Permute(int op, boolean q, int esize, int rd, int rn, int rm) {
            super(esize, (q ? 128 : 64) / esize, q, rd, rn, rm);
            this.op = op;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            int n = (q ? 128 : 64) / esize;
            int second = op >>> 2;
            clear();
            for (int i = 0; i < n; i++) {
                int reg;
                int idx;
                switch (op & 3) {
                    case 1 -> {
                        int j = 2 * i + second;
                        reg = j < n ? rn : rm;
                        idx = j % n;
                    }
                    case 2 -> {
                        reg = (i & 1) == 0 ? rn : rm;
                        idx = (i & ~1) + second;
                    }
                    default -> {
                        reg = (i & 1) == 0 ? rn : rm;
                        idx = i / 2 + second * n / 2;
                    }
                }
                Lanes.put(out, esize, i, Lanes.get(c, reg, esize, idx));
            }
            Lanes.store(c, rd, out, q);
            return true;
        }
    }

    static final class Extract extends VectorInsn {
        private final int position;

        Extract(boolean q, int position, int rd, int rn, int rm) {
            super(8, q ? 16 : 8, q, rd, rn, rm);
            this.position = position;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            int bytes = q ? 16 : 8;
            clear();
            for (int i = 0; i < bytes; i++) {
                int j = i + position;
                long b = j < bytes ? Lanes.get(c, rn, 8, j) : Lanes.get(c, rm, 8, j - bytes);
                Lanes.put(out, 8, i, b);
            }
            Lanes.store(c, rd, out, q);
            return true;
        }
    }

    /** TBL (out-of-range indices give 0) and TBX (they keep the destination byte). */
    static final class Table extends VectorInsn {
        private final int registers;
        private final boolean extension;

        Table(boolean q, int registers, boolean extension, int rd, int rn, int rm) {
            super(8, q ? 16 : 8, q, rd, rn, rm);
            this.registers = registers;
            this.extension = extension;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            int bytes = q ? 16 : 8;
            clear();
            for (int i = 0; i < bytes; i++) {
                int index = (int) Lanes.get(c, rm, 8, i);
                long b;
                if (index < 16 * registers) {
                    b = Lanes.get(c, (rn + index / 16) & 31, 8, index % 16);
                } else {
                    b = extension ? Lanes.get(c, rd, 8, i) : 0;
                }
                Lanes.put(out, 8, i, b);
            }
            Lanes.store(c, rd, out, q);
            return true;
        }
    }
}
