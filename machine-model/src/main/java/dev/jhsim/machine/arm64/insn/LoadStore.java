package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;
import dev.jhsim.machine.arm64.mem.Fault;

/**
 * Single-register loads and stores, integer and SIMD&FP: unsigned offset,
 * unscaled, unprivileged, pre- and post-index, register offset, and literal.
 */
final class LoadStore {
    private LoadStore() {
    }

    static void register(DecodeTable t) {
        t.add("load/store (unsigned offset)", "ss 111 V 01 oo iiiiiiiiiiii nnnnn ttttt", LoadStore::unsignedOffset);
        t.add("load/store (immediate)", "ss 111 V 00 oo 0 iiiiiiiii ww nnnnn ttttt", LoadStore::immediate);
        t.add("load/store (register offset)", "ss 111 V 00 oo 1 mmmmm xxx S 10 nnnnn ttttt", LoadStore::registerOffset);
        t.add("load literal", "oo 011 V 00 iiiiiiiiiiiiiiiiiii ttttt", LoadStore::literal);
    }

    private static int kind(Fields f) {
        return Transfer.of(f.u('s'), f.is('V'), f.u('o'));
    }

    private static Insn unsignedOffset(Fields f) {
        int kind = kind(f);
        if (kind == Transfer.INVALID) {
            return new Undefined(f.word(), f.pc());
        }
        long offset = (long) f.u('i') << Transfer.scale(kind);
        int rt = Transfer.register(kind, f.u('t'));
        int rn = Regs.sp(f.u('n'));
        return switch (kind) {
            case Transfer.LOAD64 -> new Load64(rt, rn, offset, f.pc());
            case Transfer.STORE64 -> new Store64(rt, rn, offset, f.pc());
            default -> new Offset(kind, rt, rn, offset, f.pc());
        };
    }

    private static Insn immediate(Fields f) {
        int kind = kind(f);
        int mode = f.u('w');
        boolean writeback = mode == 1 || mode == 3;
        if (kind == Transfer.INVALID || (mode != 0 && kind == Transfer.PREFETCH)
                || (mode == 2 && Transfer.isSimd(kind))) {
            return new Undefined(f.word(), f.pc());
        }
        int rt = Transfer.register(kind, f.u('t'));
        int rn = Regs.sp(f.u('n'));
        long imm = f.s('i');
        if (mode == 2) {
            return new Unprivileged(new Offset(kind, rt, rn, imm, f.pc()));
        }
        if (!writeback) {
            return new Offset(kind, rt, rn, imm, f.pc());
        }
        return new Indexed(kind, rt, rn, imm, mode == 3, f.pc());
    }

    private static Insn registerOffset(Fields f) {
        int kind = kind(f);
        int option = f.u('x');
        if (kind == Transfer.INVALID || (option & 2) == 0) {
            return new Undefined(f.word(), f.pc());
        }
        int shift = f.is('S') ? Transfer.scale(kind) : 0;
        return new RegisterOffset(kind, Transfer.register(kind, f.u('t')), Regs.sp(f.u('n')), f.u('m'),
                option, shift, f.pc());
    }

    private static Insn literal(Fields f) {
        int opc = f.u('o');
        int kind;
        if (f.is('V')) {
            kind = opc == 0 ? Transfer.VLOAD32 : opc == 1 ? Transfer.VLOAD64
                    : opc == 2 ? Transfer.VLOAD128 : Transfer.INVALID;
        } else {
            kind = opc == 0 ? Transfer.LOAD32 : opc == 1 ? Transfer.LOAD64
                    : opc == 2 ? Transfer.LOAD_SIGNED32_64 : Transfer.PREFETCH;
        }
        if (kind == Transfer.INVALID) {
            return new Undefined(f.word(), f.pc());
        }
        long address = f.pc() + (f.s('i') << 2);
        return new Offset(kind, Transfer.register(kind, f.u('t')), Arm64Cpu.ZR, address, f.pc());
    }

    /** LDTR/STTR...: at EL1 the access is checked with EL0's permissions. */
    static final class Unprivileged extends Insn {
        private final Insn access;

        Unprivileged(Insn access) {
            this.access = access;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            if (c.el() == 0) {
                return access.exec(c);
            }
            c.mmu.selectRegime(0);
            boolean ok = access.exec(c);
            c.mmu.selectRegime(c.el() == 0 ? 0 : 1);
            return ok;
        }
    }

    /** Base plus a constant, no writeback (also literal loads, with the zero register as base). */
    static final class Offset extends Insn {
        private final int kind;
        private final int rt;
        private final int rn;
        private final long offset;
        private final long pc;
        private final int syndrome;

        Offset(int kind, int rt, int rn, long offset, long pc) {
            this.kind = kind;
            this.rt = rt;
            this.rn = rn;
            this.offset = offset;
            this.pc = pc;
            this.syndrome = Transfer.accessSyndrome(kind, rt, false);
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            return Transfer.run(c, kind, rt, c.x[rn] + offset) || c.dataAbort(pc, syndrome);
        }
    }

    /** LDR Xt, [Xn, #imm]: the most common load, without the generic transfer's dispatch. */
    static final class Load64 extends Insn {
        private final int rt;
        private final int rn;
        private final long offset;
        private final long pc;

        Load64(int rt, int rn, long offset, long pc) {
            this.rt = rt;
            this.rn = rn;
            this.offset = offset;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long v = c.mmu.read64(c.x[rn] + offset);
            if (c.mmu.fault.kind != Fault.NONE) {
                return c.dataAbort(pc, Transfer.accessSyndrome(Transfer.LOAD64, rt, false));
            }
            c.x[rt] = v;
            return true;
        }
    }

    /** STR Xt, [Xn, #imm]. */
    static final class Store64 extends Insn {
        private final int rt;
        private final int rn;
        private final long offset;
        private final long pc;

        Store64(int rt, int rn, long offset, long pc) {
            this.rt = rt;
            this.rn = rn;
            this.offset = offset;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            c.mmu.write64(c.x[rn] + offset, c.x[rt]);
            if (c.mmu.fault.kind != Fault.NONE) {
                return c.dataAbort(pc, Transfer.accessSyndrome(Transfer.STORE64, rt, false));
            }
            return true;
        }
    }

    /** Pre-index (address is base + imm) or post-index (address is base); base becomes base + imm. */
    static final class Indexed extends Insn {
        private final int kind;
        private final int rt;
        private final int rn;
        private final long imm;
        private final boolean pre;
        private final long pc;

        Indexed(int kind, int rt, int rn, long imm, boolean pre, long pc) {
            this.kind = kind;
            this.rt = rt;
            this.rn = rn;
            this.imm = imm;
            this.pre = pre;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long base = c.x[rn];
            long updated = base + imm;
            if (!Transfer.run(c, kind, rt, pre ? updated : base)) {
                return c.dataAbort(pc);
            }
            c.x[rn] = updated;
            return true;
        }
    }

    static final class RegisterOffset extends Insn {
        private final int kind;
        private final int rt;
        private final int rn;
        private final int rm;
        private final int option;
        private final int shift;
        private final long pc;
        private final int syndrome;

        RegisterOffset(int kind, int rt, int rn, int rm, int option, int shift, long pc) {
            this.kind = kind;
            this.rt = rt;
            this.rn = rn;
            this.rm = rm;
            this.option = option;
            this.shift = shift;
            this.pc = pc;
            this.syndrome = Transfer.accessSyndrome(kind, rt, false);
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn] + Operands.extend(c.x[rm], option, shift);
            return Transfer.run(c, kind, rt, a) || c.dataAbort(pc, syndrome);
        }
    }
}
