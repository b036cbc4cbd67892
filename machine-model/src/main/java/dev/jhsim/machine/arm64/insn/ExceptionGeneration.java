package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;

/** SVC, HVC, SMC and BRK: synchronous exceptions with the immediate in the syndrome; and ERET. */
final class ExceptionGeneration {
    private ExceptionGeneration() {
    }

    static void register(DecodeTable t) {
        t.add("exception generation", "11010100 ooo iiiiiiiiiiiiiiii 000 ll", ExceptionGeneration::decode);
        t.add("ERET", "1101011 0100 11111 000000 11111 00000", f -> new ExceptionReturn(f.word(), f.pc()));
    }

    private static Insn decode(Fields f) {
        int op = f.u('o') << 2 | f.u('l');
        int imm = f.u('i');
        return switch (op) {
            case 0b00001 -> new Call(Syndrome.EC_SVC64, imm, f.pc(), f.word());
            case 0b00010 -> new Call(Syndrome.EC_HVC64, imm, f.pc(), f.word());
            case 0b00011 -> new Call(Syndrome.EC_SMC64, imm, f.pc(), f.word());
            case 0b00100 -> new Breakpoint(imm, f.pc());
            default -> new Undefined(f.word(), f.pc());
        };
    }

    /**
     * SVC (to EL1), HVC (to EL2) and SMC (to firmware, or trapped to EL2 by
     * HCR_EL2.TSC, when it returns to the SMC itself). HVC and SMC are
     * UNDEFINED at EL0, HVC also when HCR_EL2.HCD disables it.
     */
    static final class Call extends Insn {
        private final int ec;
        private final int imm;
        private final long pc;
        private final int word;

        Call(int ec, int imm, long pc, int word) {
            this.ec = ec;
            this.imm = imm;
            this.pc = pc;
            this.word = word;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (ec == Syndrome.EC_SVC64) {
                return c.raise(ec, imm, 0, pc, pc + 4, true);
            }
            if (c.el() == 0 || ec == Syndrome.EC_HVC64 && (c.hcrEl2 & Hcr.HCD) != 0) {
                return c.undefined(word, pc);
            }
            if (ec == Syndrome.EC_HVC64) {
                return c.raiseTo(2, ec, imm, 0, pc, pc + 4, true);
            }
            if ((c.hcrEl2 & Hcr.TSC) != 0) {
                return c.raiseTo(2, ec, imm, 0, pc, pc, false);
            }
            return c.raiseTo(3, ec, imm, 0, pc, pc + 4, true);
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

    /** ERET at EL1: PSTATE from SPSR_EL1, PC from ELR_EL1. UNDEFINED at EL0. */
    static final class ExceptionReturn extends Insn {
        private final int word;
        private final long pc;

        ExceptionReturn(int word, long pc) {
            this.word = word;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (c.el() == 0) {
                return c.undefined(word, pc);
            }
            c.exceptionReturn(c.el1.spsr, c.el1.elr);
            return false;
        }

        @Override
        public boolean endsBlock() {
            return true;
        }
    }
}
