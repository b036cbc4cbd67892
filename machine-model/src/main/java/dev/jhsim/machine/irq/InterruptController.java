package dev.jhsim.machine.irq;

/**
 * Where devices plug their interrupt wires: shared peripheral interrupts by
 * interrupt ID, and private (per-CPU) interrupts by CPU and ID.
 */
public interface InterruptController {
    /** The wire of shared interrupt {@code intid} (32 and up on a GIC). */
    InterruptLine shared(int intid);

    /** The wire of private interrupt {@code intid} of CPU {@code cpu} (16..31 on a GIC). */
    InterruptLine perCpu(int cpu, int intid);
}
