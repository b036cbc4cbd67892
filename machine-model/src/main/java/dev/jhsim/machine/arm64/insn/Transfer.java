package dev.jhsim.machine.arm64.insn;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.mem.Mmu;

/**
 * The data transfer of one register, shared by every load/store addressing
 * form: which register file, how many bytes, and how a loaded value is
 * extended. A load changes its register only when the access succeeded.
 */
final class Transfer {
    static final int STORE8 = 0;
    static final int STORE16 = 1;
    static final int STORE32 = 2;
    static final int STORE64 = 3;
    static final int LOAD8 = 4;
    static final int LOAD16 = 5;
    static final int LOAD32 = 6;
    static final int LOAD64 = 7;
    static final int LOAD_SIGNED8_64 = 8;
    static final int LOAD_SIGNED16_64 = 9;
    static final int LOAD_SIGNED32_64 = 10;
    static final int LOAD_SIGNED8_32 = 11;
    static final int LOAD_SIGNED16_32 = 12;
    static final int PREFETCH = 13;
    static final int VSTORE8 = 14;
    static final int VSTORE16 = 15;
    static final int VSTORE32 = 16;
    static final int VSTORE64 = 17;
    static final int VSTORE128 = 18;
    static final int VLOAD8 = 19;
    static final int VLOAD16 = 20;
    static final int VLOAD32 = 21;
    static final int VLOAD64 = 22;
    static final int VLOAD128 = 23;
    static final int INVALID = -1;

    private Transfer() {
    }

    /** The transfer for (size, V, opc) of the load/store register classes, or {@link #INVALID}. */
    static int of(int size, boolean simd, int opc) {
        if (simd) {
            if (opc >= 2) {
                return size == 0 ? (opc == 2 ? VSTORE128 : VLOAD128) : INVALID;
            }
            return (opc == 0 ? VSTORE8 : VLOAD8) + size;
        }
        return switch (opc) {
            case 0 -> STORE8 + size;
            case 1 -> LOAD8 + size;
            case 2 -> switch (size) {
                case 0 -> LOAD_SIGNED8_64;
                case 1 -> LOAD_SIGNED16_64;
                case 2 -> LOAD_SIGNED32_64;
                default -> PREFETCH;
            };
            default -> size == 0 ? LOAD_SIGNED8_32 : size == 1 ? LOAD_SIGNED16_32 : INVALID;
        };
    }

    /** log2 of the bytes moved. */
    static int scale(int kind) {
        return switch (kind) {
            case STORE8, LOAD8, LOAD_SIGNED8_64, LOAD_SIGNED8_32, VSTORE8, VLOAD8 -> 0;
            case STORE16, LOAD16, LOAD_SIGNED16_64, LOAD_SIGNED16_32, VSTORE16, VLOAD16 -> 1;
            case STORE32, LOAD32, LOAD_SIGNED32_64, VSTORE32, VLOAD32 -> 2;
            case VSTORE128, VLOAD128 -> 4;
            default -> 3;
        };
    }

    /**
     * ISS bits 24..14 of a data abort on this transfer (ISV, SAS, SSE, SRT, SF,
     * AR), for the single-register integer forms without writeback; 0 (no
     * valid syndrome) for the rest.
     */
    static int accessSyndrome(int kind, int rt, boolean acquireRelease) {
        if (isSimd(kind) || kind == PREFETCH || kind == INVALID) {
            return 0;
        }
        boolean signed = kind >= LOAD_SIGNED8_64 && kind <= LOAD_SIGNED16_32;
        boolean wide = kind == STORE64 || kind == LOAD64 || (kind >= LOAD_SIGNED8_64 && kind <= LOAD_SIGNED32_64);
        int srt = rt >= Arm64Cpu.ZR ? 31 : rt;
        return 1 << 24 | scale(kind) << 22 | (signed ? 1 << 21 : 0) | srt << 16 | (wide ? 1 << 15 : 0)
                | (acquireRelease ? 1 << 14 : 0);
    }

