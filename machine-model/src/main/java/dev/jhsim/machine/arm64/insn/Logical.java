package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** AND, ORR, EOR, ANDS with a bitmask immediate or a shifted register (and the inverted BIC, ORN, EON, BICS). */
final class Logical {
    static final int AND = 0;
    static final int ORR = 1;
    static final int EOR = 2;
    static final int ANDS = 3;

    private Logical() {
    }

    static void register(DecodeTable t) {
        t.add("logical (immediate)", "soo 100100 N rrrrrr kkkkkk nnnnn ddddd", Logical::immediate);
        t.add("logical (shifted register)", "soo 01010 tt N mmmmm iiiiii nnnnn ddddd", Logical::shifted);
    }

    private static Insn immediate(Fields f) {
        boolean sf = f.is('s');
        if (!sf && f.is('N')) {
            return new Undefined(f.word(), f.pc());
        }
        long imm = BitMasks.decode(f.u('N'), f.u('k'), f.u('r'), sf ? 64 : 32);
        if (imm == BitMasks.RESERVED) {
            return new Undefined(f.word(), f.pc());
        }
        int op = f.u('o');
        int rd = op == ANDS ? Regs.dzr(f.u('d')) : Regs.sp(f.u('d'));
        return new Immediate(op, sf, rd, f.u('n'), imm);
    }

    private static Insn shifted(Fields f) {
        boolean sf = f.is('s');
        if (!sf && f.u('i') >= 32) {
            return new Undefined(f.word(), f.pc());
        }
        int op = f.u('o');
        int rd = Regs.dzr(f.u('d'));
        if (op == ORR && !f.is('N') && f.u('n') == 31 && f.u('i') == 0) {
            return sf ? new Move64(rd, f.u('m')) : new Move32(rd, f.u('m'));
        }
        return new Shifted(op, sf, f.is('N'), rd, f.u('n'), f.u('m'), f.u('t'), f.u('i'));
    }

    static long apply(Arm64Cpu c, int op, boolean sf, long a, long b) {
        return switch (op) {
            case AND -> a & b;
            case ORR -> a | b;
            case EOR -> a ^ b;
            default -> Flags.logic(c, a & b, sf);
        };
    }

    static final class Immediate extends Insn {
        private final int op;
        private final boolean sf;
        private final int rd;
        private final int rn;
        private final long imm;

        Immediate(int op, boolean sf, int rd, int rn, long imm) {
            this.op = op;
            this.sf = sf;
            this.rd = rd;
            this.rn = rn;
            this.imm = imm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = sf ? c.x[rn] : c.x[rn] & Regs.M32;
            c.x[rd] = apply(c, op, sf, a, imm);
            return true;
        }
    }

    static final class Shifted extends Insn {
        private final int op;
        private final boolean sf;
        private final boolean invert;
        private final int rd;
        private final int rn;
        private final int rm;
        private final int type;
        private final int amount;

        Shifted(int op, boolean sf, boolean invert, int rd, int rn, int rm, int type, int amount) {
            this.op = op;
            this.sf = sf;
            this.invert = invert;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.type = type;
            this.amount = amount;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long b = Operands.shift(c.x[rm], type, amount, sf);
            if (invert) {
                b = sf ? ~b : ~b & Regs.M32;
            }
            long a = sf ? c.x[rn] : c.x[rn] & Regs.M32;
            c.x[rd] = apply(c, op, sf, a, b);
            return true;
        }
    }

    /** MOV Xd, Xm (ORR with XZR). */
    static final class Move64 extends Insn {
        private final int rd;
        private final int rm;

        Move64(int rd, int rm) {
            this.rd = rd;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = c.x[rm];
            return true;
        }
    }

    /** MOV Wd, Wm. */
    static final class Move32 extends Insn {
        private final int rd;
        private final int rm;

        Move32(int rd, int rm) {
            this.rd = rd;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = c.x[rm] & Regs.M32;
            return true;
        }
    }
}
