package dev.jhsim.machine.arm64.system;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;

/**
 * Identification registers. Values follow a Cortex-A57 where the model
 * implements the feature, and say "not implemented" where it does not, so
 * that software probing them does not reach for missing hardware: AArch64
 * only at EL0-EL2 and no EL3 (firmware is emulated), no PMU, CRC32 but no
 * cryptographic instructions, 4, 16 and 64 KiB granules, 44-bit physical
 * addresses, 16-bit ASIDs. At EL1, MIDR_EL1 and MPIDR_EL1 read VPIDR_EL2
 * and VMPIDR_EL2, as when EL2 is implemented.
 */
public final class IdRegisters {
    /** EL0, EL1, EL2: AArch64 only; EL3 absent; FP and AdvSIMD present; GIC field 1 with a GICv3 CPU interface. */
    private static final long PFR0 = 0x0111;
    private static final long PFR0_GIC_SYSREGS = 1L << 24;
    /** ARMv8 debug architecture; no PMU, no trace. */
    private static final long DFR0 = 0x6;
    /** CRC32 instructions. */
    private static final long ISAR0 = 0x0001_0000;
    /** PARange 44 bits, 16-bit ASIDs, 16 KiB granule supported (4 and 64 KiB are by default). */
    private static final long MMFR0 = 0x0010_0024;
    /** Cortex-A57 cache hierarchy: L1 I/D, unified L2. */
    private static final long CLIDR = 0x0A200023;
    private static final long[] CCSIDR = {0x701FE00A, 0x201FE012, 0x707FE07A};

    private IdRegisters() {
    }

    /** {@code gicSystemRegisters}: whether the GIC CPU interface is reached through ICC_* registers (GICv3). */
    public static void register(SystemRegisters t, boolean gicSystemRegisters) {
        // The ID space reads as zero where no register is defined (AArch32 ID registers: no AArch32 here).
        for (int crm = 1; crm <= 7; crm++) {
            for (int op2 = 0; op2 < 8; op2++) {
                t.register(String.format("S3_0_C0_C%d_%d", crm, op2), 3, 0, 0, crm, op2, constant(0));
            }
        }
        t.register("ID_AA64PFR0_EL1", 3, 0, 0, 4, 0, constant(PFR0 | (gicSystemRegisters ? PFR0_GIC_SYSREGS : 0)));
        t.register("ID_AA64DFR0_EL1", 3, 0, 0, 5, 0, constant(DFR0));
        t.register("ID_AA64ISAR0_EL1", 3, 0, 0, 6, 0, constant(ISAR0));
        t.register("ID_AA64MMFR0_EL1", 3, 0, 0, 7, 0, constant(MMFR0));
        t.register("MIDR_EL1", 3, 0, 0, 0, 0, SystemRegister.readOnly(1, c -> c.el() < 2 ? c.el2.vpidr : c.midr()));
        t.register("MPIDR_EL1", 3, 0, 0, 0, 5, SystemRegister.readOnly(1, c -> c.el() < 2 ? c.el2.vmpidr : c.mpidr()));
        t.register("REVIDR_EL1", 3, 0, 0, 0, 6, constant(0));
        t.register("AIDR_EL1", 3, 1, 0, 0, 7, constant(0));
        t.register("CLIDR_EL1", 3, 1, 0, 0, 1, constant(CLIDR));
        t.register("CSSELR_EL1", 3, 2, 0, 0, 0, SystemRegister.of(1, c -> c.el1.csselr, (c, v) -> c.el1.csselr = v & 0xF));
        t.register("CCSIDR_EL1", 3, 1, 0, 0, 0, SystemRegister.readOnly(1, IdRegisters::cacheSize));
    }

    private static SystemRegister constant(long value) {
        return SystemRegister.readOnly(1, c -> value);
    }

    /** CCSIDR_EL1 of the cache CSSELR_EL1 selects: L1 data, L1 instruction, L2; others read as zero. */
    private static long cacheSize(Arm64Cpu c) {
        int selected = (int) c.el1.csselr;
        int index = selected == 0 ? 0 : selected == 1 ? 1 : selected == 2 ? 2 : -1;
        return index < 0 ? 0 : CCSIDR[index];
    }
}