    static boolean isStore(int kind) {
        return kind <= STORE64 || (kind >= VSTORE8 && kind <= VSTORE128);
    }

    static boolean isSimd(int kind) {
        return kind >= VSTORE8;
    }

    /** Index into {@code x} for register number {@code rt}: loads to 31 are discarded. */
    static int register(int kind, int rt) {
        if (isSimd(kind)) {
            return rt;
        }
        return kind <= STORE64 ? Regs.zr(rt) : Regs.dzr(rt);
    }

    /** Moves the data; returns {@code false} on a fault (recorded in the MMU). */
    static boolean run(Arm64Cpu c, int kind, int rt, long a) {
        Mmu m = c.mmu;
        long v;
        switch (kind) {
            case STORE8 -> m.write8(a, (int) c.x[rt]);
            case STORE16 -> m.write16(a, (int) c.x[rt]);
            case STORE32 -> m.write32(a, (int) c.x[rt]);
            case STORE64 -> m.write64(a, c.x[rt]);
            case LOAD8 -> {
                v = m.read8(a);
                return set(c, rt, v);
            }
            case LOAD16 -> {
                v = m.read16(a);
                return set(c, rt, v);
            }
            case LOAD32 -> {
                v = m.read32(a) & Regs.M32;
                return set(c, rt, v);
            }
            case LOAD64 -> {
                v = m.read64(a);
                return set(c, rt, v);
            }
            case LOAD_SIGNED8_64 -> {
                v = (byte) m.read8(a);
                return set(c, rt, v);
            }
            case LOAD_SIGNED16_64 -> {
                v = (short) m.read16(a);
                return set(c, rt, v);
            }
            case LOAD_SIGNED32_64 -> {
                v = m.read32(a);
                return set(c, rt, v);
            }
            case LOAD_SIGNED8_32 -> {
                v = (byte) m.read8(a) & Regs.M32;
                return set(c, rt, v);
            }
            case LOAD_SIGNED16_32 -> {
                v = (short) m.read16(a) & Regs.M32;
                return set(c, rt, v);
            }
            case PREFETCH -> {
                return true;
            }
            case VSTORE8 -> m.write8(a, (int) c.vr[2 * rt]);
            case VSTORE16 -> m.write16(a, (int) c.vr[2 * rt]);
            case VSTORE32 -> m.write32(a, (int) c.vr[2 * rt]);
            case VSTORE64 -> m.write64(a, c.vr[2 * rt]);
            case VSTORE128 -> {
                if (!m.writable(a + 15)) {
                    return false;
                }
                m.write64(a, c.vr[2 * rt]);
                m.write64(a + 8, c.vr[2 * rt + 1]);
            }
            case VLOAD8 -> {
                return setVector(c, rt, m.read8(a), 0);
            }
            case VLOAD16 -> {
                return setVector(c, rt, m.read16(a), 0);
            }
            case VLOAD32 -> {
                return setVector(c, rt, m.read32(a) & Regs.M32, 0);
            }
            case VLOAD64 -> {
                return setVector(c, rt, m.read64(a), 0);
            }
            default -> {
                long lo = m.read64(a);
                if (m.fault.kind != Fault.NONE) {
                    return false;
                }
                return setVector(c, rt, lo, m.read64(a + 8));
            }
        }
        return m.fault.kind == Fault.NONE;
    }

    private static boolean set(Arm64Cpu c, int rt, long v) {
        if (c.mmu.fault.kind != Fault.NONE) {
            return false;
        }
        c.x[rt] = v;
        return true;
    }

    private static boolean setVector(Arm64Cpu c, int rt, long lo, long hi) {
        if (c.mmu.fault.kind != Fault.NONE) {
            return false;
        }
        c.vr[2 * rt] = lo;
        c.vr[2 * rt + 1] = hi;
        return true;
    }
}
