package dev.jhsim.machine.arm64;

/**
 * The EL1 system registers of one CPU that the exception model, the MMU and
 * the system-register table share. Plain fields: the table's accessors and a
 * Java hypervisor read and write them directly; writes that change how
 * addresses translate go through the table, which flushes what depends on them.
 */
public final class El1State {
    /** SCTLR_EL1 as a Cortex-A57 leaves reset (RES1 bits, MMU and caches off, WFI/WFE not trapped). */
    public static final long SCTLR_RESET = 0x00C50838L;

    public long sctlr = SCTLR_RESET;
    public long actlr;
    public long cpacr;
    public long ttbr0;
    public long ttbr1;
    public long tcr;
    public long mair;
    public long amair;
    public long vbar;
    public long esr;
    public long far;
    public long afsr0;
    public long afsr1;
    public long par;
    public long elr;
    public long spsr;
    public long contextidr;
    public long cntkctl;
    public long mdscr;
    public long osdlr;
    public long csselr;
    /** The OS lock, set at cold reset, cleared by writing 0 to OSLAR_EL1. */
    public boolean osLocked = true;

    /** The reset values. */
    public void reset() {
        sctlr = SCTLR_RESET;
        actlr = 0;
        cpacr = 0;
        ttbr0 = 0;
        ttbr1 = 0;
        tcr = 0;
        mair = 0;
        amair = 0;
        vbar = 0;
        esr = 0;
        far = 0;
        afsr0 = 0;
        afsr1 = 0;
        par = 0;
        elr = 0;
        spsr = 0;
        contextidr = 0;
        cntkctl = 0;
        mdscr = 0;
        osdlr = 0;
        csselr = 0;
        osLocked = true;
    }

    /**
     * The offset from VBAR_EL1 of the vector for an exception of {@code kind}
     * taken to EL1 from {@code fromEl}: current EL with SP_EL0, current EL with
     * SP_EL1, lower EL (AArch64); then synchronous, IRQ, FIQ, SError.
     */
    public static long vectorOffset(int fromEl, boolean spSel, Syndrome.Kind kind) {
        long base = fromEl == 0 ? 0x400 : spSel ? 0x200 : 0;
        return base + switch (kind) {
            case SYNC -> 0;
            case IRQ -> 0x80;
            case FIQ -> 0x100;
            case SERROR -> 0x180;
        };
    }
}
