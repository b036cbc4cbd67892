package dev.jhsim.machine.device;

import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.irq.InterruptController;
import dev.jhsim.machine.irq.InterruptLine;
import dev.jhsim.machine.pci.PciHostBridge;
import dev.jhsim.machine.sim.Simulation;
import dev.jhsim.machine.uart.CadenceUart;
import dev.jhsim.machine.uart.ImxUart;
import dev.jhsim.machine.uart.LinflexUart;
import dev.jhsim.machine.uart.Ns16550;
import dev.jhsim.machine.uart.Pl011;
import dev.jhsim.machine.uart.SerialPort;
import dev.jhsim.machine.uart.Uart;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The devices of a board description, created and placed on the physical bus:
 * its UARTs (by type), PCI host bridges and other devices ({@code count}
 * instances {@code stride} apart). Handles come back by the names the board
 * gives them. Interrupt controller, CPUs, timers and RAM are not devices here.
 */
public final class BoardDevices {
    /** Makes a UART model of one type from its board entry. */
    @FunctionalInterface
    private interface UartModel {
        Uart create(BoardDescription.Uart uart, SerialPort port, InterruptLine irq, Simulation sim);
    }

    /** Makes a device model of one type for one instance. */
    @FunctionalInterface
    private interface DeviceModel {
        MmioDevice create(String instanceName, BoardDevices devices);
    }

    private static final SortedMap<String, UartModel> UART_TYPES = new TreeMap<>(Map.of(
            "pl011", (u, port, irq, sim) -> new Pl011(port, irq, sim, u.clockHz()),
            "8250", (u, port, irq, sim) -> new Ns16550(port, irq, sim, u.clockHz(), u.regShift()),
            "xuartps", (u, port, irq, sim) -> new CadenceUart(port, irq, sim, u.clockHz()),
            "imx", (u, port, irq, sim) -> new ImxUart(port, irq),
            "linflex", (u, port, irq, sim) -> new LinflexUart(port, irq)));

    private static final SortedMap<String, DeviceModel> DEVICE_TYPES = new TreeMap<>(Map.of(
            "unimplemented", (name, devices) -> new UnimplementedDevice(name,
                    access -> devices.unimplementedAccess.accept(access))));

    private final Map<String, Uart> uarts = new LinkedHashMap<>();
    private final Map<String, PciHostBridge> pciHosts = new LinkedHashMap<>();
    private Consumer<UnimplementedAccess> unimplementedAccess = access -> { };

    private BoardDevices() {
    }

    /**
     * Creates the devices of {@code board} and maps them on {@code bus}, wiring their
     * interrupts to {@code irqs}; timed behaviour runs on {@code sim}'s virtual clock.
     * An unknown type or a device overlapping another fails with one line naming it.
     */
    public static BoardDevices create(BoardDescription board, PhysicalBus bus, InterruptController irqs,
            Simulation sim) {
        BoardDevices devices = new BoardDevices();
        for (BoardDescription.Uart u : board.uarts()) {
            UartModel model = lookup(UART_TYPES, u.type(), board, "uart " + u.name());
            InterruptLine irq = u.irq() == 0 ? InterruptLine.NONE : irqs.shared(u.irq());
            Uart uart = model.create(u, new SerialPort(u.name()), irq, sim);
            map(bus, u.base(), u.size(), uart, board, "uart " + u.name());
            devices.uarts.put(u.name(), uart);
        }
        for (BoardDescription.PciHost p : board.pci()) {
            PciHostBridge host = new PciHostBridge(p, bus, irqs);
            map(bus, p.ecam().base(), p.ecam().size(), host, board, "pci " + p.name());
            devices.pciHosts.put(p.name(), host);
        }
        for (BoardDescription.Device d : board.devices()) {
            DeviceModel model = lookup(DEVICE_TYPES, d.type(), board, "device " + d.name());
            for (int i = 0; i < d.count(); i++) {
                BoardDescription.Region at = d.instance(i);
                map(bus, at.base(), at.size(), model.create(at.name(), devices), board, "device " + at.name());
            }
        }
        return devices;
    }

    private static <T> T lookup(SortedMap<String, T> types, String type, BoardDescription board, String what) {
        T model = types.get(type);
        if (model == null) {
            throw new IllegalArgumentException(String.format("board %s: %s has unknown type '%s' (known: %s)",
                    board.name(), what, type, String.join(", ", types.keySet())));
        }
        return model;
    }

    private static void map(PhysicalBus bus, long base, long size, MmioDevice device, BoardDescription board,
            String what) {
        try {
            bus.addDevice(base, size, device);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format("board %s: %s at 0x%x: %s", board.name(), what, base,
                    e.getMessage()), e);
        }
    }

    /** The UARTs in board order, by name. */
    public Map<String, Uart> uarts() {
        return Collections.unmodifiableMap(uarts);
    }

    /** The UART called {@code name} in the board description. */
    public Uart uart(String name) {
        return named(uarts, name, "UART");
    }

    /** The PCI host bridges in board order, by name. */
    public Map<String, PciHostBridge> pciHosts() {
        return Collections.unmodifiableMap(pciHosts);
    }

    /** The PCI host bridge called {@code name} in the board description. */
    public PciHostBridge pciHost(String name) {
        return named(pciHosts, name, "PCI host");
    }

    private static <T> T named(Map<String, T> all, String name, String what) {
        T found = all.get(name);
        if (found == null) {
            throw new IllegalArgumentException("no " + what + " '" + name + "' on this board (it has: "
                    + String.join(", ", all.keySet()) + ")");
        }
        return found;
    }

    /** Where accesses to unimplemented devices are reported, in the order the guest makes them. */
    public void onUnimplementedAccess(Consumer<UnimplementedAccess> listener) {
        this.unimplementedAccess = listener;
    }
}
