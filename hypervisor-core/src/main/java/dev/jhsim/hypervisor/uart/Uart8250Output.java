package dev.jhsim.hypervisor.uart;

import dev.jhsim.config.model.Console;
import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.hypervisor.core.PhysicalMemory;

/**
 * The 8250 debug console driver: registers one byte apart
 * ({@code JAILHOUSE_CON_REGDIST_1}, byte accesses) or four
 * ({@code REGDIST_4}, 32-bit accesses); with a divider the baud divisor and
 * 8N1 are programmed; each character waits for THR empty.
 */
final class Uart8250Output implements HypervisorConsole.Output {
    private static final int THR = 0;
    private static final int DLL = 0;
    private static final int DLM = 1;
    private static final int LCR = 3;
    private static final int LSR = 5;
    private static final int LCR_DLAB = 0x80;
    private static final int LCR_8N1 = 0x03;
    private static final int LSR_THRE = 0x20;

    private final PhysicalMemory memory;
    private final long base;
    private final int stride;
    private final int width;

    private Uart8250Output(PhysicalMemory memory, Console console) {
        this.memory = memory;
        this.base = console.address();
        boolean regdist4 = (console.flags() & Console.REGDIST_4) != 0;
        this.stride = regdist4 ? 4 : 1;
        this.width = regdist4 ? 4 : 1;
    }

    static HypervisorConsole.Output start(PhysicalMemory memory, Console console) {
        Uart8250Output uart = new Uart8250Output(memory, console);
        long divider = console.divider();
        if (divider != 0) {
            uart.out(LCR, LCR_DLAB);
            uart.out(DLL, divider & 0xFF);
            uart.out(DLM, (divider >> 8) & 0xFF);
            uart.out(LCR, LCR_8N1);
        }
        return uart;
    }

    /** A transmitter that never empties would hang upstream's driver: the character is dropped. */
    @Override
    public void write(char c) {
        if ((in(LSR) & LSR_THRE) != 0) {
            out(THR, c & 0xFF);
        }
    }

    private void out(int register, long value) {
        memory.mmioWrite(0, base + (long) register * stride, width, value);
    }

    private long in(int register) {
        return memory.mmioRead(0, base + (long) register * stride, width);
    }
}
