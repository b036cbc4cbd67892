package dev.jhsim.hypervisor.uart;

import dev.jhsim.config.model.Console;
import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.hypervisor.core.PhysicalMemory;

/**
 * The PL011 debug console driver: with a divider, the UART is reprogrammed
 * (disabled, baud divisor, 8 bits, enabled for transmit); without one it is
 * used as firmware left it. Each character is written to UARTDR once the
 * flag register shows room.
 */
final class Pl011Output implements HypervisorConsole.Output {
    private static final int DR = 0x00;
    private static final int FR = 0x18;
    private static final int IBRD = 0x24;
    private static final int LCR_H = 0x2C;
    private static final int CR = 0x30;
    private static final int FR_TXFF = 1 << 5;
    private static final int CR_ENABLE_TX = 1 | 1 << 8 | 1 << 12 | 1 << 13;
    private static final int LCR_H_8BITS = 3 << 5;

    private final PhysicalMemory memory;
    private final long base;

    private Pl011Output(PhysicalMemory memory, long base) {
        this.memory = memory;
        this.base = base;
    }

    static HypervisorConsole.Output start(PhysicalMemory memory, Console console) {
        long base = console.address();
        if (console.divider() != 0) {
            memory.mmioWrite(0, base + CR, 2, 0);
            memory.mmioWrite(0, base + IBRD, 2, console.divider());
            memory.mmioWrite(0, base + LCR_H, 1, LCR_H_8BITS);
            memory.mmioWrite(0, base + CR, 2, CR_ENABLE_TX);
        }
        return new Pl011Output(memory, base);
    }

    /** A full FIFO never drains while the hypervisor waits (upstream spins forever): the character is dropped. */
    @Override
    public void write(char c) {
        if ((memory.mmioRead(0, base + FR, 4) & FR_TXFF) == 0) {
            memory.mmioWrite(0, base + DR, 4, c & 0xFF);
        }
    }
}
