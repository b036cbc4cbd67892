package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** One-source data processing: RBIT, REV16, REV32, REV, CLZ, CLS. */
final class DataProcessing1 {
    private DataProcessing1() {
    }

    static void register(DecodeTable t) {
        t.add("data-processing (1 source)", "s 1 0 11010110 00000 oooooo nnnnn ddddd", DataProcessing1::decode);
    }

    private static Insn decode(Fields f) {
        int op = f.u('o');
        boolean sf = f.is('s');
        if (op > 5 || (op == 3 && !sf)) {
            return new Undefined(f.word(), f.pc());
        }
        return new Op(op, sf, Regs.dzr(f.u('d')), f.u('n'));
    }

    static final class Op extends Insn {
        private final int op;
        private final boolean sf;
        private final int rd;
        private final int rn;

        Op(int op, boolean sf, int rd, int rn) {
            this.op = op;
            this.sf = sf;
            this.rd = rd;
            this.rn = rn;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.x[rd] = sf ? compute64(c.x[rn]) : compute32((int) c.x[rn]) & Regs.M32;
            return true;
        }

        private long compute64(long a) {
            return switch (op) {
                case 0 -> Long.reverse(a);
                case 1 -> ((a >>> 8) & 0x00FF00FF00FF00FFL) | ((a & 0x00FF00FF00FF00FFL) << 8);
                case 2 -> {
                    long r = Long.reverseBytes(a);
                    yield (r >>> 32) | (r << 32);
                }
                case 3 -> Long.reverseBytes(a);
                case 4 -> Long.numberOfLeadingZeros(a);
                default -> Long.numberOfLeadingZeros(a ^ (a >> 1)) - 1;
            };
        }

        private long compute32(int a) {
            return switch (op) {
                case 0 -> Integer.reverse(a);
                case 1 -> ((a >>> 8) & 0x00FF00FF) | ((a & 0x00FF00FF) << 8);
                case 2 -> Integer.reverseBytes(a);
                case 4 -> Integer.numberOfLeadingZeros(a);
                default -> Integer.numberOfLeadingZeros(a ^ (a >> 1)) - 1;
            };
        }
    }
}
