package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Insn;
import dev.jhsim.machine.arm64.decode.DecodeTable;
import dev.jhsim.machine.arm64.decode.Fields;
import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.mem.Mmu;

/**
 * Exclusives (LDXR/STXR and pairs, with acquire/release), load-acquire and
 * store-release (LDAR, STLR and the LO forms), and compare-and-swap (CAS,
 * CASP). All need natural alignment. The exclusive monitor remembers the
 * address and the value loaded; a store-exclusive succeeds while memory still
 * holds that value, which keeps lock-free code correct when CPUs interleave.
 */
final class Exclusive {
    private Exclusive() {
    }

    static void register(DecodeTable t) {
        t.add("load/store exclusive, ordered, CAS", "zz 001000 o L p sssss q uuuuu nnnnn ttttt", Exclusive::decode);
    }

    private static Insn decode(Fields f) {
        int size = f.u('z');
        boolean o2 = f.is('o');
        boolean o1 = f.is('p');
        boolean load = f.is('L');
        int rs = f.u('s');
        int rt = f.u('t');
        int rt2 = f.u('u');
        int rn = Regs.sp(f.u('n'));
        long pc = f.pc();
        if (!o2 && !o1) {
            return load ? new LoadExclusive(size, false, Regs.dzr(rt), 0, rn, pc)
                    : new StoreExclusive(size, false, Regs.dzr(rs), rt, 0, rn, pc);
        }
        if (!o2) {
            if (size >= 2) {
                return load ? new LoadExclusive(size, true, Regs.dzr(rt), Regs.dzr(rt2), rn, pc)
                        : new StoreExclusive(size, true, Regs.dzr(rs), rt, rt2, rn, pc);
            }
            if (rt2 != 31 || (rs & 1) != 0 || (rt & 1) != 0) {
                return new Undefined(f.word(), pc);
            }
            return new CompareAndSwapPair(size + 2, rs, rt, rn, pc);
        }
        if (!o1) {
            return load ? new Ordered(size, true, Regs.dzr(rt), rn, pc) : new Ordered(size, false, rt, rn, pc);
        }
        return rt2 == 31 ? new CompareAndSwap(size, rs, rt, rn, pc) : new Undefined(f.word(), pc);
    }

    /** Checks natural alignment of an access of {@code 1 << log2} bytes; records a fault if it fails. */
    static boolean aligned(Arm64Cpu c, long a, int log2, boolean write) {
        if ((a & ((1L << log2) - 1)) == 0) {
            return true;
        }
        c.mmu.fault.set(Fault.ALIGNMENT, a, write ? 1 : 0);
        return false;
    }

    /**
     * Reads the old value of an aligned, writable read-modify-write location
     * (CAS, LSE atomics); on a fault records it and returns 0 with
     * {@code c.mmu.fault} set.
     */
    static long readForUpdate(Arm64Cpu c, long a, int log2) {
        if (!aligned(c, a, log2, true) || !c.mmu.writable(a)) {
            return 0;
        }
        return c.mmu.read(a, 1 << log2);
    }

    static long mask(int log2) {
        return log2 == 3 ? -1L : (1L << (8 << log2)) - 1;
    }

    static final class LoadExclusive extends Insn {
        private final int log2;
        private final boolean pair;
        private final int rt;
        private final int rt2;
        private final int rn;
        private final long pc;

        LoadExclusive(int log2, boolean pair, int rt, int rt2, int rn, long pc) {
            this.log2 = log2;
            this.pair = pair;
            this.rt = rt;
            this.rt2 = rt2;
            this.rn = rn;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            Mmu m = c.mmu;
            int total = pair ? log2 + 1 : log2;
            if (!aligned(c, a, total, false)) {
                return c.dataAbort(pc);
            }
            long v1 = m.read(a, 1 << log2);
            long v2 = pair ? m.read(a + (1L << log2), 1 << log2) : 0;
            if (m.fault.kind != Fault.NONE) {
                return c.dataAbort(pc);
            }
            c.exclusiveAddress = a;
            c.exclusiveSize = total;
            c.exclusiveValue = v1;
            c.exclusiveValue2 = v2;
            c.x[rt] = v1;
            if (pair) {
                c.x[rt2] = v2;
            }
            return true;
        }
    }

