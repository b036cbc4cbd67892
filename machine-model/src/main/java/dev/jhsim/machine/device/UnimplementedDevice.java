package dev.jhsim.machine.device;

import dev.jhsim.machine.bus.MmioDevice;
import java.util.function.Consumer;

/**
 * A device the board has but the simulator does not model: it reads as zero,
 * ignores writes and reports every access, so that a guest probing it does not
 * fault and the machine can log what it touched. (No register map: it has no
 * registers, and some such windows are 64 MiB of flash.)
 */
public final class UnimplementedDevice implements MmioDevice {
    private final String name;
    private final Consumer<UnimplementedAccess> listener;

    public UnimplementedDevice(String name, Consumer<UnimplementedAccess> listener) {
        this.name = name;
        this.listener = listener;
    }

    @Override
    public long read(long offset, int size) {
        listener.accept(new UnimplementedAccess(name, offset, size, false, 0));
        return 0;
    }

    @Override
    public void write(long offset, int size, long value) {
        listener.accept(new UnimplementedAccess(name, offset, size, true, value));
    }
}
