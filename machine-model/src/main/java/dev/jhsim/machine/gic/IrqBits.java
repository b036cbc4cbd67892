package dev.jhsim.machine.gic;

/**
 * One bit per interrupt ID, in 32-bit words as the GIC's register arrays
 * hold them: word 0 (SGIs and PPIs) is banked per CPU, the other words
 * (SPIs) are shared.
 */
final class IrqBits {
    private final int[] banked;
    private final int[] shared;

    IrqBits(int cpus, int words) {
        banked = new int[cpus];
        shared = new int[words];
    }

    int word(int cpu, int w) {
        return w == 0 ? banked[cpu] : shared[w];
    }

    void setWord(int cpu, int w, int value) {
        if (w == 0) {
            banked[cpu] = value;
        } else {
            shared[w] = value;
        }
    }

    boolean get(int cpu, int id) {
        return (word(cpu, id >>> 5) & (1 << id)) != 0;
    }

    void set(int cpu, int id, boolean on) {
        int w = id >>> 5;
        int bit = 1 << id;
        setWord(cpu, w, on ? word(cpu, w) | bit : word(cpu, w) & ~bit);
    }
}
