package dev.jhsim.machine.gic;

/**
 * The active priorities of a CPU interface (ICC_AP0R/AP1R, GICC_APR,
 * ICH_AP0R/AP1R, GICH_APR): one bit per preemption level that has an
 * interrupt acknowledged and not yet priority-dropped, and for each such
 * bit, the group of that interrupt. With 5 bits of preemption, level
 * {@code n} is group priority {@code n << 3}. A level holds at most one
 * interrupt because only a higher priority preempts.
 */
final class ActivePriorities {
    static final int IDLE = 0xFF;

    private int active;
    private int group1;

    void activate(int groupPriority, int grp) {
        int bit = 1 << (groupPriority >>> 3);
        active |= bit;
        group1 = grp == 1 ? group1 | bit : group1 & ~bit;
    }

    /** The running priority: the highest active one, or idle. */
    int running() {
        return active == 0 ? IDLE : Integer.numberOfTrailingZeros(active) << 3;
    }

    /** The group of the highest active priority, or -1 when none is active. */
    int highestGroup() {
        return active == 0 ? -1 : (group1 & Integer.lowestOneBit(active)) != 0 ? 1 : 0;
    }

    /** Priority drop: the highest active priority becomes inactive. */
    void dropHighest() {
        active &= active - 1;
    }

    /** The bits of one group, as ICC_AP0R0/AP1R0 read. */
    int of(int grp) {
        return active & (grp == 1 ? group1 : ~group1);
    }

    void setOf(int grp, long value) {
        int mine = (int) value;
        active = (active & ~of(grp)) | mine;
        group1 = grp == 1 ? group1 | mine : group1 & ~mine;
    }

    /** Both groups together, as GICH_APR reads them. */
    int all() {
        return active;
    }

    void setAll(long value) {
        active = (int) value;
        group1 = 0;
    }
}
