package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.sysreg.SystemRegister;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The GICv3 CPU interface as system registers: ICC_*_EL1 (which at EL1 with
 * HCR_EL2.IMO/FMO set reach the virtual CPU interface, ICV_*), ICC_SRE_EL2
 * and the hypervisor's ICH_*_EL2. Entries are shared by all CPUs and pick
 * the interfaces of the accessing one; what is physical and what is virtual
 * depends on the CPU's exception level, so a Java EL2 must access them with
 * the CPU at EL2.
 *
 * <p>Which HCR_EL2 bit virtualizes a register follows its group: FMO for the
 * group 0 registers, IMO for group 1, either for CTLR, PMR, RPR and DIR. At
 * EL1 with IMO or FMO set, SGI generation traps to EL2, as do the ICH_HCR_EL2
 * TC/TALL0/TALL1/TDIR classes.
 */
final class GicV3SystemRegisters {
    /** ICC_CTLR_EL1 constant fields: PRIbits = 4 (5 bits), IDbits = 0 (16 bits), A3V. */
    static final long CTLR_FIXED = 4 << 8 | 1 << 15;
    static final long CTLR_CBPR = 1;
    static final long CTLR_EOIMODE = 1 << 1;
    /** ICH_VTR_EL2: 4 list registers, TDS, nV4, A3V, 5 preemption and 5 priority bits. */
    static final long VTR = 3 | 1 << 19 | 1 << 20 | 1 << 21 | 4 << 26 | 4L << 29;
    /** ICC_SRE_ELx: the system-register interface is always on (SRE, DFB, DIB; Enable at EL2), RAO/WI. */
    static final long SRE_EL1 = 0x7;
    static final long SRE_EL2 = 0xF;

    private static final long FMO = Hcr.FMO;
    private static final long IMO = Hcr.IMO;
    private static final long EITHER = Hcr.FMO | Hcr.IMO;

    private final GicV3 gic;

    GicV3SystemRegisters(GicV3 gic) {
        this.gic = gic;
    }

    void registerIn(SystemRegisters t) {
        for (int g = 0; g < 2; g++) {
            registerGroup(t, g);
        }
        icc(t, "ICC_PMR_EL1", 4, 6, 0, EITHER, VirtualCpuInterface.HCR_TC,
                CpuInterface::priorityMask, CpuInterface::setPriorityMask);
        icc(t, "ICC_CTLR_EL1", 12, 12, 4, EITHER, VirtualCpuInterface.HCR_TC,
                GicV3SystemRegisters::ctlr, GicV3SystemRegisters::setCtlr);
        icc(t, "ICC_RPR_EL1", 12, 11, 3, EITHER, VirtualCpuInterface.HCR_TC, CpuInterface::runningPriority, null);
        icc(t, "ICC_DIR_EL1", 12, 11, 1, EITHER, VirtualCpuInterface.HCR_TC | VirtualCpuInterface.HCR_TDIR, null,
                (ci, v) -> ci.deactivate((int) v & 0xFFFFFF));
        sgi(t, "ICC_SGI1R_EL1", 5, 1);
        sgi(t, "ICC_ASGI1R_EL1", 6, 0);
        sgi(t, "ICC_SGI0R_EL1", 7, 0);
        t.register("ICC_SRE_EL1", 3, 0, 12, 12, 5, SystemRegister.of(1, c -> SRE_EL1, (c, v) -> { }));
        t.register("ICC_SRE_EL2", 3, 4, 12, 9, 5, SystemRegister.of(2, c -> SRE_EL2, (c, v) -> { }));
        registerHypervisorInterface(t);
    }

    /** IAR, EOIR, HPPIR, BPR, AP0R0/AP1R0 and IGRPEN of group {@code g}. */
    private void registerGroup(SystemRegisters t, int g) {
        long hcr = g == 0 ? FMO : IMO;
        int trap = g == 0 ? VirtualCpuInterface.HCR_TALL0 : VirtualCpuInterface.HCR_TALL1;
        int crm = g == 0 ? 8 : 12;
        boolean g0 = g == 0;
        icc(t, "ICC_IAR" + g + "_EL1", 12, crm, 0, hcr, trap, ci -> ci.acknowledge(g0, !g0), null);
        icc(t, "ICC_EOIR" + g + "_EL1", 12, crm, 1, hcr, trap, null,
                (ci, v) -> ci.endOfInterrupt((int) v & 0xFFFFFF, g));
        icc(t, "ICC_HPPIR" + g + "_EL1", 12, crm, 2, hcr, trap, ci -> ci.highestPending(g0, !g0), null);
        icc(t, "ICC_BPR" + g + "_EL1", 12, crm, 3, hcr, trap, ci -> ci.binaryPoint(g),
                (ci, v) -> ci.setBinaryPoint(g, v));
        icc(t, "ICC_AP" + g + "R0_EL1", 12, g0 ? 8 : 9, g0 ? 4 : 0, hcr, trap, ci -> ci.activePriorities(g),
                (ci, v) -> ci.setActivePriorities(g, v));
        icc(t, "ICC_IGRPEN" + g + "_EL1", 12, 12, 6 + g, hcr, trap, ci -> ci.groupEnabled(g) ? 1 : 0,
                (ci, v) -> ci.setGroupEnabled(g, (v & 1) != 0));
    }

