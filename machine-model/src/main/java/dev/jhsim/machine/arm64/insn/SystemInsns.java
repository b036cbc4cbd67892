package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.Syndrome;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;
import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;

/**
 * Hints, barriers, MSR (immediate) on PSTATE, and MRS/MSR/SYS through the
 * system-register table. Barriers are no-ops: one thread runs the whole
 * machine, so every access is already in program order for every observer.
 */
final class SystemInsns {
    private SystemInsns() {
    }

    static void register(DecodeTable t) {
        t.add("hint", "11010101000000110010 kkkk ppp 11111", SystemInsns::hint);
        t.add("barrier", "11010101000000110011 kkkk ppp 11111", SystemInsns::barrier);
        t.add("MSR (immediate)", "1101010100000 ooo 0100 kkkk ppp 11111", SystemInsns::pstate);
        t.add("SYS/SYSL", "1101010100 L 01 ooo nnnn kkkk ppp ttttt",
                f -> f.is('L') ? new Undefined(f.word(), f.pc()) : access(f, 1, false));
        t.add("MRS/MSR (register)", "1101010100 L 1 q ooo nnnn kkkk ppp ttttt",
                f -> access(f, 2 + f.u('q'), f.is('L')));
    }

    private static Insn access(Fields f, int op0, boolean read) {
        int key = SystemRegisters.key(op0, f.u('o'), f.u('n'), f.u('k'), f.u('p'));
        return read ? new Read(key, f.u('t'), f.word(), f.pc())
                : new Write(key, f.u('t'), f.word(), f.pc());
    }

    private static Insn hint(Fields f) {
        int op = f.u('k') << 3 | f.u('p');
        return switch (op) {
            case 2, 3 -> new Wait(op == 3, f.pc());
            case 4, 5 -> new SendEvent(op == 4);
            default -> new Nop();
        };
    }

    private static Insn barrier(Fields f) {
        return switch (f.u('p')) {
            case 2 -> new ClearExclusive();
            case 4, 5 -> new Nop();
            case 6, 7 -> new SyncPoint(f.pc() + 4);
            default -> new Undefined(f.word(), f.pc());
        };
    }

    private static Insn pstate(Fields f) {
        int field = f.u('o') << 3 | f.u('p');
        return switch (field) {
            case 0b000101 -> new SetPstate(SetPstate.SPSEL, f.u('k'), f.word(), f.pc());
            case 0b011110 -> new SetPstate(SetPstate.DAIF_SET, f.u('k'), f.word(), f.pc());
            case 0b011111 -> new SetPstate(SetPstate.DAIF_CLEAR, f.u('k'), f.word(), f.pc());
            default -> new Undefined(f.word(), f.pc());
        };
    }

    /** The entry at {@code key} if this access to it is allowed at the current EL, else {@code null}. */
    static SystemRegister accessible(Arm64Cpu c, int key, boolean write) {
        SystemRegister r = c.sysregs.lookup(key);
        if (r == null || !(write ? r.writable() : r.readable())
                || c.el() < (write ? r.minimumWriteEl() : r.minimumEl())) {
            return null;
        }
        return r;
    }

    /**
     * A trapped MRS/MSR/SYS: EC 0x18 with the encoding, Rt and direction in the
     * ISS, returning to the instruction itself so the handler can emulate it.
     */
    static boolean trapAccess(Arm64Cpu c, int targetEl, int key, int rt, boolean read, long pc) {
        return c.raiseTo(targetEl, Syndrome.EC_SYSREG, Syndrome.systemAccessIss(key, rt, read), 0, pc, pc, false);
    }

    /** NOP and every hint the model gives no effect (YIELD, BTI, PAC hints, ...). */
    static final class Nop extends Insn {
        @Override
        public boolean exec(Arm64Cpu c) {
            return true;
        }
    }

    /** ISB and SB: no effect, but end the block so later state changes are seen. */
    static final class SyncPoint extends Insn {
        private final long next;

        SyncPoint(long next) {
            this.next = next;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.pc = next;
            return false;
        }

        @Override
        public boolean endsBlock() {
            return true;
        }
    }

    static final class ClearExclusive extends Insn {
        @Override
        public boolean exec(Arm64Cpu c) {
            c.exclusiveAddress = -1;
            return true;
        }
    }

