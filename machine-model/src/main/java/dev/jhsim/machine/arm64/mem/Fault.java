package dev.jhsim.machine.arm64.mem;

/**
 * The last memory fault of a CPU, as data: the executor checks {@link #kind}
 * after an access instead of catching anything. One instance per MMU, reused.
 */
public final class Fault {
    public static final int NONE = 0;
    /** Nothing answers at the physical address: external abort. */
    public static final int EXTERNAL = 1;
    /** The access is not naturally aligned where it must be. */
    public static final int ALIGNMENT = 2;
    /** A translation table walk failed (set by translations). */
    public static final int TRANSLATION = 3;
    /** The mapping forbids the access (set by translations). */
    public static final int PERMISSION = 4;
    /** The descriptor's access flag is clear (set by translations). */
    public static final int ACCESS_FLAG = 5;
    /** Nothing answers where a translation table walk reads a descriptor. */
    public static final int EXTERNAL_WALK = 6;

    public int kind;
    public long va;
    public boolean write;
    public boolean fetch;
    /** Table level of a translation or permission fault. */
    public int level;
    /** Set for stage-2 faults, with the faulting intermediate physical address. */
    public boolean stage2;
    public long ipa;
    /** A stage-2 fault on a descriptor read of the stage-1 walk. */
    public boolean s1ptw;

    public void set(int kind, long va, int access) {
        this.kind = kind;
        this.va = va;
        this.write = access == Translation.WRITE;
        this.fetch = access == Translation.FETCH;
        this.level = 0;
        this.stage2 = false;
        this.ipa = 0;
        this.s1ptw = false;
    }

    /** The architectural fault status code (DFSC/IFSC). */
    public int statusCode() {
        return switch (kind) {
            case ALIGNMENT -> 0x21;
            case TRANSLATION -> 0x04 | level;
            case PERMISSION -> 0x0C | level;
            case ACCESS_FLAG -> 0x08 | level;
            case EXTERNAL_WALK -> 0x14 | level;
            default -> 0x10;
        };
    }
}
