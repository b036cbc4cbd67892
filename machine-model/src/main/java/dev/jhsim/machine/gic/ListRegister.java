package dev.jhsim.machine.gic;

/**
 * One list register of a virtual CPU interface, decoded: the virtual
 * interrupt a hypervisor put there, its state, and, for hardware interrupts,
 * the physical interrupt that deactivating it deactivates too. It converts
 * to and from the two architectural encodings, ICH_LR&lt;n&gt;_EL2 (GICv3)
 * and GICH_LR&lt;n&gt; (GICv2).
 */
public final class ListRegister {
    public static final int INVALID = 0;
    public static final int PENDING = 1;
    public static final int ACTIVE = 2;
    public static final int PENDING_ACTIVE = 3;

    int state;
    boolean hw;
    int group;
    int priority;
    int virtualId;
    /** pINTID when {@link #hw}. */
    int physicalId;
    /** EOI: ask for a maintenance interrupt when deactivated (only without {@link #hw}). */
    boolean eoiMaintenance;
    /** GICv2 CPUID: the requester of a virtual SGI, returned by GICV_IAR. */
    int sourceCpu;

    public int state() {
        return state;
    }

    public int virtualId() {
        return virtualId;
    }

    /** ELRSR: holds nothing and asks for nothing. */
    boolean empty() {
        return state == INVALID && (hw || !eoiMaintenance);
    }

    /** EISR: deactivated, with its EOI maintenance request still there. */
    boolean eoiSignalled() {
        return state == INVALID && !hw && eoiMaintenance;
    }

    /** What the virtual IAR reads when this entry is acknowledged. */
    int acknowledgeValue() {
        return virtualId < 16 && !hw ? virtualId | sourceCpu << 10 : virtualId;
    }

    // ---- ICH_LR<n>_EL2: vINTID[31:0] (16 bits implemented), pINTID[44:32] or EOI[41],
    //      Priority[55:48], Group[60], HW[61], State[63:62] ----

    long toIch() {
        long v = virtualId | (long) priority << 48 | (long) group << 60 | (long) state << 62;
        if (hw) {
            return v | 1L << 61 | (long) physicalId << 32;
        }
        return eoiMaintenance ? v | 1L << 41 : v;
    }

    void setIch(long v) {
        virtualId = (int) v & 0xFFFF;
        priority = (int) (v >>> 48) & CpuInterface.PRIORITY_MASK;
        group = (int) (v >>> 60) & 1;
        hw = (v & 1L << 61) != 0;
        state = (int) (v >>> 62);
        physicalId = hw ? (int) (v >>> 32) & 0x1FFF : 0;
        eoiMaintenance = !hw && (v & 1L << 41) != 0;
        sourceCpu = 0;
    }

    // ---- GICH_LR<n>: VirtualID[9:0], PhysicalID[19:10] or EOI[19] and CPUID[12:10],
    //      Priority[27:23] (5 bits), State[29:28], Grp1[30], HW[31] ----

    int toGich() {
        int v = virtualId | (priority >>> 3) << 23 | state << 28 | group << 30;
        if (hw) {
            return v | 1 << 31 | physicalId << 10;
        }
        return v | sourceCpu << 10 | (eoiMaintenance ? 1 << 19 : 0);
    }

    void setGich(long v) {
        virtualId = (int) v & 0x3FF;
        priority = ((int) (v >>> 23) & 0x1F) << 3;
        state = (int) (v >>> 28) & 3;
        group = (int) (v >>> 30) & 1;
        hw = (v & 1L << 31) != 0;
        physicalId = hw ? (int) (v >>> 10) & 0x3FF : 0;
        eoiMaintenance = !hw && (v & 1L << 19) != 0;
        sourceCpu = hw ? 0 : (int) (v >>> 10) & 7;
    }
}