    /**
     * WFI, WFE: sleep until an interrupt (or, for WFE, an event that may
     * already be latched). An instruction that would sleep can be trapped: at
     * EL0 to EL1 unless SCTLR_EL1.nTWI/nTWE, then to EL2 by HCR_EL2.TWI/TWE.
     */
    static final class Wait extends Insn {
        private static final long SCTLR_NTWI = 1L << 16;
        private static final long SCTLR_NTWE = 1L << 18;
        private final boolean forInterrupt;
        private final long pc;

        Wait(boolean forInterrupt, long pc) {
            this.forInterrupt = forInterrupt;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.pc = pc + 4;
            if (!forInterrupt && c.eventRegister) {
                c.eventRegister = false;
                return false;
            }
            if (c.interruptPending()) {
                return false;
            }
            int trap = trapLevel(c);
            if (trap != 0) {
                // ISS: CV=1 and COND=0b1110 for AArch64, TI says WFE.
                return c.raiseTo(trap, Syndrome.EC_WFX, 1 << 24 | 0xE << 20 | (forInterrupt ? 0 : 1), 0, pc, pc,
                        false);
            }
            c.waitForInterrupt();
            return false;
        }

        private int trapLevel(Arm64Cpu c) {
            if (c.el() == 0 && (c.el1.sctlr & (forInterrupt ? SCTLR_NTWI : SCTLR_NTWE)) == 0) {
                return 1;
            }
            if (c.el() < 2 && (c.hcrEl2 & (forInterrupt ? Hcr.TWI : Hcr.TWE)) != 0) {
                return 2;
            }
            return 0;
        }

        @Override
        public boolean endsBlock() {
            return true;
        }
    }

    /** SEV signals every core (waking those in WFE); SEVL sets only this core's event register. */
    static final class SendEvent extends Insn {
        private final boolean allCores;

        SendEvent(boolean allCores) {
            this.allCores = allCores;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (allCores) {
                c.sendEvent();
            } else {
                c.eventRegister = true;
            }
            return true;
        }
    }

    /** MSR SPSel/DAIFSet/DAIFClr, #imm. */
    static final class SetPstate extends Insn {
        static final int SPSEL = 0;
        static final int DAIF_SET = 1;
        static final int DAIF_CLEAR = 2;
        private final int field;
        private final int imm;
        private final int word;
        private final long pc;

        SetPstate(int field, int imm, int word, long pc) {
            this.field = field;
            this.imm = imm;
            this.word = word;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (c.el() == 0) {
                return c.undefined(word, pc);
            }
            switch (field) {
                case SPSEL -> c.setElAndSpSel(c.el(), (imm & 1) != 0);
                case DAIF_SET -> c.daif |= imm << 6;
                default -> c.daif &= ~(imm << 6);
            }
            c.requestAttention();
            c.pc = pc + 4;
            return false;
        }

        @Override
        public boolean endsBlock() {
            return true;
        }
    }

    static final class Read extends Insn {
        private final int key;
        private final int rt;
        private final int destination;
        private final int word;
        private final long pc;

        Read(int key, int rt, int word, long pc) {
            this.key = key;
            this.rt = rt;
            this.destination = Regs.dzr(rt);
            this.word = word;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            SystemRegister r = accessible(c, key, false);
            if (r == null) {
                return c.undefined(word, pc);
            }
            int trap = r.trap(c, false);
            if (trap != 0) {
                return trapAccess(c, trap, key, rt, true, pc);
            }
            c.x[destination] = r.read(c);
            return true;
        }
    }

    /**
     * MSR and SYS: may change state that later instructions depend on, so the
     * block ends here. A SYS operation that touches memory (DC ZVA) reports
     * its fault through the MMU like any store.
     */
    static final class Write extends Insn {
        private final int key;
        private final int rt;
        private final int word;
        private final long pc;

        Write(int key, int rt, int word, long pc) {
            this.key = key;
            this.rt = rt;
            this.word = word;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            SystemRegister r = accessible(c, key, true);
            if (r == null) {
                return c.undefined(word, pc);
            }
            int trap = r.trap(c, true);
            if (trap != 0) {
                return trapAccess(c, trap, key, rt, false, pc);
            }
            c.pc = pc + 4;
            r.write(c, c.x[rt]);
            if (c.mmu.fault.kind != Fault.NONE) {
                return c.dataAbort(pc);
            }
            return false;
        }

        @Override
        public boolean endsBlock() {
            return true;
        }
    }
}
