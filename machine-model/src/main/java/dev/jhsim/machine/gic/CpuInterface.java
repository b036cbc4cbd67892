package dev.jhsim.machine.gic;

/**
 * What physical and virtual CPU interfaces of both GIC versions share: the
 * priority mask, binary points, group enables, EOI mode, active priorities,
 * and the rules that decide whether the highest pending interrupt is
 * signalled, acknowledged, priority-dropped and deactivated. Subclasses say
 * where pending interrupts come from (the distributor, or the list
 * registers), what deactivation does, and which wires they drive.
 *
 * <p>Priorities have 5 implemented bits (32 levels), as on GIC-400, GIC-500
 * and the Cortex-A57 CPU interface; the low 3 bits read as zero.
 */
public abstract class CpuInterface {
    public static final int PRIORITY_MASK = 0xF8;
    public static final int MIN_BPR0 = 2;
    public static final int MIN_BPR1 = 3;
    public static final int SPURIOUS = InterruptState.SPURIOUS;
    /** GICv2 GICC_IAR/HPPIR when the highest pending interrupt is group 1 and AckCtl is clear. */
    public static final int GROUP1_PENDING = 1022;

    // Package-private so that a register holding several of them (ICH_VMCR_EL2) sets them at once.
    int pmr;
    int bpr0 = MIN_BPR0;
    int bpr1 = MIN_BPR1;
    boolean cbpr;
    boolean eoiMode;
    boolean ackCtl;
    boolean group0Enabled;
    boolean group1Enabled;
    /** Group 0 is signalled as FIQ (always in GICv3, when FIQEn is set in GICv2). */
    boolean fiqForGroup0;
    final ActivePriorities activePriorities = new ActivePriorities();

    /** The highest pending interrupt found by {@link #selectHighestPending()}, or {@link #SPURIOUS}. */
    int hpId = SPURIOUS;
    int hpPriority;
    int hpGroup;
    private boolean irqOut;
    private boolean fiqOut;

    CpuInterface(boolean fiqForGroup0) {
        this.fiqForGroup0 = fiqForGroup0;
    }

    /** Sets {@link #hpId}, {@link #hpPriority} and {@link #hpGroup} among pending interrupts of enabled groups. */
    abstract void selectHighestPending();

    /** Makes the selected interrupt active at its source; returns the value the IAR reads. */
    abstract int activateSelected();

    /** Deactivates interrupt {@code id} at its source (EOI in EOImode 0, or DIR). */
    abstract void deactivateInterrupt(int id);

    /** Whether the interface may signal at all (the virtual one needs its hypervisor's enable). */
    abstract boolean signalling();

    /** Drives the interrupt outputs (called only when they change). */
    abstract void drive(boolean irq, boolean fiq);

    // ---- operations ----

    /**
     * Reads IAR for the given groups: acknowledges the highest pending
     * interrupt if it belongs to one of them and may be signalled, else
     * returns {@link #SPURIOUS}.
     */
    public final int acknowledge(boolean group0, boolean group1) {
        selectHighestPending();
        if (hpId == SPURIOUS || !(hpGroup == 0 ? group0 : group1) || !canSignalSelected()) {
            return SPURIOUS;
        }
        activePriorities.activate(hpPriority & groupPriorityMask(hpGroup), hpGroup);
        int value = activateSelected();
        update();
        return value;
    }

    /** HPPIR for the given groups: the highest pending interrupt's ID, or {@link #SPURIOUS}. */
    public final int highestPending(boolean group0, boolean group1) {
        selectHighestPending();
        return hpId != SPURIOUS && (hpGroup == 0 ? group0 : group1) ? hpId : SPURIOUS;
    }

    /** The group of the highest pending interrupt, or -1 when none is pending. */
    public final int highestPendingGroup() {
        selectHighestPending();
        return hpId == SPURIOUS ? -1 : hpGroup;
    }

