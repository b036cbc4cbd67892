package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.irq.InterruptLine;

/**
 * The virtualization interface of one core: the list registers and controls
 * a hypervisor programs (ICH_*_EL2 in GICv3, GICH in GICv2) and the virtual
 * CPU interface the guest sees through them (ICV_* behind ICC_* at EL1, or
 * GICV). It drives the core's virtual IRQ/FIQ inputs and the maintenance
 * interrupt, a PPI of the physical GIC.
 *
 * <p>The control, status and list-register values read and written here are
 * in the architectural encoding of the GIC version (the control, status and
 * VMCR layouts coincide in both versions; list registers do not).
 */
public final class VirtualCpuInterface extends CpuInterface {
    public static final int LIST_REGISTERS = 4;

    public static final int HCR_EN = 1;
    public static final int HCR_UIE = 1 << 1;
    public static final int HCR_LRENPIE = 1 << 2;
    public static final int HCR_NPIE = 1 << 3;
    public static final int HCR_VGRP0EIE = 1 << 4;
    public static final int HCR_VGRP0DIE = 1 << 5;
    public static final int HCR_VGRP1EIE = 1 << 6;
    public static final int HCR_VGRP1DIE = 1 << 7;
    /** GICv3 only: trap ICV_* common, group 0, group 1 registers, and ICV_DIR, to EL2. */
    public static final int HCR_TC = 1 << 10;
    public static final int HCR_TALL0 = 1 << 11;
    public static final int HCR_TALL1 = 1 << 12;
    public static final int HCR_TSEI = 1 << 13;
    public static final int HCR_TDIR = 1 << 14;
    public static final int HCR_EOICOUNT_SHIFT = 27;
    private static final int HCR_EOICOUNT = 0x1F << HCR_EOICOUNT_SHIFT;
    private static final int HCR_COMMON = 0xFF | HCR_EOICOUNT;
    private static final int HCR_TRAPS = HCR_TC | HCR_TALL0 | HCR_TALL1 | HCR_TSEI | HCR_TDIR;

    public static final int MISR_EOI = 1;
    public static final int MISR_U = 1 << 1;
    public static final int MISR_LRENP = 1 << 2;
    public static final int MISR_NP = 1 << 3;
    public static final int MISR_VGRP0E = 1 << 4;
    public static final int MISR_VGRP0D = 1 << 5;
    public static final int MISR_VGRP1E = 1 << 6;
    public static final int MISR_VGRP1D = 1 << 7;

    private final boolean gicv3;
    private final ListRegister[] listRegisters = new ListRegister[LIST_REGISTERS];
    private final PhysicalCpuInterface physical;
    private final Arm64Cpu core;
    private final InterruptLine maintenance;
    private int hcr;
    private int selected;

    VirtualCpuInterface(boolean gicv3, PhysicalCpuInterface physical, Arm64Cpu core, InterruptLine maintenance) {
        super(gicv3);
        this.gicv3 = gicv3;
        this.physical = physical;
        this.core = core;
        this.maintenance = maintenance;
        for (int i = 0; i < LIST_REGISTERS; i++) {
            listRegisters[i] = new ListRegister();
        }
    }

    // ---- hypervisor side ----

    public int hcr() {
        return hcr;
    }

    public void setHcr(long value) {
        hcr = (int) value & (gicv3 ? HCR_COMMON | HCR_TRAPS : HCR_COMMON);
        update();
    }

    /** List register {@code n} in this GIC version's encoding. */
    public long listRegister(int n) {
        return gicv3 ? listRegisters[n].toIch() : listRegisters[n].toGich() & 0xFFFFFFFFL;
    }

    public void setListRegister(int n, long value) {
        if (gicv3) {
            listRegisters[n].setIch(value);
        } else {
            listRegisters[n].setGich(value);
        }
        update();
    }

    /**
     * ICH_VMCR_EL2 / GICH_VMCR: group enables [1:0], AckCtl [2] and FIQEn [3]
     * (GICv2; RES0 and RES1 in GICv3), CBPR [4], EOImode [9], BPR1 [20:18],
     * BPR0 [23:21], priority mask [31:24] (5 bits implemented, [31:27]).
     */
    public long vmcr() {
        return (group0Enabled ? 1 : 0) | (group1Enabled ? 2 : 0) | (ackCtl ? 4 : 0) | (fiqForGroup0 ? 8 : 0)
                | (cbpr ? 16 : 0) | (eoiMode ? 1 << 9 : 0) | bpr1 << 18 | bpr0 << 21 | (long) pmr << 24;
    }

