package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** MOVN, MOVZ, MOVK. */
final class MoveWide {
    private MoveWide() {
    }

    static void register(DecodeTable t) {
        t.add("move wide", "soo 100101 hh iiiiiiiiiiiiiiii ddddd", MoveWide::decode);
    }

    private static Insn decode(Fields f) {
        int op = f.u('o');
        boolean sf = f.is('s');
        int shift = f.u('h') * 16;
        if (op == 1 || (!sf && shift >= 32)) {
            return new Undefined(f.word(), f.pc());
        }
        int rd = Regs.dzr(f.u('d'));
        long imm = (long) f.u('i') << shift;
        if (op == 3) {
            return new Keep(rd, imm, 0xFFFFL << shift, sf);
        }
        long value = op == 0 ? ~imm : imm;
        return new Constant(rd, sf ? value : value & Regs.M32);
    }

    /** MOVZ/MOVN: the register gets a constant. */
    static final class Constant extends Insn {
        private final int rd;
        private final long value;

        Constant(int rd, long value) {
            this.rd = rd;
            this.value = value;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = value;
            return true;
        }
    }

    /** MOVK: replace 16 bits, keep the rest. */
    static final class Keep extends Insn {
        private final int rd;
        private final long imm;
        private final long mask;
        private final boolean sf;

        Keep(int rd, long imm, long mask, boolean sf) {
            this.rd = rd;
            this.imm = imm;
            this.mask = mask;
            this.sf = sf;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long r = (c.x[rd] & ~mask) | imm;
            c.x[rd] = sf ? r : r & Regs.M32;
            return true;
        }
    }
}
