package dev.jhsim.hypervisor.session;

import dev.jhsim.hypervisor.driver.JailhouseDriver;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A simulated board with Jailhouse's driver on it: the machine, its virtual
 * clock, its UARTs and the driver the tool talks to. The board daemon and the
 * scenario runner each own one and call it from a single thread, which keeps
 * every run deterministic.
 */
public interface BoardSession extends AutoCloseable {
    /** The board's name, e.g. {@code qemu-arm64}. */
    String boardName();

    /** The driver ({@code /dev/jailhouse} and sysfs) of this board. */
    JailhouseDriver driver();

    /** Virtual time since power-on, in picoseconds. */
    long now();

    /** Runs the machine for {@code picoseconds} of virtual time. */
    void run(long picoseconds);

    /**
     * Runs until {@code condition} holds (checked between simulation slices)
     * or {@code limitPicoseconds} of virtual time pass; returns whether it held.
     */
    boolean runUntil(BooleanSupplier condition, long limitPicoseconds);

    /** The board's UART names, in board-description order. */
    List<String> uarts();

    /**
     * The UART the enabled hypervisor's debug console writes to, if it is
     * one of the board's: its console text then also appears on that UART.
     */
    Optional<String> debugConsoleUart();

    /** Receives every byte any UART transmits, in order, with the UART's name. */
    void addUartListener(UartListener listener);

    /** Queues bytes as received by a UART (a user typing on it). */
    void sendToUart(String uart, byte[] bytes);

    /** Bytes transmitted by a UART. */
    @FunctionalInterface
    interface UartListener {
        void transmitted(String uart, byte value);
    }

    /** Releases the session; pending UART output has been delivered when this returns. */
    @Override
    void close();
}