    public void setVmcr(long v) {
        group0Enabled = (v & 1) != 0;
        group1Enabled = (v & 2) != 0;
        ackCtl = !gicv3 && (v & 4) != 0;
        fiqForGroup0 = gicv3 || (v & 8) != 0;
        cbpr = (v & 16) != 0;
        eoiMode = (v & 1 << 9) != 0;
        bpr1 = Math.max((int) (v >>> 18) & 7, MIN_BPR1);
        bpr0 = Math.max((int) (v >>> 21) & 7, MIN_BPR0);
        pmr = (int) (v >>> 24) & PRIORITY_MASK;
        update();
    }

    /** ICH_MISR_EL2 / GICH_MISR: the maintenance interrupt conditions that hold now. */
    public int misr() {
        int valid = 0;
        boolean pending = false;
        for (ListRegister lr : listRegisters) {
            valid += lr.state != ListRegister.INVALID ? 1 : 0;
            pending |= lr.state == ListRegister.PENDING;
        }
        int m = eisr() != 0 ? MISR_EOI : 0;
        m |= (hcr & HCR_UIE) != 0 && valid < 2 ? MISR_U : 0;
        m |= (hcr & HCR_LRENPIE) != 0 && (hcr & HCR_EOICOUNT) != 0 ? MISR_LRENP : 0;
        m |= (hcr & HCR_NPIE) != 0 && !pending ? MISR_NP : 0;
        m |= (hcr & HCR_VGRP0EIE) != 0 && group0Enabled ? MISR_VGRP0E : 0;
        m |= (hcr & HCR_VGRP0DIE) != 0 && !group0Enabled ? MISR_VGRP0D : 0;
        m |= (hcr & HCR_VGRP1EIE) != 0 && group1Enabled ? MISR_VGRP1E : 0;
        m |= (hcr & HCR_VGRP1DIE) != 0 && !group1Enabled ? MISR_VGRP1D : 0;
        return m;
    }

    /** ICH_EISR_EL2 / GICH_EISR0: entries deactivated with an EOI maintenance request. */
    public int eisr() {
        int bits = 0;
        for (int i = 0; i < LIST_REGISTERS; i++) {
            bits |= listRegisters[i].eoiSignalled() ? 1 << i : 0;
        }
        return bits;
    }

    /** ICH_ELRSR_EL2 / GICH_ELRSR0: entries free for a new interrupt. */
    public int elrsr() {
        int bits = 0;
        for (int i = 0; i < LIST_REGISTERS; i++) {
            bits |= listRegisters[i].empty() ? 1 << i : 0;
        }
        return bits;
    }

    // ---- guest side ----

    @Override
    void selectHighestPending() {
        int best = -1;
        int bestPriority = 0x100;
        for (int i = 0; i < LIST_REGISTERS; i++) {
            ListRegister lr = listRegisters[i];
            if (lr.state == ListRegister.PENDING && groupEnabled(lr.group) && lr.priority < bestPriority) {
                best = i;
                bestPriority = lr.priority;
            }
        }
        selected = best;
        hpId = best < 0 ? SPURIOUS : listRegisters[best].virtualId;
        hpPriority = bestPriority;
        hpGroup = best < 0 ? 0 : listRegisters[best].group;
    }

    @Override
    int activateSelected() {
        ListRegister lr = listRegisters[selected];
        lr.state = ListRegister.ACTIVE;
        return lr.acknowledgeValue();
    }

    /** Deactivates the active entry for {@code id}, and its physical interrupt when linked; else counts an EOI. */
    @Override
    void deactivateInterrupt(int id) {
        for (ListRegister lr : listRegisters) {
            if ((lr.state & ListRegister.ACTIVE) != 0 && lr.virtualId == id) {
                if (lr.hw && lr.physicalId < 1020) {
                    physical.deactivateInterrupt(lr.physicalId);
                }
                lr.state &= ~ListRegister.ACTIVE;
                return;
            }
        }
        int count = ((hcr >>> HCR_EOICOUNT_SHIFT) + 1) & 0x1F;
        hcr = hcr & ~HCR_EOICOUNT | count << HCR_EOICOUNT_SHIFT;
    }

    @Override
    boolean signalling() {
        return (hcr & HCR_EN) != 0;
    }

    @Override
    public void update() {
        super.update();
        maintenance.set(signalling() && misr() != 0);
    }

    @Override
    void drive(boolean irq, boolean fiq) {
        core.setVirtualInterruptLines(irq, fiq);
    }
}
