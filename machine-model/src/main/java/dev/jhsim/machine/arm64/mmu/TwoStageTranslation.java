package dev.jhsim.machine.arm64.mmu;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.mem.Fault;
import dev.jhsim.machine.arm64.mem.Mmu;
import dev.jhsim.machine.arm64.mem.Translation;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.bus.RamBank;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The EL1&0 translation regime of one CPU: stage 1 from SCTLR_EL1, TCR_EL1
 * and TTBR0/1_EL1, then, while HCR_EL2.VM is set, stage 2 from VTCR_EL2 and
 * VTTBR_EL2. Both walk descriptors in simulated RAM; stage-1 descriptors sit
 * at intermediate physical addresses, so with stage 2 on each is translated
 * by stage 2 first (a fault there is a stage-2 fault with S1PTW). Results are
 * cached in the CPU's {@link Tlb}; translation and access-flag faults are
 * never cached.
 *
 * <p>Supported: 4, 16 and 64 KiB granules, input sizes from 25 to 48 bits,
 * tables and blocks, concatenated stage-2 start tables, AP/UXN/PXN with the
 * hierarchical APTable/UXNTable/PXNTable and SCTLR_EL1.WXN, S2AP/XN, the
 * access flag, TBI for data accesses, 8/16-bit ASIDs and 8-bit VMIDs.
 */
public final class TwoStageTranslation implements Translation {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SCTLR_M = 1;
    private static final long SCTLR_WXN = 1L << 19;
    private static final long ADDRESS_MASK = 0x0000_FFFF_FFFF_FFFFL;
    private static final long PAGE_MASK = ~0xFFFL;
    private static final long TCR_A1 = 1L << 22;
    private static final long TCR_AS = 1L << 36;

    private final Arm64Cpu cpu;
    private final PhysicalBus bus;
    final Tlb tlb = new Tlb();

    // What the last successful walk found (no allocation per walk).
    private long walkOut;
    private long walkBlockMask;
    private int walkLevel;
    private int walkPerms;
    private int walkAttrIndex;
    private int walkShareability;
    private boolean walkGlobal;

    public TwoStageTranslation(Arm64Cpu cpu) {
        this.cpu = cpu;
        this.bus = cpu.mmu.bus();
    }

    Arm64Cpu cpu() {
        return cpu;
    }

    @Override
    public long translate(long va, int access, Mmu mmu) {
        long ipa = stage1(va, access, mmu.regime(), mmu.fault);
        if (ipa < 0 || (cpu.hcrEl2 & Hcr.VM) == 0) {
            return ipa;
        }
        return stage2(ipa, va, access, false, mmu.fault);
    }

    /** Stage 1 alone: the intermediate physical address, or -1 with the fault described. */
    long stage1(long va, int access, int el, Fault fault) {
        if ((cpu.el1.sctlr & SCTLR_M) == 0) {
            return va;
        }
        long page = (va & 0x00FF_FFFF_FFFF_FFFFL) >>> 12;
        int vmid = cpu.el2.vmid();
        int asid = asid();
        Tlb.Entry e = tlb.findStage1(page, vmid, asid);
        if (e == null) {
            if (!walkStage1(va, access, fault)) {
                return -1;
            }
            e = tlb.fillStage1(page, vmid, asid, walkGlobal);
            fill(e, va);
            e.attrIndex = walkAttrIndex;
            e.shareability = walkShareability;
        }
        if (!allowed(e.perms, access, el)) {
            fault(fault, Fault.PERMISSION, e.level, va, access);
            return -1;
        }
        return e.out | (va & 0xFFF);
    }

    private long stage2(long ipa, long va, int access, boolean s1ptw, Fault fault) {
        long page = ipa >>> 12;
        int vmid = cpu.el2.vmid();
        Tlb.Entry e = tlb.findStage2(page, vmid);
        if (e == null) {
            if (!walkStage2(ipa, va, access, s1ptw, fault)) {
                return -1;
            }
            e = tlb.fillStage2(page, vmid);
            fill(e, ipa);
        }
        if (!allowed(e.perms, s1ptw ? Translation.READ : access, 1)) {
            stage2Fault(fault, Fault.PERMISSION, e.level, va, ipa, access, s1ptw);
            return -1;
        }
        return e.out | (ipa & 0xFFF);
    }

    private void fill(Tlb.Entry e, long input) {
        e.out = (walkOut | (input & walkBlockMask)) & PAGE_MASK;
        e.blockMask = walkBlockMask;
        e.perms = walkPerms;
        e.level = walkLevel;
    }

    private static boolean allowed(int perms, int access, int el) {
        int bit = access == Translation.READ ? Tlb.R1 : access == Translation.WRITE ? Tlb.W1 : Tlb.X1;
        return (perms & (el == 0 ? bit << 3 : bit)) != 0;
    }

