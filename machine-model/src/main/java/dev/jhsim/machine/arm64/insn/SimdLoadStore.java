package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;
import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.mem.Mmu;

/**
 * LD1-LD4/ST1-ST4 of multiple structures and of single lanes, and LD1R-LD4R,
 * without offset or post-indexed by an immediate or a register.
 */
final class SimdLoadStore {
    private SimdLoadStore() {
    }

    static void register(DecodeTable t) {
        t.add("SIMD load/store multiple", "0 Q 001100 p L 0 mmmmm oooo zz nnnnn ttttt", SimdLoadStore::multiple);
        t.add("SIMD load/store single", "0 Q 001101 p L R mmmmm ooo S zz nnnnn ttttt", SimdLoadStore::single);
    }

    private static Insn multiple(Fields f) {
        int op = f.u('o');
        int regs;
        int selem;
        switch (op) {
            case 0b0000 -> { regs = 1; selem = 4; }
            case 0b0010 -> { regs = 4; selem = 1; }
            case 0b0100 -> { regs = 1; selem = 3; }
            case 0b0110 -> { regs = 3; selem = 1; }
            case 0b0111 -> { regs = 1; selem = 1; }
            case 0b1000 -> { regs = 1; selem = 2; }
            case 0b1010 -> { regs = 2; selem = 1; }
            default -> {
                return new Undefined(f.word(), f.pc());
            }
        }
        boolean q = f.is('Q');
        int esize = 8 << f.u('z');
        if ((!f.is('p') && f.u('m') != 0) || (esize == 64 && !q && selem > 1)) {
            return new Undefined(f.word(), f.pc());
        }
        int bytes = (q ? 16 : 8) * regs * selem;
        return new Multiple(f.is('L'), q, esize, regs, selem, f.u('t'), Regs.sp(f.u('n')),
                postIndex(f, bytes), f.pc());
    }

    /** Post-index step: none, an immediate (Rm = 31) or Xm. */
    private static int postIndex(Fields f, int bytes) {
        if (!f.is('p')) {
            return 0;
        }
        return f.u('m') == 31 ? -bytes : f.u('m') + 1;
    }

    private static Insn single(Fields f) {
        if (!f.is('p') && f.u('m') != 0) {
            return new Undefined(f.word(), f.pc());
        }
        int op = f.u('o');
        int size = f.u('z');
        int selem = ((op & 1) << 1 | f.u('R')) + 1;
        int qs = f.u('Q') << 3 | f.u('S') << 2 | size;
        int rt = f.u('t');
        int rn = Regs.sp(f.u('n'));
        if (op >= 0b110) {
            if (!f.is('L') || f.is('S')) {
                return new Undefined(f.word(), f.pc());
            }
            int esize = 8 << size;
            return new Single(true, true, f.is('Q'), esize, 0, selem, rt, rn, postIndex(f, selem * esize / 8),
                    f.pc());
        }
        int esize;
        int index;
        switch (op >>> 1) {
            case 0 -> {
                esize = 8;
                index = qs;
            }
            case 1 -> {
                if ((size & 1) != 0) {
                    return new Undefined(f.word(), f.pc());
                }
                esize = 16;
                index = qs >>> 1;
            }
            default -> {
                if (size == 0) {
                    esize = 32;
                    index = qs >>> 2;
                } else if (size == 1 && !f.is('S')) {
                    esize = 64;
                    index = f.u('Q');
                } else {
                    return new Undefined(f.word(), f.pc());
                }
            }
        }
        return new Single(f.is('L'), false, true, esize, index, selem, rt, rn, postIndex(f, selem * esize / 8),
                f.pc());
    }

    /** Applies the post-index step: 0 none, negative an immediate of that many bytes, else Xm+1. */
    static void writeBack(Arm64Cpu c, int rn, int step, long base) {
        if (step < 0) {
            c.x[rn] = base - step;
        } else if (step > 0) {
            c.x[rn] = base + c.x[step - 1];
        }
    }

    static final class Multiple extends Insn {
        private final boolean load;
        private final boolean q;
        private final int esize;
        private final int regs;
        private final int selem;
        private final int rt;
        private final int rn;
        private final int step;
        private final long pc;

        Multiple(boolean load, boolean q, int esize, int regs, int selem, int rt, int rn, int step, long pc) {
            this.load = load;
            this.q = q;
            this.esize = esize;
            this.regs = regs;
            this.selem = selem;
            this.rt = rt;
            this.rn = rn;
            this.step = step;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long base = c.x[rn];
            Mmu m = c.mmu;
            int bytes = esize / 8;
            int elements = (q ? 128 : 64) / esize;
            long a = base;
            if (!load && !m.writable(base + (long) bytes * elements * regs * selem - 1)) {
                return c.dataAbort(pc);
            }
            for (int r = 0; r < regs; r++) {
                for (int e = 0; e < elements; e++) {
                    for (int s = 0; s < selem; s++) {
                        int reg = (rt + r + s) & 31;
                        if (load) {
                            long v = m.read(a, bytes);
                            if (m.fault.kind != Fault.NONE) {
                                return c.dataAbort(pc);
                            }
                            Lanes.set(c, reg, esize, e, v);
                        } else {
                            m.write(a, bytes, Lanes.get(c, reg, esize, e));
                            if (m.fault.kind != Fault.NONE) {
                                return c.dataAbort(pc);
                            }
                        }
                        a += bytes;
                    }
                }
            }
            if (load && !q) {
                for (int r = 0; r < regs * selem; r++) {
                    c.vr[2 * ((rt + r) & 31) + 1] = 0;
                }
            }
            writeBack(c, rn, step, base);
            return true;
        }
    }

    /**
     * LD1-LD4/ST1-ST4 of one lane of 1-4 consecutive registers, or LD1R-LD4R
     * (load one structure and replicate each element to every lane).
     */
    static final class Single extends Insn {
        private final boolean load;
        private final boolean replicate;
        private final boolean q;
        private final int esize;
        private final int index;
        private final int selem;
        private final int rt;
        private final int rn;
        private final int step;
        private final long pc;
        private final long[] out = new long[2];

        Single(boolean load, boolean replicate, boolean q, int esize, int index, int selem, int rt, int rn, int step,
                long pc) {
            this.load = load;
            this.replicate = replicate;
            this.q = q;
            this.esize = esize;
            this.index = index;
            this.selem = selem;
            this.rt = rt;
            this.rn = rn;
            this.step = step;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long base = c.x[rn];
            Mmu m = c.mmu;
            int bytes = esize / 8;
            if (!load && !m.writable(base + (long) selem * bytes - 1)) {
                return c.dataAbort(pc);
            }
            for (int s = 0; s < selem; s++) {
                int reg = (rt + s) & 31;
                long a = base + (long) s * bytes;
                if (!load) {
                    m.write(a, bytes, Lanes.get(c, reg, esize, index));
                } else {
                    long v = m.read(a, bytes);
                    if (m.fault.kind != Fault.NONE) {
                        break;
                    }
                    if (replicate) {
                        for (int e = 0; e < (q ? 128 : 64) / esize; e++) {
                            Lanes.put(out, esize, e, v);
                        }
                        Lanes.store(c, reg, out, q);
                    } else {
                        Lanes.set(c, reg, esize, index, v);
                    }
                }
            }
            if (m.fault.kind != Fault.NONE) {
                return c.dataAbort(pc);
            }
            writeBack(c, rn, step, base);
            return true;
        }
    }
}
