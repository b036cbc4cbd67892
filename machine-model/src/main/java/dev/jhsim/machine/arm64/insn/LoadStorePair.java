package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** LDP, STP, LDPSW, LDNP, STNP for general and SIMD&FP registers: offset, pre- and post-index. */
final class LoadStorePair {
    private static final int NO_ALLOCATE = 0;
    private static final int POST = 1;
    private static final int PRE = 3;

    private LoadStorePair() {
    }

    static void register(DecodeTable t) {
        t.add("load/store pair", "oo 101 V 0pp L iiiiiii uuuuu nnnnn ttttt", LoadStorePair::decode);
    }

    private static Insn decode(Fields f) {
        int opc = f.u('o');
        boolean load = f.is('L');
        int mode = f.u('p');
        int kind;
        if (f.is('V')) {
            kind = opc == 3 ? Transfer.INVALID : (load ? Transfer.VLOAD32 : Transfer.VSTORE32) + opc;
        } else if (opc == 0) {
            kind = load ? Transfer.LOAD32 : Transfer.STORE32;
        } else if (opc == 2) {
            kind = load ? Transfer.LOAD64 : Transfer.STORE64;
        } else if (opc == 1 && load && mode != NO_ALLOCATE) {
            kind = Transfer.LOAD_SIGNED32_64;
        } else {
            kind = Transfer.INVALID;
        }
        if (kind == Transfer.INVALID) {
            return new Undefined(f.word(), f.pc());
        }
        int scale = Transfer.scale(kind);
        long imm = f.s('i') << scale;
        int rt = Transfer.register(kind, f.u('t'));
        int rt2 = Transfer.register(kind, f.u('u'));
        boolean writeback = mode == POST || mode == PRE;
        return new Pair(kind, rt, rt2, Regs.sp(f.u('n')), imm, 1 << scale, writeback, mode != POST, f.pc());
    }

    static final class Pair extends Insn {
        private final int kind;
        private final int rt;
        private final int rt2;
        private final int rn;
        private final long imm;
        private final int bytes;
        private final boolean writeback;
        private final boolean offsetFirst;
        private final long pc;

        Pair(int kind, int rt, int rt2, int rn, long imm, int bytes, boolean writeback, boolean offsetFirst,
                long pc) {
            this.kind = kind;
            this.rt = rt;
            this.rt2 = rt2;
            this.rn = rn;
            this.imm = imm;
            this.bytes = bytes;
            this.writeback = writeback;
            this.offsetFirst = offsetFirst;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long base = c.x[rn];
            long a = offsetFirst ? base + imm : base;
            long last = a + 2L * bytes - 1;
            // A store that crosses into a page that faults must not write its first half.
            if (((a ^ last) >>> 12) != 0 && Transfer.isStore(kind) && !c.mmu.writable(last)) {
                return c.dataAbort(pc);
            }
            if (!Transfer.run(c, kind, rt, a)) {
                return c.dataAbort(pc);
            }
            if (!Transfer.run(c, kind, rt2, a + bytes)) {
                return c.dataAbort(pc);
            }
            if (writeback) {
                c.x[rn] = base + imm;
            }
            return true;
        }
    }
}
