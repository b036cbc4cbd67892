package dev.jhsim.machine.gic;

/**
 * One priority byte per interrupt ID, banked per CPU for IDs 0..31. Only the
 * implemented priority bits are kept ({@link CpuInterface#PRIORITY_MASK}).
 */
final class IrqPriorities {
    private final byte[][] banked;
    private final byte[] shared;

    IrqPriorities(int cpus, int lines) {
        banked = new byte[cpus][32];
        shared = new byte[lines];
    }

    int get(int cpu, int id) {
        return (id < 32 ? banked[cpu][id] : shared[id]) & 0xFF;
    }

    void set(int cpu, int id, int priority) {
        byte p = (byte) (priority & CpuInterface.PRIORITY_MASK);
        if (id < 32) {
            banked[cpu][id] = p;
        } else {
            shared[id] = p;
        }
    }

    /** The four priorities of IPRIORITYR{@code n}, packed as the register reads. */
    int register(int cpu, int n) {
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = v << 8 | get(cpu, 4 * n + i);
        }
        return v;
    }

    void setRegister(int cpu, int n, long value) {
        for (int i = 0; i < 4; i++) {
            set(cpu, 4 * n + i, (int) (value >>> (8 * i)));
        }
    }
}
