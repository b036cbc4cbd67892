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
    }
}
