package dev.jhsim.machine.arm64.el2;

/**
 * Fields of an ESR_EL2 value (exception syndrome), as the architecture packs
 * them, for handlers that decode traps.
 */
public final class Esr {
    /** Exception classes routed to EL2. */
    public static final int EC_WFX = 0x01;
    public static final int EC_HVC = 0x16;
    public static final int EC_SMC = 0x17;
    public static final int EC_SYSREG = 0x18;
    public static final int EC_IABT_LOWER = 0x20;
    public static final int EC_DABT_LOWER = 0x24;

    private Esr() {
    }

    public static int ec(long esr) {
        return (int) (esr >>> 26) & 0x3F;
    }

    public static int iss(long esr) {
        return (int) esr & 0x1FF_FFFF;
    }

    /** HVC, SMC: the instruction's immediate. */
    public static int immediate(long esr) {
        return (int) esr & 0xFFFF;
    }

    // ---- data and instruction aborts ----

    /** ISV: the access fields below are valid (single-register loads and stores). */
    public static boolean isv(long esr) {
        return (esr & (1 << 24)) != 0;
    }

    /** SAS as a size in bytes: 1, 2, 4, 8. */
    public static int accessSize(long esr) {
        return 1 << ((esr >>> 22) & 3);
    }

    /** SSE: the load sign-extends. */
    public static boolean signExtend(long esr) {
        return (esr & (1 << 21)) != 0;
    }

    /** SRT: the transfer register (31 is XZR). */
    public static int transferRegister(long esr) {
        return (int) (esr >>> 16) & 31;
    }

    /** SF: the transfer register is 64 bits wide (else a W register). */
    public static boolean sixtyFourBit(long esr) {
        return (esr & (1 << 15)) != 0;
    }

    /** WnR: the abort was on a write. */
    public static boolean write(long esr) {
        return (esr & (1 << 6)) != 0;
    }

    // ---- trapped system register accesses (EC 0x18) ----

    /** The accessed register's key in the system-register table (op0, op1, CRn, CRm, op2). */
    public static int systemRegisterKey(long esr) {
        int op0 = (int) (esr >>> 20) & 3;
        int op2 = (int) (esr >>> 17) & 7;
        int op1 = (int) (esr >>> 14) & 7;
        int crn = (int) (esr >>> 10) & 15;
        int crm = (int) (esr >>> 1) & 15;
        return op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
    }

    /** Rt of the trapped MRS/MSR/SYS (31 is XZR). */
    public static int systemRegisterTransfer(long esr) {
        return (int) (esr >>> 5) & 31;
    }

    /** Direction: MRS (a read) rather than MSR/SYS. */
    public static boolean systemRegisterRead(long esr) {
        return (esr & 1) != 0;
    }
}
