package dev.jhsim.machine.pci;

import dev.jhsim.machine.irq.InterruptLine;

/** Several level-sensitive sources sharing one interrupt wire: it is asserted while any of them is. */
final class WiredOr {
    private final InterruptLine wire;
    private int asserted;

    WiredOr(InterruptLine wire) {
        this.wire = wire;
    }

    /** A new source on the wire, initially deasserted. */
    InterruptLine newSource() {
        return new InterruptLine() {
            private boolean level;

            @Override
            public void set(boolean on) {
                if (on == level) {
                    return;
                }
                level = on;
                asserted += on ? 1 : -1;
                if (asserted == (on ? 1 : 0)) {
                    wire.set(on);
                }
            }
        };
    }
}
