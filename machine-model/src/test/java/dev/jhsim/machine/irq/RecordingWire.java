package dev.jhsim.machine.irq;

/** An interrupt wire that remembers its level and counts how often it was raised. */
public final class RecordingWire implements InterruptLine {
    private boolean asserted;
    private int raised;

    @Override
    public void set(boolean level) {
        if (level && !asserted) {
            raised++;
        }
        asserted = level;
    }

    public boolean asserted() {
        return asserted;
    }

    /** How many times the wire went from low to high. */
    public int raised() {
        return raised;
    }
}
