package dev.jhsim.machine.gic;

/**
 * The state of every interrupt of one GIC, whichever version's registers
 * show it: enabled, pending, active, group, priority and trigger mode, with
 * SGIs and PPIs (IDs 0..31) banked per CPU. Pending is what the architecture
 * calls it: latched by an edge, a write or a generated SGI, or held by the
 * asserted line of a level-sensitive interrupt.
 *
 * <p>Every change is reported to the {@link Listener} as the CPU whose
 * private interrupts changed, or {@link #ALL_CPUS} for shared ones, so that
 * the CPU interfaces re-evaluate what they signal.
 */
final class InterruptState {
    static final int ALL_CPUS = -1;
    /** The INTID read when nothing can be acknowledged. */
    static final int SPURIOUS = 1023;

    /** Told which CPU (or {@link #ALL_CPUS}) may see a different highest pending interrupt. */
    @FunctionalInterface
    interface Listener {
        void changed(int cpu);
    }

    /** Which SPIs a CPU may take: the distributor's routing (ITARGETSR or IROUTER). */
    @FunctionalInterface
    interface SpiRouting {
        /** The SPIs of word {@code w} (w &ge; 1) that CPU {@code cpu} may acknowledge. */
        int targets(int cpu, int w);
    }

    final int cpus;
    final int lines;
    final int words;
    final IrqBits enabled;
    final IrqBits latched;
    final IrqBits level;
    final IrqBits edge;
    final IrqBits active;
    final IrqBits group;
    final IrqPriorities priority;
    private final Listener listener;
    private SpiRouting routing;
    private SgiSources sgiSources;
    private boolean group0Forwarded;
    private boolean group1Forwarded;

    InterruptState(int cpus, int lines, Listener listener) {
        this.cpus = cpus;
        this.lines = lines;
        this.words = lines / 32;
        this.listener = listener;
        enabled = new IrqBits(cpus, words);
        latched = new IrqBits(cpus, words);
        level = new IrqBits(cpus, words);
        edge = new IrqBits(cpus, words);
        active = new IrqBits(cpus, words);
        group = new IrqBits(cpus, words);
        priority = new IrqPriorities(cpus, lines);
        for (int c = 0; c < cpus; c++) {
            edge.setWord(c, 0, 0xFFFF);   // SGIs are always edge-triggered
        }
    }

    void setRouting(SpiRouting routing) {
        this.routing = routing;
    }

    /** GICv2 keeps the source CPUs of each pending SGI. */
    void setSgiSources(SgiSources sources) {
        this.sgiSources = sources;
    }

    // ---- what the distributor forwards ----

    boolean forwarded(int grp) {
        return grp == 0 ? group0Forwarded : group1Forwarded;
    }

    void setForwarding(boolean group0, boolean group1) {
        group0Forwarded = group0;
        group1Forwarded = group1;
        listener.changed(ALL_CPUS);
    }

    /** Pending interrupts of word {@code w} as ISPENDR reads them. */
    int pending(int cpu, int w) {
        return latched.word(cpu, w) | (level.word(cpu, w) & ~edge.word(cpu, w));
    }

    /** Interrupts of word {@code w} that CPU {@code cpu} could acknowledge now, ignoring priorities. */
    int candidates(int cpu, int w) {
        int c = pending(cpu, w) & enabled.word(cpu, w) & ~active.word(cpu, w);
        if (w > 0) {
            c &= routing.targets(cpu, w);
        }
        int g1 = group.word(cpu, w);
        return c & ((group0Forwarded ? ~g1 : 0) | (group1Forwarded ? g1 : 0));
    }

    // ---- changes, each reported ----

    /** The routing sent some SPI elsewhere. */
    void routingChanged() {
        listener.changed(ALL_CPUS);
    }

    /** Sets ({@code on}) or clears the bits of {@code mask} in word {@code w}: the ISxxxR/ICxxxR pairs. */
    void update(IrqBits bits, int cpu, int w, int mask, boolean on) {
        int old = bits.word(cpu, w);
        bits.setWord(cpu, w, on ? old | mask : old & ~mask);
        changed(cpu, w);
    }

    /** Writes a whole word (IGROUPR). */
    void write(IrqBits bits, int cpu, int w, int value) {
        bits.setWord(cpu, w, value);
        changed(cpu, w);
    }

    void setPriorities(int cpu, int n, long value) {
        priority.setRegister(cpu, n, value);
        changed(cpu, n / 8);
    }

    /** ICFGR{@code n}: two bits per interrupt, bit 1 set for edge-triggered. */
    int config(int cpu, int n) {
        int edges = edge.word(cpu, n / 2) >>> (16 * (n % 2));
        int v = 0;
        for (int i = 0; i < 16; i++) {
            v |= ((edges >>> i) & 1) << (2 * i + 1);
        }
        return v;
    }

    void setConfig(int cpu, int n, long value) {
        int w = n / 2;
        int shift = 16 * (n % 2);
        int edges = 0;
        for (int i = 0; i < 16; i++) {
            edges |= (int) ((value >>> (2 * i + 1)) & 1) << i;
        }
        int word = edge.word(cpu, w) & ~(0xFFFF << shift) | edges << shift;
        if (w == 0) {
            word |= 0xFFFF;
        }
        edge.setWord(cpu, w, word);
        changed(cpu, w);
    }

    /** A device's wire: a rising edge latches an edge-triggered interrupt, a level holds a level-sensitive one. */
    void setLine(int cpu, int id, boolean high) {
        if (level.get(cpu, id) == high) {
            return;
        }
        level.set(cpu, id, high);
        if (high && edge.get(cpu, id)) {
            latched.set(cpu, id, true);
        }
        changed(cpu, id >>> 5);
    }

    /** Acknowledgement: active, no longer latched; returns the INTID as the IAR reads it. */
    int acknowledge(int cpu, int id) {
        active.set(cpu, id, true);
        int value = id;
        if (id < 16 && sgiSources != null) {
            value |= sgiSources.takeLowest(cpu, id) << 10;
        } else {
            latched.set(cpu, id, false);
        }
        changed(cpu, id >>> 5);
        return value;
    }

    void deactivate(int cpu, int id) {
        active.set(cpu, id, false);
        changed(cpu, id >>> 5);
    }

    private void changed(int cpu, int w) {
        listener.changed(w == 0 ? cpu : ALL_CPUS);
    }
}
