package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** ADD/SUB with immediate, shifted register, extended register and carry; with and without flags. */
final class AddSub {
    private AddSub() {
    }

    static void register(DecodeTable t) {
        t.add("ADD/SUB (immediate)", "soS 100010 h iiiiiiiiiiii nnnnn ddddd", AddSub::immediate);
        t.add("ADD/SUB (shifted register)", "soS 01011 tt 0 mmmmm iiiiii nnnnn ddddd", AddSub::shifted);
        t.add("ADD/SUB (extended register)", "soS 01011 00 1 mmmmm xxx iii nnnnn ddddd", AddSub::extended);
        t.add("ADC/SBC", "soS 11010000 mmmmm 000000 nnnnn ddddd",
                f -> new WithCarry(f.is('s'), f.is('o'), f.is('S'), Regs.dzr(f.u('d')), f.u('n'), f.u('m')));
    }

    private static Insn immediate(Fields f) {
        long imm = (long) f.u('i') << (f.is('h') ? 12 : 0);
        boolean sub = f.is('o');
        if (f.is('S')) {
            if (sub && f.u('d') == 31) {
                return new Compare(f.is('s'), Regs.sp(f.u('n')), -1, imm);
            }
            return new ImmediateFlags(f.is('s'), sub, Regs.dzr(f.u('d')), Regs.sp(f.u('n')), imm);
        }
        int rd = Regs.sp(f.u('d'));
        int rn = Regs.sp(f.u('n'));
        long signed = sub ? -imm : imm;
        return f.is('s') ? new Immediate64(rd, rn, signed) : new Immediate32(rd, rn, signed);
    }

    private static Insn shifted(Fields f) {
        int type = f.u('t');
        int amount = f.u('i');
        boolean sf = f.is('s');
        if (type == Operands.ROR || (!sf && amount >= 32)) {
            return new Undefined(f.word(), f.pc());
        }
        int rd = Regs.dzr(f.u('d'));
        if (f.is('S') && f.is('o') && f.u('d') == 31 && type == Operands.LSL && amount == 0) {
            return new Compare(sf, f.u('n'), f.u('m'), 0);
        }
        if (!f.is('S') && type == Operands.LSL && amount == 0 && sf) {
            return new Register64(rd, f.u('n'), f.u('m'), f.is('o'));
        }
        return new Shifted(sf, f.is('o'), f.is('S'), rd, f.u('n'), f.u('m'), type, amount);
    }

    private static Insn extended(Fields f) {
        if (f.u('i') > 4) {
            return new Undefined(f.word(), f.pc());
        }
        int rd = f.is('S') ? Regs.dzr(f.u('d')) : Regs.sp(f.u('d'));
        return new Extended(f.is('s'), f.is('o'), f.is('S'), rd, Regs.sp(f.u('n')), f.u('m'), f.u('x'), f.u('i'));
    }

    /** Result of a 64- or 32-bit add or subtract, setting flags if asked. */
    static long compute(Arm64Cpu c, boolean sf, boolean sub, boolean setFlags, long a, long b) {
        if (setFlags) {
            if (sf) {
                return sub ? Flags.sub64(c, a, b) : Flags.add64(c, a, b);
            }
            return sub ? Flags.sub32(c, a, b) : Flags.add32(c, a, b);
        }
        long r = sub ? a - b : a + b;
        return sf ? r : r & Regs.M32;
    }

    static final class Immediate64 extends Insn {
        private final int rd;
        private final int rn;
        private final long imm;

        Immediate64(int rd, int rn, long imm) {
            this.rd = rd;
            this.rn = rn;
            this.imm = imm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = c.x[rn] + imm;
            return true;
        }
    }

    static final class Immediate32 extends Insn {
        private final int rd;
        private final int rn;
        private final long imm;

        Immediate32(int rd, int rn, long imm) {
            this.rd = rd;
            this.rn = rn;
            this.imm = imm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = (c.x[rn] + imm) & Regs.M32;
            return true;
        }
    }