    /**
     * EOIR: drops the running priority if it belongs to {@code group} (or to
     * either, for a negative group) and, in EOImode 0, deactivates {@code id}.
     */
    public final void endOfInterrupt(int id, int group) {
        if (id >= 1020) {
            return;
        }
        int highest = activePriorities.highestGroup();
        if (highest < 0 || (group >= 0 && highest != group)) {
            return;
        }
        activePriorities.dropHighest();
        if (!eoiMode) {
            deactivateInterrupt(id);
        }
        update();
    }

    /** DIR: deactivates {@code id}; only meaningful in EOImode 1. */
    public final void deactivate(int id) {
        if (!eoiMode || id >= 1020) {
            return;
        }
        deactivateInterrupt(id);
        update();
    }

    /** RPR. */
    public final int runningPriority() {
        return activePriorities.running();
    }

    /** Recomputes the outputs after anything that may change them. */
    public void update() {
        boolean irq = false;
        boolean fiq = false;
        selectHighestPending();
        if (hpId != SPURIOUS && canSignalSelected()) {
            if (hpGroup == 0 && fiqForGroup0) {
                fiq = true;
            } else {
                irq = true;
            }
        }
        if (irq != irqOut || fiq != fiqOut) {
            irqOut = irq;
            fiqOut = fiq;
            drive(irq, fiq);
        }
    }

    private boolean canSignalSelected() {
        if (!signalling() || !groupEnabled(hpGroup) || hpPriority >= pmr) {
            return false;
        }
        int running = activePriorities.running();
        int mask = groupPriorityMask(hpGroup);
        return running == ActivePriorities.IDLE || (hpPriority & mask) < (running & mask);
    }

    /** The bits of a priority that count for preemption, from the binary point of its group. */
    final int groupPriorityMask(int group) {
        int shift = group == 0 || cbpr ? bpr0 + 1 : bpr1;
        return (0xFF << shift) & 0xFF;
    }

    // ---- controls ----

    public final int priorityMask() {
        return pmr;
    }

    public final void setPriorityMask(long value) {
        pmr = (int) value & PRIORITY_MASK;
        update();
    }

    public final int binaryPoint(int group) {
        if (group == 1 && cbpr) {
            return Math.min(bpr0 + 1, 7);
        }
        return group == 0 ? bpr0 : bpr1;
    }

    /** Writes below the minimum set the minimum; BPR1 ignores writes while CBPR is set. */
    public final void setBinaryPoint(int group, long value) {
        int v = (int) value & 7;
        if (group == 0) {
            bpr0 = Math.max(v, MIN_BPR0);
        } else if (!cbpr) {
            bpr1 = Math.max(v, MIN_BPR1);
        }
        update();
    }

    public final boolean groupEnabled(int group) {
        return group == 0 ? group0Enabled : group1Enabled;
    }

    public void setGroupEnabled(int group, boolean on) {
        if (group == 0) {
            group0Enabled = on;
        } else {
            group1Enabled = on;
        }
        update();
    }

    public final boolean eoiMode() {
        return eoiMode;
    }

    public final boolean commonBinaryPoint() {
        return cbpr;
    }

    public final boolean ackCtl() {
        return ackCtl;
    }

    public final boolean fiqForGroup0() {
        return fiqForGroup0;
    }

    /** The mode bits of the control register: EOImode, CBPR and (GICv2) AckCtl, FIQEn. */
    public final void setControls(boolean eoiMode, boolean cbpr, boolean ackCtl, boolean fiqForGroup0) {
        this.eoiMode = eoiMode;
        this.cbpr = cbpr;
        this.ackCtl = ackCtl;
        this.fiqForGroup0 = fiqForGroup0;
        update();
    }

    /** Active priorities of one group (ICC_AP0R0/AP1R0, ICH_AP0R0/AP1R0, GICC_APR0/NSAPR0). */
    public final long activePriorities(int group) {
        return activePriorities.of(group) & 0xFFFFFFFFL;
    }

    public final void setActivePriorities(int group, long value) {
        activePriorities.setOf(group, value);
        update();
    }

    /** Active priorities of both groups together (GICV_APR, GICH_APR). */
    public final long allActivePriorities() {
        return activePriorities.all() & 0xFFFFFFFFL;
    }

    public final void setAllActivePriorities(long value) {
        activePriorities.setAll(value);
        update();
    }
}
