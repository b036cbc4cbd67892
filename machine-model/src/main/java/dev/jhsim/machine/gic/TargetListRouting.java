package dev.jhsim.machine.gic;

/**
 * GICv2 SPI routing by GICD_ITARGETSR: each SPI has a byte of target CPUs
 * and is pending on every one of them; the first to acknowledge it takes it.
 */
final class TargetListRouting implements InterruptState.SpiRouting {
    private final InterruptState state;
    private final byte[] targets;
    /** [cpu][word]: SPIs that list that CPU. */
    private final int[][] routed;

    TargetListRouting(InterruptState state) {
        this.state = state;
        this.targets = new byte[state.lines];
        this.routed = new int[state.cpus][state.words];
    }

    @Override
    public int targets(int cpu, int w) {
        return routed[cpu][w];
    }

    /** ITARGETSR{@code n} (n &ge; 8): the target bytes of SPIs 4n..4n+3. */
    int register(int n) {
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = v << 8 | targets[4 * n + i] & 0xFF;
        }
        return v;
    }

    void setRegister(int n, long value) {
        int cpuMask = (1 << state.cpus) - 1;
        for (int i = 0; i < 4; i++) {
            int id = 4 * n + i;
            targets[id] = (byte) ((value >>> (8 * i)) & cpuMask);
            int bit = 1 << id;
            for (int c = 0; c < state.cpus; c++) {
                int[] words = routed[c];
                words[id >>> 5] = (targets[id] & 1 << c) != 0 ? words[id >>> 5] | bit : words[id >>> 5] & ~bit;
            }
        }
        state.routingChanged();
    }
}