    /** The current ASID: from TTBR1 or TTBR0 as TCR_EL1.A1 says, 8 or 16 bits as TCR_EL1.AS says. */
    private int asid() {
        long tcr = cpu.el1.tcr;
        long ttbr = (tcr & TCR_A1) != 0 ? cpu.el1.ttbr1 : cpu.el1.ttbr0;
        return (int) (ttbr >>> 48) & ((tcr & TCR_AS) != 0 ? 0xFFFF : 0xFF);
    }

    // ---- walks ----

    private boolean walkStage1(long va, int access, Fault fault) {
        long tcr = cpu.el1.tcr;
        boolean upper = (va & (1L << 55)) != 0;
        int inputSize = 64 - clampTsz((int) (upper ? tcr >>> 16 : tcr) & 0x3F);
        boolean topByteIgnored = ((tcr >>> (upper ? 38 : 37)) & 1) != 0 && access != Translation.FETCH;
        long checked = (topByteIgnored ? (1L << 56) - 1 : -1L) & -(1L << inputSize);
        boolean disabled = ((tcr >>> (upper ? 23 : 7)) & 1) != 0;
        if ((va & checked) != (upper ? checked : 0) || disabled) {
            fault(fault, Fault.TRANSLATION, 0, va, access);
            return false;
        }
        int granule = upper ? Granule.ofTg1((int) (tcr >>> 30) & 3) : Granule.ofTg0((int) (tcr >>> 14) & 3);
        int level = Granule.startLevel(granule, inputSize);
        int indexBits = inputSize - Granule.shift(granule, level);
        long table = (upper ? cpu.el1.ttbr1 : cpu.el1.ttbr0) & ADDRESS_MASK & -(1L << (indexBits + 3));
        int apTable = 0;
        boolean uxnTable = false;
        boolean pxnTable = false;
        boolean stage2 = (cpu.hcrEl2 & Hcr.VM) != 0;
        while (true) {
            int shift = Granule.shift(granule, level);
            long descriptorIpa = table + (((va >>> shift) & ((1L << indexBits) - 1)) << 3);
            long descriptorPa = stage2 ? stage2(descriptorIpa, va, access, true, fault) : descriptorIpa;
            if (descriptorPa < 0) {
                return false;
            }
            long d = readDescriptor(descriptorPa, level, va, access, fault);
            if (fault.kind != Fault.NONE) {
                return false;
            }
            if ((d & 1) == 0 || (level == 3 && (d & 2) == 0)
                    || (level < 3 && (d & 2) == 0 && !Granule.blockAllowed(granule, level))) {
                fault(fault, Fault.TRANSLATION, level, va, access);
                return false;
            }
            if (level < 3 && (d & 2) != 0) {
                apTable |= (int) (d >>> 61) & 3;
                uxnTable |= (d & (1L << 60)) != 0;
                pxnTable |= (d & (1L << 59)) != 0;
                table = d & ADDRESS_MASK & -(1L << granule);
                level++;
                indexBits = granule - 3;
                continue;
            }
            if ((d & (1L << 10)) == 0) {
                fault(fault, Fault.ACCESS_FLAG, level, va, access);
                return false;
            }
            walkBlockMask = (1L << shift) - 1;
            walkOut = d & ADDRESS_MASK & ~walkBlockMask;
            walkLevel = level;
            walkPerms = stage1Perms(d, apTable, uxnTable, pxnTable);
            walkAttrIndex = (int) (d >>> 2) & 7;
            walkShareability = (int) (d >>> 8) & 3;
            walkGlobal = (d & (1L << 11)) == 0;
            return true;
        }
    }

    private int stage1Perms(long d, int apTable, boolean uxnTable, boolean pxnTable) {
        int ap = (int) (d >>> 6) & 3;
        boolean el0 = (ap & 1) != 0 && (apTable & 1) == 0;
        boolean readOnly = (ap & 2) != 0 || (apTable & 2) != 0;
        int perms = Tlb.R1 | (readOnly ? 0 : Tlb.W1) | (el0 ? Tlb.R0 : 0) | (el0 && !readOnly ? Tlb.W0 : 0);
        boolean writableAtEl0 = (perms & Tlb.W0) != 0;
        boolean writeImpliesXn = (cpu.el1.sctlr & SCTLR_WXN) != 0 && (perms & (Tlb.W1 | Tlb.W0)) != 0;
        if ((d & (1L << 53)) == 0 && !pxnTable && !writableAtEl0 && !writeImpliesXn) {
            perms |= Tlb.X1;
        }
        if ((d & (1L << 54)) == 0 && !uxnTable && !writeImpliesXn) {
            perms |= Tlb.X0;
        }
        return perms;
    }

