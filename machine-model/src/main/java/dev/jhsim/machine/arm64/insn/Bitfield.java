package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** SBFM, BFM, UBFM (and their shift, extend, insert and extract aliases) and EXTR. */
final class Bitfield {
    private static final int SIGNED = 0;
    private static final int INSERT = 1;

    private Bitfield() {
    }

    static void register(DecodeTable t) {
        t.add("bitfield", "soo 100110 N rrrrrr kkkkkk nnnnn ddddd", Bitfield::bitfield);
        t.add("EXTR", "s00 100111 N 0 mmmmm kkkkkk nnnnn ddddd", Bitfield::extract);
    }

    private static Insn bitfield(Fields f) {
        boolean sf = f.is('s');
        int immr = f.u('r');
        int imms = f.u('k');
        if (f.u('o') == 3 || sf != f.is('N') || (!sf && (immr >= 32 || imms >= 32))) {
            return new Undefined(f.word(), f.pc());
        }
        return new Move(f.u('o'), sf ? 64 : 32, Regs.dzr(f.u('d')), f.u('n'), immr, imms);
    }

    private static Insn extract(Fields f) {
        boolean sf = f.is('s');
        if (sf != f.is('N') || (!sf && f.u('k') >= 32)) {
            return new Undefined(f.word(), f.pc());
        }
        return new Extract(sf, Regs.dzr(f.u('d')), f.u('n'), f.u('m'), f.u('k'));
    }

    private static long ones(int count) {
        return count >= 64 ? -1L : (1L << count) - 1;
    }

    static final class Move extends Insn {
        private final int op;
        private final int size;
        private final int rd;
        private final int rn;
        /** Where the field comes from, where it goes, and how wide it is. */
        private final int srcLsb;
        private final int dstLsb;
        private final int width;

        Move(int op, int size, int rd, int rn, int immr, int imms) {
            this.op = op;
            this.size = size;
            this.rd = rd;
            this.rn = rn;
            if (imms >= immr) {
                srcLsb = immr;
                dstLsb = 0;
                width = imms - immr + 1;
            } else {
                srcLsb = 0;
                dstLsb = size - immr;
                width = imms + 1;
            }
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long field = (c.x[rn] >>> srcLsb) & ones(width);
            long r;
            if (op == INSERT) {
                long mask = ones(width) << dstLsb;
                r = (c.x[rd] & ~mask) | (field << dstLsb);
            } else {
                r = field << dstLsb;
                if (op == SIGNED) {
                    int top = dstLsb + width;
                    r = (r << (64 - top)) >> (64 - top);
                }
            }
            c.x[rd] = size == 64 ? r : r & Regs.M32;
            return true;
        }
    }

    static final class Extract extends Insn {
        private final boolean sf;
        private final int rd;
        private final int rn;
        private final int rm;
        private final int lsb;

        Extract(boolean sf, int rd, int rn, int rm, int lsb) {
            this.sf = sf;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.lsb = lsb;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (sf) {
                c.x[rd] = lsb == 0 ? c.x[rm] : (c.x[rm] >>> lsb) | (c.x[rn] << (64 - lsb));
            } else {
                long both = (c.x[rn] << 32) | (c.x[rm] & Regs.M32);
                c.x[rd] = (both >>> lsb) & Regs.M32;
            }
            return true;
        }
    }
}
