package dev.jhsim.machine.irq;

import java.util.Map;
import java.util.TreeMap;

/** An interrupt controller for device tests: hands out recording wires and tells which are asserted. */
public final class RecordingInterruptController implements InterruptController {
    private final Map<Integer, RecordingWire> shared = new TreeMap<>();
    private final Map<String, RecordingWire> perCpu = new TreeMap<>();

    @Override
    public InterruptLine shared(int intid) {
        return wire(intid);
    }

    @Override
    public InterruptLine perCpu(int cpu, int intid) {
        return perCpu.computeIfAbsent(cpu + "/" + intid, k -> new RecordingWire());
    }

    /** The wire of shared interrupt {@code intid} (created on first use, by a device or the test). */
    public RecordingWire wire(int intid) {
        return shared.computeIfAbsent(intid, k -> new RecordingWire());
    }

    /** Shared interrupt IDs that devices have taken wires for. */
    public java.util.Set<Integer> wired() {
        return shared.keySet();
    }
}