    private boolean walkStage2(long ipa, long va, int access, boolean s1ptw, Fault fault) {
        long vtcr = cpu.el2.vtcr;
        int inputSize = 64 - clampTsz((int) vtcr & 0x3F);
        int granule = Granule.ofTg0((int) (vtcr >>> 14) & 3);
        int sl0 = (int) (vtcr >>> 6) & 3;
        int level = (granule == 12 ? 2 : 3) - sl0;
        int indexBits = level < 0 ? 0 : inputSize - Granule.shift(granule, level);
        if ((ipa >>> inputSize) != 0 || level < 0 || (granule == 12 && sl0 == 3) || indexBits < 1
                || indexBits > granule - 3 + 4) {
            stage2Fault(fault, Fault.TRANSLATION, 0, va, ipa, access, s1ptw);
            return false;
        }
        long table = cpu.el2.vttbr & ADDRESS_MASK & -(1L << (indexBits + 3));
        while (true) {
            int shift = Granule.shift(granule, level);
            long descriptor = table + (((ipa >>> shift) & ((1L << indexBits) - 1)) << 3);
            long d = readDescriptor(descriptor, level, va, access, fault);
            if (fault.kind != Fault.NONE) {
                fault.ipa = ipa;
                fault.stage2 = true;
                fault.s1ptw = s1ptw;
                return false;
            }
            if ((d & 1) == 0 || (level == 3 && (d & 2) == 0)
                    || (level < 3 && (d & 2) == 0 && !Granule.blockAllowed(granule, level))) {
                stage2Fault(fault, Fault.TRANSLATION, level, va, ipa, access, s1ptw);
                return false;
            }
            if (level < 3 && (d & 2) != 0) {
                table = d & ADDRESS_MASK & -(1L << granule);
                level++;
                indexBits = granule - 3;
                continue;
            }
            if ((d & (1L << 10)) == 0) {
                stage2Fault(fault, Fault.ACCESS_FLAG, level, va, ipa, access, s1ptw);
                return false;
            }
            walkBlockMask = (1L << shift) - 1;
            walkOut = d & ADDRESS_MASK & ~walkBlockMask;
            walkLevel = level;
            int s2ap = (int) (d >>> 6) & 3;
            int perms = ((s2ap & 1) != 0 ? Tlb.R1 | Tlb.R0 : 0) | ((s2ap & 2) != 0 ? Tlb.W1 | Tlb.W0 : 0);
            walkPerms = perms | ((d & (1L << 54)) == 0 ? Tlb.X1 | Tlb.X0 : 0);
            return true;
        }
    }

    /** A descriptor from RAM; anything else answering (or nothing) is an external abort on the walk. */
    private long readDescriptor(long pa, int level, long va, int access, Fault fault) {
        PhysicalBus.Region r = bus.find(pa);
        if (r == null || r.ram() == null) {
            fault(fault, Fault.EXTERNAL_WALK, level, va, access);
            return 0;
        }
        return (long) LONG.get(r.ram().page(pa), (int) (pa & (RamBank.PAGE_SIZE - 1)));
    }

    /** TxSZ below 16 or above 39 is out of range; like common cores, use the nearest limit. */
    private static int clampTsz(int tsz) {
        return Math.max(16, Math.min(39, tsz));
    }

    private static void fault(Fault fault, int kind, int level, long va, int access) {
        fault.set(kind, va, access);
        fault.level = level;
    }

    private static void stage2Fault(Fault fault, int kind, int level, long va, long ipa, int access, boolean s1ptw) {
        fault(fault, kind, level, va, access);
        fault.stage2 = true;
        fault.ipa = ipa;
        fault.s1ptw = s1ptw;
    }

    // ---- AT ----

    /**
     * AT S1E1R/W, S1E0R/W: translates {@code va} by stage 1 with the
     * permissions of {@code el} and returns PAR_EL1. A stage-2 fault on the
     * walk is left in the MMU's fault record, to be taken to EL2.
     */
    long addressTranslation(long va, int access, int el) {
        Fault fault = cpu.mmu.fault;
        fault.kind = Fault.NONE;
        long ipa = stage1(va, access, el, fault);
        if (ipa >= 0) {
            return parSuccess(va, ipa);
        }
        if (fault.stage2) {
            return cpu.el1.par;
        }
        long par = 1 | (long) fault.statusCode() << 1 | 1L << 11;
        fault.kind = Fault.NONE;
        return par;
    }

    private long parSuccess(long va, long ipa) {
        long attributes = 0;
        int shareability = 2;
        if ((cpu.el1.sctlr & SCTLR_M) != 0) {
            Tlb.Entry e = tlb.findStage1((va & 0x00FF_FFFF_FFFF_FFFFL) >>> 12, cpu.el2.vmid(), asid());
            attributes = (cpu.el1.mair >>> (8 * e.attrIndex)) & 0xFF;
            shareability = e.shareability;
        }
        // NS (bit 9) set for a non-secure regime; bit 11 is RES1.
        return attributes << 56 | (ipa & ADDRESS_MASK & PAGE_MASK) | (long) shareability << 7 | 1L << 9 | 1L << 11;
    }
}
