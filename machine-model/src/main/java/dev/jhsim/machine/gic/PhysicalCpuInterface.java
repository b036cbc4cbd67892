package dev.jhsim.machine.gic;

import dev.jhsim.machine.arm64.Arm64Cpu;

/**
 * The physical CPU interface of one core: picks the highest-priority
 * interrupt the distributor forwards to this CPU and drives the core's IRQ
 * and FIQ inputs.
 */
public final class PhysicalCpuInterface extends CpuInterface {
    private final InterruptState state;
    private final int cpu;
    private final Arm64Cpu core;
    private final Runnable groupEnablesListener;

    PhysicalCpuInterface(InterruptState state, int cpu, Arm64Cpu core, boolean fiqForGroup0,
            Runnable groupEnablesListener) {
        super(fiqForGroup0);
        this.state = state;
        this.cpu = cpu;
        this.core = core;
        this.groupEnablesListener = groupEnablesListener;
    }

    public int cpu() {
        return cpu;
    }

    @Override
    void selectHighestPending() {
        int best = SPURIOUS;
        int bestPriority = 0x100;
        for (int w = 0; w < state.words; w++) {
            int g1 = state.group.word(cpu, w);
            int c = state.candidates(cpu, w) & ((groupEnabled(0) ? ~g1 : 0) | (groupEnabled(1) ? g1 : 0));
            while (c != 0) {
                int bit = Integer.numberOfTrailingZeros(c);
                c &= c - 1;
                int id = w * 32 + bit;
                int p = state.priority.get(cpu, id);
                if (p < bestPriority) {
                    best = id;
                    bestPriority = p;
                }
            }
        }
        hpId = best;
        hpPriority = bestPriority;
        hpGroup = best == SPURIOUS ? 0 : state.group.get(cpu, best) ? 1 : 0;
    }

    @Override
    int activateSelected() {
        return state.acknowledge(cpu, hpId);
    }

    @Override
    void deactivateInterrupt(int id) {
        if (id < state.lines) {
            state.deactivate(cpu, id);
        }
    }

    @Override
    boolean signalling() {
        return true;
    }

    /** Also tells the distributor: where an SPI routed to "any CPU" goes depends on who takes its group. */
    @Override
    public void setGroupEnabled(int group, boolean on) {
        super.setGroupEnabled(group, on);
        groupEnablesListener.run();
    }

    @Override
    void drive(boolean irq, boolean fiq) {
        core.setInterruptLines(irq, fiq);
    }
}
