package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/**
 * Advanced SIMD "by element": MUL, MLA, MLS, SMULL/UMULL, SMLAL/UMLAL,
 * SMLSL/UMLSL (and the 2 forms) with one element of Vm; SQDMULH, SQRDMULH,
 * SQDMULL, SQDMLAL, SQDMLSL and FMUL, FMULX, FMLA, FMLS, vector and scalar.
 */
final class SimdIndexed {
    private static final int MUL = 0;
    private static final int MLA = 1;
    private static final int MLS = 2;
    private static final int MULL = 3;
    private static final int MLAL = 4;
    private static final int MLSL = 5;
    private static final int FMUL = 6;
    private static final int FMLA = 7;
    private static final int FMLS = 8;
    private static final int QDMULH = 9;
    private static final int QRDMULH = 10;
    private static final int QDMULL = 11;
    private static final int QDMLAL = 12;
    private static final int QDMLSL = 13;
    private static final int FMULX = 14;

    private SimdIndexed() {
    }

    static void register(DecodeTable t) {
        t.add("SIMD by element", "0 Q U 01111 zz L M mmmm oooo H 0 nnnnn ddddd", f -> decode(f, false));
        t.add("SIMD scalar by element", "01 U 11111 zz L M mmmm oooo H 0 nnnnn ddddd", f -> decode(f, true));
    }

    private static Insn decode(Fields f, boolean scalar) {
        int key = (f.is('U') ? 16 : 0) | f.u('o');
        int size = f.u('z');
        int op = switch (key) {
            case 0b01000 -> MUL;
            case 0b10000 -> MLA;
            case 0b10100 -> MLS;
            case 0b01010, 0b11010 -> MULL;
            case 0b00010, 0b10010 -> MLAL;
            case 0b00110, 0b10110 -> MLSL;
            case 0b01001 -> FMUL;
            case 0b00001 -> FMLA;
            case 0b00101 -> FMLS;
            case 0b01100 -> QDMULH;
            case 0b01101 -> QRDMULH;
            case 0b01011 -> QDMULL;
            case 0b00011 -> QDMLAL;
            case 0b00111 -> QDMLSL;
            case 0b11001 -> FMULX;
            default -> -1;
        };
        boolean saturating = op >= QDMULH && op <= QDMLSL;
        boolean lengthening = (op >= MULL && op <= MLSL) || (op >= QDMULL && op <= QDMLSL);
        boolean fp = op == FMUL || op == FMLA || op == FMLS || op == FMULX;
        boolean q = !scalar && f.is('Q');
        int h = f.u('H');
        int l = f.u('L');
        int m = f.u('M');
        int esize;
        int index;
        int rm;
        if (fp) {
            esize = (size & 1) == 0 ? 32 : 64;
            index = esize == 32 ? h << 1 | l : h;
            rm = m << 4 | f.u('m');
            if ((size & 2) == 0 || (esize == 64 && (l == 1 || (!q && !scalar)))) {
                op = -1;
            }
        } else {
            esize = 8 << size;
            index = esize == 16 ? h << 2 | l << 1 | m : h << 1 | l;
            rm = esize == 16 ? f.u('m') : m << 4 | f.u('m');
            if ((scalar && !saturating) || (esize != 16 && esize != 32)) {
                op = -1;
            }
        }
        if (op < 0) {
            return new Undefined(f.word(), f.pc());
        }
        int elements = scalar ? 1 : lengthening ? 64 / esize : (q ? 128 : 64) / esize;
        return new ByElement(op, f.is('U'), esize, elements, q, f.u('d'), f.u('n'), rm, index);
    }

    static final class ByElement extends VectorInsn {
        private final int op;
        private final boolean u;
        private final int index;

        ByElement(int op, boolean u, int esize, int elements, boolean q, int rd, int rn, int rm, int index) {
            super(esize, elements, q, rd, rn, rm);
            this.op = op;
            this.u = u;
            this.index = index;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            clear();
            boolean single = esize == 32;
            if (op >= QDMULH && op <= QDMLSL) {
                saturating(c);
                return true;
            }
            if (op >= FMUL) {
                long b = Lanes.get(c, rm, esize, index);
                for (int i = 0; i < elements; i++) {
                    long a = Lanes.get(c, rn, esize, i);
                    long d = Lanes.get(c, rd, esize, i);
                    long r = switch (op) {
                        case FMUL -> FpMath.binary(FpMath.MUL, a, b, single);
                        case FMULX -> FpEstimate.mulx(a, b, single);
                        case FMLA -> FpMath.fma(d, a, b, single);
                        default -> FpMath.fma(d, FpMath.negate(a, single), b, single);
                    };
                    Lanes.put(out, esize, i, r);
                }
                Lanes.store(c, rd, out, q);
                return true;
            }
            if (op >= MULL) {
                long b = u ? Lanes.get(c, rm, esize, index) : Lanes.getSigned(c, rm, esize, index);
                int offset = q ? elements : 0;
                for (int i = 0; i < elements; i++) {
                    long a = u ? Lanes.get(c, rn, esize, i + offset) : Lanes.getSigned(c, rn, esize, i + offset);
                    long d = Lanes.get(c, rd, 2 * esize, i);
                    long r = op == MULL ? a * b : op == MLAL ? d + a * b : d - a * b;
                    Lanes.put(out, 2 * esize, i, r);
                }
                Lanes.store(c, rd, out, true);
                return true;
            }
            long b = Lanes.get(c, rm, esize, index);
            for (int i = 0; i < elements; i++) {
                long p = Lanes.get(c, rn, esize, i) * b;
                long d = Lanes.get(c, rd, esize, i);
                Lanes.put(out, esize, i, op == MUL ? p : op == MLA ? d + p : d - p);
            }
            Lanes.store(c, rd, out, q);
            return true;
        }

        /** The saturating doubling forms on signed elements; the long ones take Q's half of Vn. */
        private void saturating(Arm64Cpu c) {
            long b = Lanes.getSigned(c, rm, esize, index);
            boolean lengthening = op >= QDMULL;
            int offset = lengthening && q ? elements : 0;
            for (int i = 0; i < elements; i++) {
                long a = Lanes.getSigned(c, rn, esize, i + offset);
                if (!lengthening) {
                    Lanes.put(out, esize, i, Saturate.doublingMultiplyHigh(c, a, b, esize, op == QRDMULH));
                    continue;
                }
                long p = Saturate.doublingMultiplyLong(c, a, b, esize);
                long d = Lanes.getSigned(c, rd, 2 * esize, i);
                long r = switch (op) {
                    case QDMLAL -> Saturate.add(c, d, p, 2 * esize, false);
                    case QDMLSL -> Saturate.sub(c, d, p, 2 * esize, false);
                    default -> p;
                };
                Lanes.put(out, 2 * esize, i, r);
            }
            Lanes.store(c, rd, out, lengthening || q);
        }
    }
}
