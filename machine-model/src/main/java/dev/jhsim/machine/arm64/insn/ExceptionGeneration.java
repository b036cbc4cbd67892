package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** SVC, HVC, SMC and BRK: synchronous exceptions with the immediate in the syndrome. */
final class ExceptionGeneration {
    private ExceptionGeneration() {
    }

    static void register(DecodeTable t) {
        t.add("exception generation", "11010100 ooo iiiiiiiiiiiiiiii 000 ll", ExceptionGeneration::decode);
    }

    private static Insn decode(Fields f) {
        int op = f.u('o') << 2 | f.u('l');
        int imm = f.u('i');
        return switch (op) {
            case 0b00001 -> new Call(Syndrome.EC_SVC64, imm, 0, f.pc(), f.word());
            case 0b00010 -> new Call(Syndrome.EC_HVC64, imm, 1, f.pc(), f.word());
            case 0b00011 -> new Call(Syndrome.EC_SMC64, imm, 1, f.pc(), f.word());
            case 0b00100 -> new Breakpoint(imm, f.pc());
            default -> new Undefined(f.word(), f.pc());
        };
    }

    /** SVC/HVC/SMC: the exception returns to the next instruction; HVC and SMC need EL1. */
    static final class Call extends Insn {
        private final int ec;
        private final int imm;
        private final int minimumEl;
        private final long pc;
        private final int word;

        Call(int ec, int imm, int minimumEl, long pc, int word) {
            this.ec = ec;
            this.imm = imm;
            this.minimumEl = minimumEl;
            this.pc = pc;
            this.word = word;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (c.el() < minimumEl) {
                return c.undefined(word, pc);
            }
            int iss = ec == Syndrome.EC_SMC64 ? 0 : imm;
            return c.raise(ec, iss, 0, pc, pc + 4, true);
        }

        @Override
        public boolean endsBlock() {
            return true;
        }
    }

    /** BRK: returns to the BRK itself. */
    static final class Breakpoint extends Insn {
        private final int imm;
        private final long pc;

        Breakpoint(int imm, long pc) {
            this.imm = imm;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            return c.raise(Syndrome.EC_BRK, imm, 0, pc, pc, false);
        }

        @Override
        public boolean endsBlock() {
            return true;
        }
    }
}
