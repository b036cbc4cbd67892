package dev.jhsim.machine.gic;

import dev.jhsim.machine.device.RegisterMap;

/**
 * The GICv2 CPU interface register layout, over the physical interface of
 * one CPU (GICC) or over its virtual interface (GICV, which has the same
 * layout). Without the Security extension, GICC_IAR acknowledges group 0,
 * and group 1 only when AckCtl is set (else it reads 1022); GICC_AIAR
 * acknowledges group 1. For SGIs the IAR also names the requesting CPU.
 */
final class GicV2CpuInterfaceFrame {
    /** GIC-400: product 0x020, architecture version 2, revision 1, Arm. */
    static final long IIDR = 0x0202143B;
    static final int CTLR_ENABLE_GRP0 = 1;
    static final int CTLR_ENABLE_GRP1 = 1 << 1;
    static final int CTLR_ACK_CTL = 1 << 2;
    static final int CTLR_FIQ_EN = 1 << 3;
    static final int CTLR_CBPR = 1 << 4;
    static final int CTLR_EOIMODE = 1 << 9;
    private static final long DIR = 0x1000;

    private GicV2CpuInterfaceFrame() {
    }

    /** {@code virtualFrame}: GICV, where APR holds both groups and NSAPR does not exist. */
    static RegisterMap create(CpuInterface ci, long size, boolean virtualFrame) {
        RegisterMap map = new RegisterMap(size);
        map.reg32(0x00, () -> ctlr(ci), v -> setCtlr(ci, v));
        map.reg32(0x04, ci::priorityMask, ci::setPriorityMask);
        map.reg32(0x08, () -> ci.binaryPoint(0), v -> ci.setBinaryPoint(0, v));
        map.reg32(0x0C, () -> acknowledge(ci));
        map.reg32(0x10, () -> 0, v -> ci.endOfInterrupt((int) v & 0x3FF, -1));
        map.reg32(0x14, ci::runningPriority);
        map.reg32(0x18, () -> highestPending(ci));
        map.reg32(0x1C, () -> ci.binaryPoint(1), v -> ci.setBinaryPoint(1, v));
        map.reg32(0x20, () -> ci.acknowledge(false, true));
        map.reg32(0x24, () -> 0, v -> ci.endOfInterrupt((int) v & 0x3FF, -1));
        map.reg32(0x28, () -> ci.highestPending(false, true));
        if (virtualFrame) {
            map.reg32(0xD0, ci::allActivePriorities, ci::setAllActivePriorities);
        } else {
            map.reg32(0xD0, () -> ci.activePriorities(0), v -> ci.setActivePriorities(0, v));
            map.reg32(0xE0, () -> ci.activePriorities(1), v -> ci.setActivePriorities(1, v));
        }
        map.reg32(0xFC, () -> IIDR);
        map.reg32(DIR, () -> 0, v -> ci.deactivate((int) v & 0x3FF));
        return map;
    }

    private static int acknowledge(CpuInterface ci) {
        if (ci.highestPendingGroup() == 1 && !ci.ackCtl()) {
            return CpuInterface.GROUP1_PENDING;
        }
        return ci.acknowledge(true, ci.ackCtl());
    }

    private static int highestPending(CpuInterface ci) {
        if (ci.highestPendingGroup() == 1 && !ci.ackCtl()) {
            return CpuInterface.GROUP1_PENDING;
        }
        return ci.highestPending(true, ci.ackCtl());
    }

    private static long ctlr(CpuInterface ci) {
        return (ci.groupEnabled(0) ? CTLR_ENABLE_GRP0 : 0) | (ci.groupEnabled(1) ? CTLR_ENABLE_GRP1 : 0)
                | (ci.ackCtl() ? CTLR_ACK_CTL : 0) | (ci.fiqForGroup0() ? CTLR_FIQ_EN : 0)
                | (ci.commonBinaryPoint() ? CTLR_CBPR : 0) | (ci.eoiMode() ? CTLR_EOIMODE : 0);
    }

    private static void setCtlr(CpuInterface ci, long v) {
        ci.setGroupEnabled(0, (v & CTLR_ENABLE_GRP0) != 0);
        ci.setGroupEnabled(1, (v & CTLR_ENABLE_GRP1) != 0);
        ci.setControls((v & CTLR_EOIMODE) != 0, (v & CTLR_CBPR) != 0, (v & CTLR_ACK_CTL) != 0,
                (v & CTLR_FIQ_EN) != 0);
    }
}
