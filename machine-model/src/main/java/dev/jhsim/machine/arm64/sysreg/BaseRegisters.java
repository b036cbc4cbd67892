package dev.jhsim.machine.arm64.sysreg;

import dev.jhsim.machine.arm64.Arm64Cpu;

/**
 * The registers every AArch64 core has, independent of the system around it:
 * PSTATE views (NZCV, DAIF, SPSel, CurrentEL), FP control, thread IDs, the
 * identification registers user code reads, and cache maintenance, which is
 * harmless where caches are not modelled, except DC ZVA, which zeroes memory.
 */
public final class BaseRegisters {
    /** DC ZVA block size: 2^4 words = 64 bytes, as on common cores. */
    public static final int ZVA_LOG2_WORDS = 4;
    private static final int ZVA_BYTES = 4 << ZVA_LOG2_WORDS;

    private BaseRegisters() {
    }

    /** A table with the base registers; a system model adds its own to it. */
    public static SystemRegisters create(long midr) {
        SystemRegisters t = new SystemRegisters();
        t.register("NZCV", 3, 3, 4, 2, 0, SystemRegister.of(0, Arm64Cpu::nzcv, Arm64Cpu::setNzcv));
        t.register("DAIF", 3, 3, 4, 2, 1, SystemRegister.of(1, c -> c.daif, (c, v) -> {
            c.daif = (int) v & 0x3C0;
            c.requestAttention();
        }));
        t.register("SPSel", 3, 0, 4, 2, 0, SystemRegister.of(1, c -> c.spSel() ? 1 : 0,
                (c, v) -> c.setElAndSpSel(c.el(), (v & 1) != 0)));
        t.register("CurrentEL", 3, 0, 4, 2, 2, SystemRegister.readOnly(1, c -> (long) c.el() << 2));
        t.register("FPCR", 3, 3, 4, 4, 0, SystemRegister.of(0, c -> c.fpcr, (c, v) -> c.fpcr = v & 0x07FF9F00L));
        t.register("FPSR", 3, 3, 4, 4, 1, SystemRegister.of(0, c -> c.fpsr, (c, v) -> c.fpsr = v & 0xF800009FL));
        t.register("TPIDR_EL0", 3, 3, 13, 0, 2, SystemRegister.of(0, c -> c.tpidrEl0, (c, v) -> c.tpidrEl0 = v));
        t.register("TPIDRRO_EL0", 3, 3, 13, 0, 3, new SystemRegister.Accessors(0, 1, c -> c.tpidrroEl0,
                (c, v) -> c.tpidrroEl0 = v));
        t.register("TPIDR_EL1", 3, 0, 13, 0, 4, SystemRegister.of(1, c -> c.tpidrEl1, (c, v) -> c.tpidrEl1 = v));
        t.register("SP_EL0", 3, 0, 4, 1, 0, SystemRegister.of(1, c -> c.stackPointer(0),
                (c, v) -> c.setStackPointer(0, v)));
        t.register("MIDR_EL1", 3, 0, 0, 0, 0, SystemRegister.readOnly(1, c -> midr));
        t.register("MPIDR_EL1", 3, 0, 0, 0, 5, SystemRegister.readOnly(1, c -> (1L << 31) | c.index()));
        t.register("DCZID_EL0", 3, 3, 0, 0, 7, SystemRegister.readOnly(0, c -> ZVA_LOG2_WORDS));
        // CTR_EL0: 64-byte lines for both caches (DminLine = IminLine = 4), VIPT I-cache.
        t.register("CTR_EL0", 3, 3, 0, 0, 1, SystemRegister.readOnly(0, c -> 0x8444C004L));
        registerCacheMaintenance(t);
        return t;
    }

    private static void registerCacheMaintenance(SystemRegisters t) {
        t.register("DC ZVA", 1, 3, 7, 4, 1, SystemRegister.operation(0, BaseRegisters::zeroBlock));
        SystemRegister nothing0 = SystemRegister.operation(0, (c, v) -> { });
        SystemRegister nothing1 = SystemRegister.operation(1, (c, v) -> { });
        t.register("DC CVAC", 1, 3, 7, 10, 1, nothing0);
        t.register("DC CVAU", 1, 3, 7, 11, 1, nothing0);
        t.register("DC CVAP", 1, 3, 7, 12, 1, nothing0);
        t.register("DC CIVAC", 1, 3, 7, 14, 1, nothing0);
        t.register("IC IVAU", 1, 3, 7, 5, 1, nothing0);
        t.register("IC IALLUIS", 1, 0, 7, 1, 0, nothing1);
        t.register("IC IALLU", 1, 0, 7, 5, 0, nothing1);
        t.register("DC IVAC", 1, 0, 7, 6, 1, nothing1);
        t.register("DC ISW", 1, 0, 7, 6, 2, nothing1);
        t.register("DC CSW", 1, 0, 7, 10, 2, nothing1);
        t.register("DC CISW", 1, 0, 7, 14, 2, nothing1);
    }

    /** DC ZVA: zero the aligned block containing the address; a fault is left in the MMU for the caller. */
    private static void zeroBlock(Arm64Cpu c, long address) {
        long a = address & -ZVA_BYTES;
        if (!c.mmu.writable(a)) {
            return;
        }
        for (int i = 0; i < ZVA_BYTES; i += 8) {
            c.mmu.write64(a + i, 0);
        }
    }
}
