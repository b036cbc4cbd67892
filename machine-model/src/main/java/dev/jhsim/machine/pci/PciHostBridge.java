package dev.jhsim.machine.pci;

import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.irq.InterruptController;
import dev.jhsim.machine.irq.InterruptLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generic ECAM host bridge (QEMU's GPEX): the {@link EcamSpace} as its MMIO
 * window, a host bridge function at device 0 of its first bus (vendor 0x1b36,
 * device 0x0008, class 06 00 00), INTx of device {@code d} pin {@code p}
 * (1..4) on host line {@code (d + p - 1) mod 4} (the standard swizzle QEMU's
 * virt machine uses), and BAR decode: a memory BAR that is programmed inside
 * one of the host's MMIO windows, with memory space enabled, appears on the
 * physical bus. A BAR outside the windows, or over something already mapped,
 * is not decoded. I/O space is not modelled.
 */
public final class PciHostBridge implements MmioDevice {
    public static final int HOST_VENDOR_ID = 0x1b36;
    public static final int HOST_DEVICE_ID = 0x0008;
    public static final int HOST_CLASS = 0x060000;

    private final EcamSpace ecam;
    private final PhysicalBus bus;
    private final List<BoardDescription.Region> windows;
    private final WiredOr[] intx = new WiredOr[4];
    private final Map<PciAddress, InterruptLine> pins = new HashMap<>();
    private final Map<PciAddress, List<BarWindow>> decoded = new HashMap<>();

    public PciHostBridge(BoardDescription.PciHost host, PhysicalBus bus, InterruptController irqs) {
        this.ecam = new EcamSpace(host.busStart(), host.busEnd());
        this.bus = bus;
        this.windows = host.mmio();
        for (int i = 0; i < host.intx().size(); i++) {
            intx[i] = new WiredOr(irqs.shared(host.intx().get(i)));
        }
        attach(new PciAddress(host.busStart(), 0, 0),
                new ConfigSpace(HOST_VENDOR_ID, HOST_DEVICE_ID, HOST_CLASS, 0).subsystem(0x1af4, 0x1100));
    }

    /** Puts {@code function} at {@code at}, wires its interrupt pin and decodes its BARs. */
    public void attach(PciAddress at, PciFunction function) {
        ecam.attach(at, function);
        int pin = function.readConfig(ConfigSpace.INTERRUPT_PIN, 1);
        if (pin >= 1 && pin <= 4 && intx[0] != null) {
            InterruptLine line = intx[(at.device() + pin - 1) % 4].newSource();
            pins.put(at, line);
            function.connectInterrupt(line);
        }
        decode(at);
    }

    /** Removes the function at {@code at}: its BARs leave the bus and its interrupt is released. */
    public PciFunction detach(PciAddress at) {
        PciFunction function = ecam.detach(at);
        if (function != null) {
            function.connectInterrupt(InterruptLine.NONE);
            InterruptLine pin = pins.remove(at);
            if (pin != null) {
                pin.set(false);
            }
            unmap(at);
        }
        return function;
    }

    @Override
    public long read(long offset, int size) {
        return ecam.read(offset, size);
    }

    @Override
    public void write(long offset, int size, long value) {
        ecam.write(offset, size, value);
        if (ecam.functionAt(offset) != null) {
            decode(PciAddress.ofEcamOffset(offset, ecam.busStart()));
        }
    }

    /** Brings the bus in line with what the function's BARs and Command register say now. */
    private void decode(PciAddress at) {
        List<BarWindow> wanted = new ArrayList<>();
        for (BarWindow w : ecam.function(at).decodedMemory()) {
            if (insideAWindow(w)) {
                wanted.add(w);
            }
        }
        if (wanted.equals(decoded.getOrDefault(at, List.of()))) {
            return;
        }
        unmap(at);
        List<BarWindow> mapped = new ArrayList<>();
        for (BarWindow w : wanted) {
            if (bus.regions().stream().noneMatch(r -> w.overlaps(r.base(), r.size()))) {
                bus.addDevice(w.base(), w.size(), w.device());
                mapped.add(w);
            }
        }
        decoded.put(at, mapped);
    }

    private boolean insideAWindow(BarWindow w) {
        return windows.stream().anyMatch(r -> r.contains(w.base()) && w.base() + w.size() <= r.end());
    }

    private void unmap(PciAddress at) {
        for (BarWindow w : decoded.getOrDefault(at, List.of())) {
            bus.remove(w.base());
        }
        decoded.remove(at);
    }
}
