package dev.jhsim.config.check;

import java.util.List;

/**
 * What the board checks need to know about a board: its RAM and device map,
 * CPUs, interrupt controller and UARTs. The command line fills it from a
 * board description, so this module stays independent of the machine model.
 *
 * @param architecture {@code arm64}, {@code arm} or {@code x86}
 * @param devices every MMIO range that is not RAM (interrupt controller parts,
 *     UARTs, PCI windows, other devices)
 * @param gic the interrupt controller of an ARM board, {@code null} otherwise
 */
public record BoardFacts(String name, String architecture, int cpuCount, List<Area> ram, List<Area> devices,
        Gic gic, List<Uart> uarts) {

    public BoardFacts {
        ram = List.copyOf(ram);
        devices = List.copyOf(devices);
        uarts = List.copyOf(uarts);
    }

    /** A named address range: a RAM bank or a device. */
    public record Area(String name, AddressRange range) {
    }

    /**
     * An ARM generic interrupt controller: version, register frame bases
     * (GICR for version 3, GICC/GICH/GICV for version 2), the number of
     * interrupt lines (IDs {@code 0..lines-1}) and the maintenance interrupt.
     */
    public record Gic(int version, long gicdBase, long gicrBase, long giccBase, long gichBase, long gicvBase,
            int lines, int maintenanceIrq) {
    }

    /** A UART able to serve as a console, with its {@code JAILHOUSE_CON_TYPE_*} number. */
    public record Uart(String name, int consoleType, AddressRange range) {
    }
}
