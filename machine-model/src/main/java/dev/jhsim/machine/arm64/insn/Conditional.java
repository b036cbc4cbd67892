package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;

/** CSEL, CSINC, CSINV, CSNEG (and CSET/CINC/CNEG... aliases); CCMP and CCMN. */
final class Conditional {
    private Conditional() {
    }

    static void register(DecodeTable t) {
        t.add("conditional select", "s o 0 11010100 mmmmm cccc 0 p nnnnn ddddd",
                f -> new Select(f.is('s'), f.u('o') * 2 + f.u('p'), Regs.dzr(f.u('d')), f.u('n'), f.u('m'), f.u('c')));
        t.add("conditional compare (register)", "s o 1 11010010 mmmmm cccc 0 0 nnnnn 0 ffff",
                f -> new Compare(f.is('s'), f.is('o'), f.u('n'), f.u('m'), false, f.u('c'), f.u('f')));
        t.add("conditional compare (immediate)", "s o 1 11010010 iiiii cccc 1 0 nnnnn 0 ffff",
                f -> new Compare(f.is('s'), f.is('o'), f.u('n'), f.u('i'), true, f.u('c'), f.u('f')));
    }

    static final class Select extends Insn {
        private final boolean sf;
        /** 0 CSEL, 1 CSINC, 2 CSINV, 3 CSNEG. */
        private final int op;
        private final int rd;
        private final int rn;
        private final int rm;
        private final int cond;

        Select(boolean sf, int op, int rd, int rn, int rm, int cond) {
            this.sf = sf;
            this.op = op;
            this.rd = rd;
            this.rn = rn;
            this.rm = rm;
            this.cond = cond;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long r;
            if (Cond.holds(c, cond)) {
                r = c.x[rn];
            } else {
                long b = c.x[rm];
                r = switch (op) {
                    case 0 -> b;
                    case 1 -> b + 1;
                    case 2 -> ~b;
                    default -> -b;
                };
            }
            c.x[rd] = sf ? r : r & Regs.M32;
            return true;
        }
    }

    static final class Compare extends Insn {
        private final boolean sf;
        private final boolean sub;
        private final int rn;
        private final int operand;
        private final boolean immediate;
        private final int cond;
        private final int nzcv;

        Compare(boolean sf, boolean sub, int rn, int operand, boolean immediate, int cond, int nzcv) {
            this.sf = sf;
            this.sub = sub;
            this.rn = rn;
            this.operand = operand;
            this.immediate = immediate;
            this.cond = cond;
            this.nzcv = nzcv;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (Cond.holds(c, cond)) {
                long b = immediate ? operand : c.x[operand];
                AddSub.compute(c, sf, sub, true, c.x[rn], b);
            } else {
                c.setNzcv((long) nzcv << 28);
            }
            return true;
        }
    }
}
