package dev.jhsim.machine.irq;

/**
 * A level-sensitive interrupt wire from a device to an interrupt controller:
 * the device asserts it while it wants service. Edge-triggered sources pulse
 * it (assert, then deassert).
 */
@FunctionalInterface
public interface InterruptLine {
    void set(boolean asserted);

    /** A wire connected to nothing. */
    InterruptLine NONE = asserted -> { };
}