    private void registerHypervisorInterface(SystemRegisters t) {
        ich(t, "ICH_AP0R0_EL2", 8, 0, v -> v.activePriorities(0), (v, x) -> v.setActivePriorities(0, x));
        ich(t, "ICH_AP1R0_EL2", 9, 0, v -> v.activePriorities(1), (v, x) -> v.setActivePriorities(1, x));
        ich(t, "ICH_HCR_EL2", 11, 0, VirtualCpuInterface::hcr, VirtualCpuInterface::setHcr);
        ich(t, "ICH_VTR_EL2", 11, 1, v -> VTR, null);
        ich(t, "ICH_MISR_EL2", 11, 2, VirtualCpuInterface::misr, null);
        ich(t, "ICH_EISR_EL2", 11, 3, VirtualCpuInterface::eisr, null);
        ich(t, "ICH_ELRSR_EL2", 11, 5, VirtualCpuInterface::elrsr, null);
        ich(t, "ICH_VMCR_EL2", 11, 7, VirtualCpuInterface::vmcr, VirtualCpuInterface::setVmcr);
        for (int n = 0; n < VirtualCpuInterface.LIST_REGISTERS; n++) {
            int lr = n;
            ich(t, "ICH_LR" + n + "_EL2", 12 + (n >> 3), n & 7, v -> v.listRegister(lr),
                    (v, x) -> v.setListRegister(lr, x));
        }
    }

    /**
     * An ICC register at (3, 0, crn, crm, op2): the virtual interface when
     * accessed from EL1 with one of {@code hcrBits} set in HCR_EL2, else the
     * physical one; trapped to EL2 from EL1 when ICH_HCR_EL2 has one of
     * {@code trapBits}.
     */
    private void icc(SystemRegisters t, String name, int crn, int crm, int op2, long hcrBits, int trapBits,
            ToLongFunction<CpuInterface> read, ObjLongConsumer<CpuInterface> write) {
        ToLongFunction<Arm64Cpu> getter = read == null ? null : c -> read.applyAsLong(selected(c, hcrBits));
        ObjLongConsumer<Arm64Cpu> setter = write == null ? null : (c, v) -> write.accept(selected(c, hcrBits), v);
        SystemRegister.TrapRule trap = (c, isWrite) ->
                c.el() == 1 && (gic.virtualInterface(c.index()).hcr() & trapBits) != 0 ? 2 : 0;
        t.register(name, 3, 0, crn, crm, op2, new SystemRegister.Accessors(1, 1, getter, setter).trappedBy(trap));
    }

    /** ICC_SGI0R/SGI1R/ASGI1R: write-only; trapped at EL1 when HCR_EL2.IMO or FMO route interrupts to EL2. */
    private void sgi(SystemRegisters t, String name, int op2, int group) {
        SystemRegister.TrapRule trap = (c, isWrite) -> c.el() == 1 && ((c.hcrEl2 & EITHER) != 0
                || (gic.virtualInterface(c.index()).hcr() & VirtualCpuInterface.HCR_TC) != 0) ? 2 : 0;
        t.register(name, 3, 0, 12, 11, op2,
                SystemRegister.operation(1, (c, v) -> gic.generateSgi(c.index(), v, group)).trappedBy(trap));
    }

    private void ich(SystemRegisters t, String name, int crm, int op2, ToLongFunction<VirtualCpuInterface> read,
            ObjLongConsumer<VirtualCpuInterface> write) {
        ToLongFunction<Arm64Cpu> getter = read == null ? null : c -> read.applyAsLong(gic.virtualInterface(c.index()));
        ObjLongConsumer<Arm64Cpu> setter = write == null ? null
                : (c, v) -> write.accept(gic.virtualInterface(c.index()), v);
        t.register(name, 3, 4, 12, crm, op2, new SystemRegister.Accessors(2, 2, getter, setter));
    }

    private CpuInterface selected(Arm64Cpu c, long hcrBits) {
        return c.el() == 1 && (c.hcrEl2 & hcrBits) != 0 ? gic.virtualInterface(c.index()) : gic.cpuInterface(c.index());
    }

    static long ctlr(CpuInterface ci) {
        return CTLR_FIXED | (ci.commonBinaryPoint() ? CTLR_CBPR : 0) | (ci.eoiMode() ? CTLR_EOIMODE : 0);
    }

    static void setCtlr(CpuInterface ci, long v) {
        ci.setControls((v & CTLR_EOIMODE) != 0, (v & CTLR_CBPR) != 0, false, true);
    }
}
