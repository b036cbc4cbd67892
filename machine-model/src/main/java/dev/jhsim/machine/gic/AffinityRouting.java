package dev.jhsim.machine.gic;

/**
 * GICv3 SPI routing by GICD_IROUTER&lt;n&gt;: to the one CPU whose affinity
 * matches Aff3.Aff2.Aff1.Aff0, or, with IRM set, to any one participating
 * CPU. This model picks the lowest-numbered CPU whose CPU interface has the
 * interrupt's group enabled, so the choice is deterministic.
 */
final class AffinityRouting implements InterruptState.SpiRouting {
    static final long IRM = 1L << 31;
    private static final long WRITABLE = 0xFF_0000_0000L | IRM | 0xFF_FFFFL;

    /** Whether CPU {@code cpu}'s interface has {@code group} enabled. */
    @FunctionalInterface
    interface Participation {
        boolean enabled(int cpu, int group);
    }

    private final InterruptState state;
    private final int[] affinities;
    private final Participation participation;
    private final long[] irouter;
    /** [cpu][word]: SPIs routed to that CPU by affinity. */
    private final int[][] routed;
    /** [word]: SPIs with IRM set. */
    private final int[] anyCpu;
    /** [group]: the CPU that takes IRM=1 SPIs of that group, or -1. */
    private final int[] anyCpuChoice = {-1, -1};

    /** {@code affinities[cpu]}: Aff3 &lt;&lt; 24 | Aff2 &lt;&lt; 16 | Aff1 &lt;&lt; 8 | Aff0. */
    AffinityRouting(InterruptState state, int[] affinities, Participation participation) {
        this.state = state;
        this.affinities = affinities.clone();
        this.participation = participation;
        this.irouter = new long[state.lines];
        this.routed = new int[state.cpus][state.words];
        this.anyCpu = new int[state.words];
        for (int id = 32; id < state.lines; id++) {
            route(id);
        }
    }

    @Override
    public int targets(int cpu, int w) {
        int g1 = state.group.word(cpu, w);
        int any = anyCpu[w] & ((anyCpuChoice[0] == cpu ? ~g1 : 0) | (anyCpuChoice[1] == cpu ? g1 : 0));
        return routed[cpu][w] | any;
    }

    long irouter(int id) {
        return irouter[id];
    }

    void setIrouter(int id, long value) {
        irouter[id] = value & WRITABLE;
        route(id);
        state.routingChanged();
    }

    /** Re-picks the CPUs for IRM=1 SPIs after a CPU interface enabled or disabled a group. */
    void participationChanged() {
        for (int g = 0; g < 2; g++) {
            anyCpuChoice[g] = -1;
            for (int c = 0; c < state.cpus && anyCpuChoice[g] < 0; c++) {
                if (participation.enabled(c, g)) {
                    anyCpuChoice[g] = c;
                }
            }
        }
        state.routingChanged();
    }

    private void route(int id) {
        int w = id >>> 5;
        int bit = 1 << id;
        for (int[] words : routed) {
            words[w] &= ~bit;
        }
        anyCpu[w] &= ~bit;
        long r = irouter[id];
        if ((r & IRM) != 0) {
            anyCpu[w] |= bit;
            return;
        }
        int affinity = (int) ((r >>> 8) & 0xFF00_0000L) | (int) (r & 0xFF_FFFFL);
        for (int c = 0; c < affinities.length; c++) {
            if (affinities[c] == affinity) {
                routed[c][w] |= bit;
            }
        }
    }
}