    static final class StoreExclusive extends Insn {
        private final int log2;
        private final boolean pair;
        private final int rs;
        private final int rt;
        private final int rt2;
        private final int rn;
        private final long pc;

        StoreExclusive(int log2, boolean pair, int rs, int rt, int rt2, int rn, long pc) {
            this.log2 = log2;
            this.pair = pair;
            this.rs = rs;
            this.rt = rt;
            this.rt2 = rt2;
            this.rn = rn;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            Mmu m = c.mmu;
            int total = pair ? log2 + 1 : log2;
            if (!aligned(c, a, total, true)) {
                return c.dataAbort(pc);
            }
            int bytes = 1 << log2;
            boolean held = c.exclusiveAddress == a && c.exclusiveSize == total;
            c.exclusiveAddress = -1;
            if (held) {
                long v1 = m.read(a, bytes);
                long v2 = pair ? m.read(a + bytes, bytes) : 0;
                if (m.fault.kind != Fault.NONE) {
                    return c.dataAbort(pc);
                }
                held = v1 == c.exclusiveValue && v2 == c.exclusiveValue2;
            }
            if (held) {
                if (!m.writable(a)) {
                    return c.dataAbort(pc);
                }
                m.write(a, bytes, c.x[rt]);
                if (pair) {
                    m.write(a + bytes, bytes, c.x[rt2]);
                }
            }
            c.x[rs] = held ? 0 : 1;
            return true;
        }
    }

    /** LDAR/LDLAR and STLR/STLLR: plain accesses that must be aligned. */
    static final class Ordered extends Insn {
        private final int log2;
        private final boolean load;
        private final int rt;
        private final int rn;
        private final long pc;

        Ordered(int log2, boolean load, int rt, int rn, long pc) {
            this.log2 = log2;
            this.load = load;
            this.rt = rt;
            this.rn = rn;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            if (!aligned(c, a, log2, !load)) {
                return c.dataAbort(pc);
            }
            int kind = (load ? Transfer.LOAD8 : Transfer.STORE8) + log2;
            return Transfer.run(c, kind, rt, a) || c.dataAbort(pc, Transfer.accessSyndrome(kind, rt, true));
        }
    }

    static final class CompareAndSwap extends Insn {
        private final int log2;
        private final int rs;
        private final int rt;
        private final int rn;
        private final long pc;

        CompareAndSwap(int log2, int rs, int rt, int rn, long pc) {
            this.log2 = log2;
            this.rs = rs;
            this.rt = rt;
            this.rn = rn;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            long old = readForUpdate(c, a, log2);
            if (c.mmu.fault.kind != Fault.NONE) {
                return c.dataAbort(pc);
            }
            if (old == (c.x[rs] & mask(log2))) {
                c.mmu.write(a, 1 << log2, c.x[rt]);
            }
            c.x[Regs.dzr(rs)] = old;
            return true;
        }
    }

    /** CASP: two adjacent registers compared and swapped as one aligned block. */
    static final class CompareAndSwapPair extends Insn {
        private final int log2;
        private final int rs;
        private final int rt;
        private final int rn;
        private final long pc;

        CompareAndSwapPair(int log2, int rs, int rt, int rn, long pc) {
            this.log2 = log2;
            this.rs = rs;
            this.rt = rt;
            this.rn = rn;
            this.pc = pc;
        }

        @Override
        public boolean exec(Arm64Cpu c) {
            long a = c.x[rn];
            Mmu m = c.mmu;
            int bytes = 1 << log2;
            if (!aligned(c, a, log2 + 1, true) || !m.writable(a)) {
                return c.dataAbort(pc);
            }
            long old1 = m.read(a, bytes);
            long old2 = m.read(a + bytes, bytes);
            if (m.fault.kind != Fault.NONE) {
                return c.dataAbort(pc);
            }
            long mask = mask(log2);
            if (old1 == (c.x[rs] & mask) && old2 == (reg(c, rs + 1) & mask)) {
                m.write(a, bytes, reg(c, rt));
                m.write(a + bytes, bytes, reg(c, rt + 1));
            }
            c.x[Regs.dzr(rs)] = old1;
            c.x[Regs.dzr(rs + 1)] = old2;
            return true;
        }

        /** Register pairs end at X30/X31; number 31 is the zero register here. */
        private static long reg(Arm64Cpu c, int r) {
            return r >= 31 ? 0 : c.x[r];
        }
    }
}
