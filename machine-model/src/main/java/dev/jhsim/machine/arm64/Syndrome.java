package dev.jhsim.machine.arm64;

/**
 * The description of the exception being taken, filled in by the CPU before it
 * calls its {@link ExceptionRouter}. One instance per CPU, reused, so taking an
 * exception allocates nothing.
 */
public final class Syndrome {
    /** Exception classes (ESR_ELx.EC) the core raises. */
    public static final int EC_UNKNOWN = 0x00;
    public static final int EC_WFX = 0x01;
    public static final int EC_ILLEGAL_STATE = 0x0E;
    public static final int EC_SVC64 = 0x15;
    public static final int EC_HVC64 = 0x16;
    public static final int EC_SMC64 = 0x17;
    public static final int EC_SYSREG = 0x18;
    public static final int EC_IABT_LOWER = 0x20;
    public static final int EC_IABT_SAME = 0x21;
    public static final int EC_PC_ALIGN = 0x22;
    public static final int EC_DABT_LOWER = 0x24;
    public static final int EC_DABT_SAME = 0x25;
    public static final int EC_SP_ALIGN = 0x26;
    public static final int EC_SERROR = 0x2F;
    public static final int EC_BRK = 0x3C;

    /** Fault status codes (DFSC/IFSC). */
    public static final int FSC_EXTERNAL = 0x10;
    public static final int FSC_ALIGNMENT = 0x21;

    /** Kinds of exception, which select the vector. */
    public enum Kind { SYNC, IRQ, FIQ, SERROR }

    public Kind kind = Kind.SYNC;
    /**
     * Where the architecture takes it: 1 (EL1), 2 (a trap or interrupt routed
     * to EL2) or 3 (an SMC that firmware answers).
     */
    public int targetEl = 1;
    /** ESR_ELx.EC. */
    public int ec;
    /** ESR_ELx.ISS. */
    public int iss;
    /** ESR_ELx.IL: 32-bit instruction. */
    public boolean il = true;
    /** Faulting virtual address (FAR_ELx), valid for aborts. */
    public long far;
    /** Faulting intermediate physical address (for HPFAR_EL2), valid for stage-2 aborts. */
    public long ipa;
    /** Address of the instruction that caused the exception. */
    public long pc;
    /** The preferred return address (ELR_ELx). */
    public long returnPc;
    /** The raw encoding, for reporting undefined instructions. */
    public int encoding;

    /**
     * The ISS of a trapped MSR, MRS or SYS (EC 0x18): Op0, Op2, Op1, CRn, Rt,
     * CRm and the direction (1 = read), from the system-register table key.
     */
    public static int systemAccessIss(int key, int rt, boolean read) {
        int op0 = key >>> 14;
        int op1 = (key >>> 11) & 7;
        int crn = (key >>> 7) & 15;
        int crm = (key >>> 3) & 15;
        int op2 = key & 7;
        return op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | (read ? 1 : 0);
    }

    /** ESR_ELx as the architecture packs it. */
    public long esr() {
        return ((long) ec << 26) | (il ? 1L << 25 : 0) | (iss & 0x1FFFFFFL);
    }

    @Override
    public String toString() {
        return String.format("%s to EL%d EC=0x%02x ISS=0x%07x FAR=0x%x PC=0x%x", kind, targetEl, ec, iss, far, pc);
    }
}