    static final class ImmediateFlags extends Insn {
        private final boolean sf;
        private final boolean sub;
        private final int rd;
        private final int rn;
        private final long imm;

        ImmediateFlags(boolean sf, boolean sub, int rd, int rn, long imm) {
            this.sf = sf;
            this.sub = sub;
            this.rd = rd;
            this.rn = rn;
            this.imm = imm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = compute(c, sf, sub, true, c.x[rn], imm);
            return true;
        }
    }

    /** CMP with an immediate or an unshifted register: only the flags; fuses with a following B.cond. */
    static final class Compare extends Insn {
        final boolean sf;
        final int rn;
        /** The register compared with, or -1 for the immediate. */
        final int rm;
        final long imm;

        Compare(boolean sf, int rn, int rm, long imm) {
            this.sf = sf;
            this.rn = rn;
            this.rm = rm;
            this.imm = imm;
        }

        void setFlags(Arm64Cpu c) {
            long b = rm < 0 ? imm : c.x[rm];
            if (sf) {
                Flags.sub64(c, c.x[rn], b);
            } else {
                Flags.sub32(c, c.x[rn], b);
            }
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            setFlags(c);
            return true;
        }

        @Override
        public Insn fuse(Insn next) {
            return Branches.compareAndBranch(this, next);
        }
    }

    /** The plain 64-bit register form, very common, without shift or flags. */
    static final class Register64 extends Insn {
        private final int rd;
        private final int rn;
        private final int rm;
        private final boolean sub;

        Register64(int rd, int rn, int rm, boolean sub) {
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.sub = sub;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = sub ? c.x[rn] - c.x[rm] : c.x[rn] + c.x[rm];
            return true;
        }
    }

    /** The register forms: the second operand is Xm, shifted or extended. */
    abstract static class RegisterForm extends Insn {
        private final boolean sf;
        private final boolean sub;
        private final boolean setFlags;
        private final int rd;
        private final int rn;
        private final int rm;

        RegisterForm(boolean sf, boolean sub, boolean setFlags, int rd, int rn, int rm) {
            this.sf = sf;
            this.sub = sub;
            this.setFlags = setFlags;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
        }

        abstract long operand(long m, boolean sf);

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = compute(c, sf, sub, setFlags, c.x[rn], operand(c.x[rm], sf));
            return true;
        }
    }

    static final class Shifted extends RegisterForm {
        private final int type;
        private final int amount;

        Shifted(boolean sf, boolean sub, boolean setFlags, int rd, int rn, int rm, int type, int amount) {
            super(sf, sub, setFlags, rd, rn, rm);
            this.type = type;
            this.amount = amount;
        }

        @Override
        long operand(long m, boolean sf) {
            return Operands.shift(m, type, amount, sf);
        }
    }

    static final class Extended extends RegisterForm {
        private final int option;
        private final int shift;

        Extended(boolean sf, boolean sub, boolean setFlags, int rd, int rn, int rm, int option, int shift) {
            super(sf, sub, setFlags, rd, rn, rm);
            this.option = option;
            this.shift = shift;
        }

        @Override
        long operand(long m, boolean sf) {
            return Operands.extend(m, option, shift);
        }
    }

    static final class WithCarry extends Insn {
        private final boolean sf;
        private final boolean sub;
        private final boolean setFlags;
        private final int rd;
        private final int rn;
        private final int rm;

        WithCarry(boolean sf, boolean sub, boolean setFlags, int rd, int rn, int rm) {
            this.sf = sf;
            this.sub = sub;
            this.setFlags = setFlags;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            long b = sub ? ~c.x[rm] : c.x[rm];
            long r;
            if (setFlags) {
                r = sf ? Flags.addCarry64(c, a, b, c.c) : Flags.addCarry32(c, a, b, c.c);
            } else {
                r = a + b + (c.c ? 1 : 0);
                r = sf ? r : r & Regs.M32;
            }
            c.x[rd] = r;
            return true;
        }
    }
}
