package dev.jhsim.machine.gic;

/**
 * GICv2's record of which CPUs asked for each pending SGI: an SGI stays
 * pending on its target until every requester has been acknowledged, and
 * GICC_IAR names the requester it acknowledges (GICD_SPENDSGIR/CPENDSGIR
 * show and change the same record).
 */
final class SgiSources {
    private final InterruptState state;
    /** [target CPU][SGI]: one bit per source CPU. */
    private final int[][] sources;

    SgiSources(InterruptState state) {
        this.state = state;
        this.sources = new int[state.cpus][16];
    }

    void generate(int source, int target, int sgi) {
        sources[target][sgi] |= 1 << source;
        syncPending(target);
    }

    /** Takes the lowest-numbered requester of a pending SGI being acknowledged. */
    int takeLowest(int cpu, int sgi) {
        int src = Integer.numberOfTrailingZeros(sources[cpu][sgi]) & 7;
        sources[cpu][sgi] &= ~(1 << src);
        state.latched.set(cpu, sgi, sources[cpu][sgi] != 0);
        return src;
    }

    /** SPENDSGIR/CPENDSGIR{@code n}: one byte of sources per SGI, SGIs 4n..4n+3. */
    int register(int cpu, int n) {
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = v << 8 | sources[cpu][4 * n + i];
        }
        return v;
    }

    void update(int cpu, int n, long value, boolean set) {
        int validSources = (1 << state.cpus) - 1;
        for (int i = 0; i < 4; i++) {
            int bits = (int) (value >>> (8 * i)) & validSources;
            int sgi = 4 * n + i;
            sources[cpu][sgi] = set ? sources[cpu][sgi] | bits : sources[cpu][sgi] & ~bits;
        }
        syncPending(cpu);
    }

    private void syncPending(int cpu) {
        int word = state.latched.word(cpu, 0) & ~0xFFFF;
        for (int sgi = 0; sgi < 16; sgi++) {
            if (sources[cpu][sgi] != 0) {
                word |= 1 << sgi;
            }
        }
        state.write(state.latched, cpu, 0, word);
    }
}
