package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;

/** B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET. Every branch ends its block. */
final class Branches {
    private Branches() {
    }

    static void register(DecodeTable t) {
        t.add("B/BL", "o 00101 iiiiiiiiiiiiiiiiiiiiiiiiii",
                f -> new Direct(f.pc() + (f.s('i') << 2), f.is('o') ? f.pc() + 4 : -1));
        t.add("CBZ/CBNZ", "s 011010 o iiiiiiiiiiiiiiiiiii ttttt",
                f -> new CompareZero(f.is('s'), f.is('o'), f.u('t'), f.pc() + (f.s('i') << 2), f.pc() + 4));
        t.add("TBZ/TBNZ", "b 011011 o kkkkk iiiiiiiiiiiiii ttttt",
                f -> new TestBit(f.u('b') * 32 + f.u('k'), f.is('o'), f.u('t'),
                        f.pc() + (f.s('i') << 2), f.pc() + 4));
        t.add("B.cond", "0101010 0 iiiiiiiiiiiiiiiiiii 0 cccc",
                f -> new Conditional(f.u('c'), f.pc() + (f.s('i') << 2), f.pc() + 4));
        t.add("BR/BLR/RET", "1101011 00oo 11111 000000 nnnnn 00000",
                f -> f.u('o') == 3 ? new Undefined(f.word(), f.pc())
                        : new Indirect(f.u('n'), f.u('o') == 1 ? f.pc() + 4 : -1));
    }

    /** CMP followed by B.cond as one operation, or {@code null} if {@code next} is not a B.cond. */
    static Insn compareAndBranch(AddSub.Compare compare, Insn next) {
        return next instanceof Conditional b ? new CompareAndBranch(compare, b.cond, b.target, b.next) : null;
    }

    /** Common base: branches always leave the block. */
    abstract static class Branch extends Insn {
        @Override
        public final boolean endsBlock() {
            return true;
        }
    }

    static final class Direct extends Branch {
        private final long target;
        /** Return address written to X30 by BL, or -1 for B. */
        private final long link;

        Direct(long target, long link) {
            this.target = target;
            this.link = link;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (link != -1) {
                c.x[30] = link;
            }
            c.pc = target;
            return false;
        }
    }

    static final class Conditional extends Branch {
        private final int cond;
        private final long target;
        private final long next;

        Conditional(int cond, long target, long next) {
            this.cond = cond;
            this.target = target;
            this.next = next;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.pc = Cond.holds(c, cond) ? target : next;
            return false;
        }
    }

    static final class CompareAndBranch extends Branch {
        private final AddSub.Compare compare;
        private final int cond;
        private final long target;
        private final long next;

        CompareAndBranch(AddSub.Compare compare, int cond, long target, long next) {
            this.compare = compare;
            this.cond = cond;
            this.target = target;
            this.next = next;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            compare.setFlags(c);
            c.pc = Cond.holds(c, cond) ? target : next;
            return false;
        }
    }

    static final class CompareZero extends Branch {
        private final boolean sf;
        private final boolean nonZero;
        private final int rt;
        private final long target;
        private final long next;

        CompareZero(boolean sf, boolean nonZero, int rt, long target, long next) {
            this.sf = sf;
            this.nonZero = nonZero;
            this.rt = rt;
            this.target = target;
            this.next = next;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long value = sf ? c.x[rt] : c.x[rt] & Regs.M32;
            c.pc = (value != 0) == nonZero ? target : next;
            return false;
        }
    }

    static final class TestBit extends Branch {
        private final long mask;
        private final boolean nonZero;
        private final int rt;
        private final long target;
        private final long next;

        TestBit(int bit, boolean nonZero, int rt, long target, long next) {
            this.mask = 1L << bit;
            this.nonZero = nonZero;
            this.rt = rt;
            this.target = target;
            this.next = next;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.pc = ((c.x[rt] & mask) != 0) == nonZero ? target : next;
            return false;
        }
    }

    static final class Indirect extends Branch {
        private final int rn;
        private final long link;

        Indirect(int rn, long link) {
            this.rn = rn;
            this.link = link;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long target = c.x[rn];
            if (link != -1) {
                c.x[30] = link;
            }
            c.pc = target;
            return false;
        }
    }
}
