package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** Three-source data processing: MADD/MSUB, SMADDL/SMSUBL, UMADDL/UMSUBL, SMULH, UMULH. */
final class DataProcessing3 {
    private DataProcessing3() {
    }

    static void register(DecodeTable t) {
        t.add("data-processing (3 source)", "s 00 11011 ppp mmmmm q aaaaa nnnnn ddddd", DataProcessing3::decode);
    }

    private static Insn decode(Fields f) {
        int p = f.u('p');
        boolean sf = f.is('s');
        boolean sub = f.is('q');
        int rd = Regs.dzr(f.u('d'));
        int rn = f.u('n');
        int rm = f.u('m');
        int ra = f.u('a');
        if (p == 0) {
            return new MultiplyAdd(sf, sub, rd, rn, rm, ra);
        }
        if (sf && (p == 1 || p == 5)) {
            return new MultiplyAddLong(p == 1, sub, rd, rn, rm, ra);
        }
        // Ra of SMULH/UMULH should be all ones; like hardware, ignore it.
        if (sf && !sub && (p == 2 || p == 6)) {
            return new MultiplyHigh(p == 2, rd, rn, rm);
        }
        return new Undefined(f.word(), f.pc());
    }

    static final class MultiplyAdd extends Insn {
        private final boolean sf;
        private final boolean sub;
        private final int rd;
        private final int rn;
        private final int rm;
        private final int ra;

        MultiplyAdd(boolean sf, boolean sub, int rd, int rn, int rm, int ra) {
            this.sf = sf;
            this.sub = sub;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.ra = ra;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long p = c.x[rn] * c.x[rm];
            long r = sub ? c.x[ra] - p : c.x[ra] + p;
            c.x[rd] = sf ? r : r & Regs.M32;
            return true;
        }
    }

    static final class MultiplyAddLong extends Insn {
        private final boolean signed;
        private final boolean sub;
        private final int rd;
        private final int rn;
        private final int rm;
        private final int ra;

        MultiplyAddLong(boolean signed, boolean sub, int rd, int rn, int rm, int ra) {
            this.signed = signed;
            this.sub = sub;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.ra = ra;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = signed ? (int) c.x[rn] : c.x[rn] & Regs.M32;
            long b = signed ? (int) c.x[rm] : c.x[rm] & Regs.M32;
            c.x[rd] = sub ? c.x[ra] - a * b : c.x[ra] + a * b;
            return true;
        }
    }

    static final class MultiplyHigh extends Insn {
        private final boolean signed;
        private final int rd;
        private final int rn;
        private final int rm;

        MultiplyHigh(boolean signed, int rd, int rn, int rm) {
            this.signed = signed;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            long b = c.x[rm];
            c.x[rd] = signed ? Math.multiplyHigh(a, b) : unsignedMultiplyHigh(a, b);
            return true;
        }

        private static long unsignedMultiplyHigh(long a, long b) {
            return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        }
    }
}
