package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;
import dev.jhsim.machine.arm64.mem.Fault;

/** The LSE atomics: LDADD, LDCLR, LDEOR, LDSET, LD{S,U}{MAX,MIN}, SWP (and their ST* aliases), and LDAPR. */
final class Atomics {
    private static final int SWAP = 8;

    private Atomics() {
    }

    static void register(DecodeTable t) {
        t.add("atomic memory operation", "zz 111 0 00 A R 1 sssss o ppp 00 nnnnn ttttt", Atomics::decode);
    }

    private static Insn decode(Fields f) {
        int op = f.u('o') << 3 | f.u('p');
        int log2 = f.u('z');
        int rn = Regs.sp(f.u('n'));
        if (op == 0b1100 && f.is('A') && !f.is('R') && f.u('s') == 31) {
            return new Exclusive.Ordered(log2, true, Regs.dzr(f.u('t')), rn, f.pc());
        }
        if (op > SWAP) {
            return new Undefined(f.word(), f.pc());
        }
        return new ReadModifyWrite(op, log2, f.u('s'), Regs.dzr(f.u('t')), rn, f.pc());
    }

    static final class ReadModifyWrite extends Insn {
        private final int op;
        private final int log2;
        private final int rs;
        private final int rt;
        private final int rn;
        private final long pc;

        ReadModifyWrite(int op, int log2, int rs, int rt, int rn, long pc) {
            this.op = op;
            this.log2 = log2;
            this.rs = rs;
            this.rt = rt;
            this.rn = rn;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            long old = Exclusive.readForUpdate(c, a, log2);
            if (c.mmu.fault.kind != Fault.NONE) {
                return c.dataAbort(pc);
            }
            c.mmu.write(a, 1 << log2, combine(old, c.x[rs]));
            c.x[rt] = old;
            return true;
        }

        private long combine(long old, long operand) {
            int shift = 64 - (8 << log2);
            return switch (op) {
                case 0 -> old + operand;
                case 1 -> old & ~operand;
                case 2 -> old ^ operand;
                case 3 -> old | operand;
                case 4 -> (old << shift >> shift) >= (operand << shift >> shift) ? old : operand;
                case 5 -> (old << shift >> shift) <= (operand << shift >> shift) ? old : operand;
                case 6 -> Long.compareUnsigned(old << shift, operand << shift) >= 0 ? old : operand;
                case 7 -> Long.compareUnsigned(old << shift, operand << shift) <= 0 ? old : operand;
                default -> operand;
            };
        }
    }
}
