package dev.jhsim.machine.arm64.mmu;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.mem.Translation;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import java.util.List;

/**
 * The TLB invalidation and address translation operations of the EL1&0
 * regime: TLBI at EL1 (trapped to EL2 by HCR_EL2.TTLB, broadcast to every CPU
 * when inner shareable or HCR_EL2.FB is set), TLBI at EL2 for a Java
 * hypervisor (stage 2 by IPA, VMID-wide, everything), AT S1E0/S1E1 with
 * PAR_EL1. Invalidation uses the issuing CPU's VMID and drops the affected
 * CPUs' fast TLBs and decoded code, which depend on the translations.
 */
public final class TlbMaintenance {
    private static final long IPA_PAGE_MASK = (1L << 36) - 1;
    private static final long VA_PAGE_MASK = (1L << 44) - 1;
    private static final long TCR_AS = 1L << 36;

    private final List<TwoStageTranslation> translations;

    private TlbMaintenance(List<TwoStageTranslation> translations) {
        this.translations = translations;
    }

    /** What one invalidation does to one TLB, given the issuing CPU's VMID and Xt. */
    @FunctionalInterface
    private interface Invalidation {
        void apply(Tlb tlb, int vmid, long operand);
    }

    /**
     * Installs a {@link TwoStageTranslation} on every CPU (indexed by
     * {@link Arm64Cpu#index()}) and registers the operations in {@code table}.
     */
    public static void install(SystemRegisters table, List<Arm64Cpu> cpus) {
        List<TwoStageTranslation> translations = cpus.stream().map(TwoStageTranslation::new).toList();
        for (int i = 0; i < cpus.size(); i++) {
            cpus.get(i).mmu.setTranslation(translations.get(i));
        }
        new TlbMaintenance(translations).register(table);
    }

    private void register(SystemRegisters t) {
        el1(t, "VMALLE1", 0, (tlb, vmid, xt) -> tlb.invalidateVmid(vmid, false));
        el1(t, "VAE1", 1, (tlb, vmid, xt) -> tlb.invalidateVa(vmid, xt & VA_PAGE_MASK, asid(xt), false));
        el1(t, "ASIDE1", 2, (tlb, vmid, xt) -> tlb.invalidateAsid(vmid, asid(xt)));
        el1(t, "VAAE1", 3, (tlb, vmid, xt) -> tlb.invalidateVa(vmid, xt & VA_PAGE_MASK, 0, true));
        el1(t, "VALE1", 5, (tlb, vmid, xt) -> tlb.invalidateVa(vmid, xt & VA_PAGE_MASK, asid(xt), false));
        el1(t, "VAALE1", 7, (tlb, vmid, xt) -> tlb.invalidateVa(vmid, xt & VA_PAGE_MASK, 0, true));
        el2(t, "IPAS2E1", 4, 1, (tlb, vmid, xt) -> tlb.invalidateIpa(vmid, xt & IPA_PAGE_MASK));
        el2(t, "IPAS2LE1", 4, 5, (tlb, vmid, xt) -> tlb.invalidateIpa(vmid, xt & IPA_PAGE_MASK));
        el2(t, "ALLE1", 7, 4, (tlb, vmid, xt) -> tlb.invalidateAll());
        el2(t, "VMALLS12E1", 7, 6, (tlb, vmid, xt) -> tlb.invalidateVmid(vmid, true));
        t.register("AT S1E1R", 1, 0, 7, 8, 0, at(Translation.READ, 1));
        t.register("AT S1E1W", 1, 0, 7, 8, 1, at(Translation.WRITE, 1));
        t.register("AT S1E0R", 1, 0, 7, 8, 2, at(Translation.READ, 0));
        t.register("AT S1E0W", 1, 0, 7, 8, 3, at(Translation.WRITE, 0));
        t.register("PAR_EL1", 3, 0, 7, 4, 0, SystemRegister.of(1, c -> c.el1.par, (c, v) -> c.el1.par = v));
    }

    /** The ASID operand of a TLBI: Xt bits 63:48, of which 8-bit ASIDs use the low half. */
    private static int asid(long xt) {
        return (int) (xt >>> 48) & 0xFFFF;
    }

    /** An EL1 TLBI: the inner-shareable form (CRm 3) on every CPU, the local one (CRm 7) unless HCR_EL2.FB. */
    private void el1(SystemRegisters t, String name, int op2, Invalidation what) {
        t.register("TLBI " + name + "IS", 1, 0, 8, 3, op2, operation(1, what, true).trappedByHcr(0, Hcr.TTLB));
        t.register("TLBI " + name, 1, 0, 8, 7, op2, operation(1, what, false).trappedByHcr(0, Hcr.TTLB));
    }

    /** An EL2 TLBI: inner shareable at CRm {@code crm} - 4 (0 or 3), local at {@code crm} (4 or 7). */
    private void el2(SystemRegisters t, String name, int crm, int op2, Invalidation what) {
        t.register("TLBI " + name + "IS", 1, 4, 8, crm - 4, op2, operation(2, what, true));
        t.register("TLBI " + name, 1, 4, 8, crm, op2, operation(2, what, false));
    }

    /** Runs an invalidation; with 8-bit ASIDs (TCR_EL1.AS clear) the operand's upper ASID byte is ignored. */
    private SystemRegister operation(int minimumEl, Invalidation what, boolean broadcast) {
        return SystemRegister.operation(minimumEl, (c, xt) -> {
            long operand = (c.el1.tcr & TCR_AS) != 0 ? xt : xt & ~(0xFF00L << 48);
            int vmid = c.el2.vmid();
            if (broadcast || (c.el() < 2 && (c.hcrEl2 & Hcr.FB) != 0)) {
                for (TwoStageTranslation tr : translations) {
                    what.apply(tr.tlb, vmid, operand);
                    tr.cpu().flushTranslation();
                }
            } else {
                TwoStageTranslation tr = translations.get(c.index());
                what.apply(tr.tlb, vmid, operand);
                c.flushTranslation();
            }
        });
    }

    private SystemRegister at(int access, int el) {
        return SystemRegister.operation(1, (c, va) -> c.el1.par = translations.get(c.index())
                .addressTranslation(va, access, el));
    }
}
