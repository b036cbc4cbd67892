package dev.jhsim.machine.uart;

import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.device.RegisterMap;
import dev.jhsim.machine.irq.InterruptLine;

/**
 * A UART model: a register map in front of a {@link SerialPort}. Transmission
 * is instantaneous in virtual time (a byte written while the transmitter is
 * enabled reaches the port's output at once), so a transmitter is never busy
 * unless it is disabled with bytes queued. Received bytes move from the port
 * into the receive FIFO while the receiver is enabled and has room.
 *
 * <p>Every UART starts as boot firmware leaves a console: enabled, 8 data bits,
 * no parity, one stop bit, 115200 baud where the clock is known. Drivers that
 * initialise the UART themselves reprogram it; those that rely on the firmware
 * (such as Jailhouse consoles with divider 0) find it working.
 */
public abstract class Uart implements MmioDevice {
    private final SerialPort port;
    private final InterruptLine irq;
    private final RegisterMap registers;
    private boolean irqLevel;

    protected Uart(SerialPort port, InterruptLine irq, RegisterMap registers) {
        this.port = port;
        this.irq = irq;
        this.registers = registers;
        port.onInputArrived(this::update);
    }

    /** Where the subclass adds its registers. */
    protected final RegisterMap registers() {
        return registers;
    }

    /** The line's outside end: output stream and input queue. */
    public SerialPort port() {
        return port;
    }

    @Override
    public final long read(long offset, int size) {
        long value = registers.read(offset, size);
        update();
        return value;
    }

    @Override
    public final void write(long offset, int size, long value) {
        registers.write(offset, size, value);
        update();
    }

    /** Takes waiting input while the receiver accepts it, then drives the interrupt wire. */
    protected final void update() {
        while (port.hasInput() && acceptsInput()) {
            receive(port.takeInput());
        }
        boolean level = interruptAsserted();
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
    }

    /** Sends one byte down the line. */
    protected final void transmit(int b) {
        port.transmit(b);
    }

    /** Sends every byte waiting in {@code fifo}; returns whether there was any. */
    final boolean transmitAll(ByteFifo fifo) {
        if (fifo.isEmpty()) {
            return false;
        }
        while (!fifo.isEmpty()) {
            port.transmit(fifo.pop());
        }
        return true;
    }

    /** Whether the receiver is enabled and has room for another byte. */
    protected abstract boolean acceptsInput();

    /** One byte arrives at the receiver. */
    protected abstract void receive(int b);

    /** The level of the UART's interrupt output. */
    protected abstract boolean interruptAsserted();
}
