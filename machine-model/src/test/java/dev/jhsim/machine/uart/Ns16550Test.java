package dev.jhsim.machine.uart;

import static dev.jhsim.machine.uart.Ns16550.IER_DLM;
import static dev.jhsim.machine.uart.Ns16550.IER_RDI;
import static dev.jhsim.machine.uart.Ns16550.IER_THRI;
import static dev.jhsim.machine.uart.Ns16550.IIR_FCR;
import static dev.jhsim.machine.uart.Ns16550.LCR;
import static dev.jhsim.machine.uart.Ns16550.LCR_8N1;
import static dev.jhsim.machine.uart.Ns16550.LCR_DLAB;
import static dev.jhsim.machine.uart.Ns16550.LSR;
import static dev.jhsim.machine.uart.Ns16550.LSR_DR;
import static dev.jhsim.machine.uart.Ns16550.LSR_TEMT;
import static dev.jhsim.machine.uart.Ns16550.LSR_THRE;
import static dev.jhsim.machine.uart.Ns16550.RBR_THR_DLL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ns16550Test {
    private final Bench bench = new Bench();

    /** An 8250 at {@code regShift} accessed with {@code width}-byte loads and stores. */
    private final class Driver {
        final int shift;
        final int width;

        Driver(int regShift, int width) {
            this.shift = regShift;
            this.width = width;
            bench.with(new Ns16550(bench.port, bench.wire, bench.sim, 24_000_000, regShift));
        }

        long in(int reg) {
            return bench.read((long) reg << shift, width);
        }

        void out(int reg, int value) {
            bench.write((long) reg << shift, width, value);
        }

        /** Jailhouse's 8250 init: divisor latch through DLAB, then 8N1. */
        void jailhouseInit(int divider) {
            out(LCR, LCR_DLAB);
            out(RBR_THR_DLL, divider & 0xff);
            out(IER_DLM, (divider >> 8) & 0xff);
            out(LCR, LCR_8N1);
        }

        /** Jailhouse's putc: wait for LSR.THRE, then THR. */
        void puts(String s) {
            for (char c : s.toCharArray()) {
                bench.pollUntil((long) LSR << shift, width, lsr -> (lsr & LSR_THRE) != 0);
                out(RBR_THR_DLL, c);
            }
        }

        char getc() {
            bench.pollUntil((long) LSR << shift, width, lsr -> (lsr & LSR_DR) != 0);
            return (char) in(RBR_THR_DLL);
        }
    }

    @ParameterizedTest(name = "reg_shift {0}, {1}-byte access")
    @CsvSource({"2, 4", "2, 1", "0, 1", "1, 2", "1, 1"})
    void jailhouseInitAndPrintWorkAtEveryRegisterLayout(int regShift, int width) {
        Driver d = new Driver(regShift, width);
        d.jailhouseInit(0x1b);
        d.puts("Hello from 8250\n");
        assertEquals("Hello from 8250\n", bench.out.toString());
        d.out(LCR, LCR_DLAB | LCR_8N1);
        assertEquals(0x1b, d.in(RBR_THR_DLL), "DLL behind DLAB");
        assertEquals(0, d.in(IER_DLM), "DLM behind DLAB");
        d.out(LCR, LCR_8N1);
        d.out(7, 0x5a);
        assertEquals(0x5a, d.in(7), "scratch register");
    }

    @Test
    void pollingInputAtRk3588Layout() {
        Driver d = new Driver(2, 4);
        bench.port.feedInput("ls\r");
        assertEquals('l', d.getc());
        assertEquals('s', d.getc());
        assertEquals('\r', d.getc());
        assertEquals(LSR_THRE | LSR_TEMT, d.in(LSR));
    }

    @Test
    void divisorLatchHidesTheReceiveBuffer() {
        Driver d = new Driver(2, 4);
        bench.port.feedInput("z");
        d.out(LCR, LCR_DLAB);
        d.in(RBR_THR_DLL);
        d.out(LCR, LCR_8N1);
        assertEquals('z', d.in(RBR_THR_DLL), "reading DLL did not pop the FIFO");
        assertEquals(13, divisorOf(d), "firmware set 115200 baud from 24 MHz");
    }

    private static long divisorOf(Driver d) {
        d.out(LCR, LCR_DLAB | LCR_8N1);
        long divisor = d.in(RBR_THR_DLL) | d.in(IER_DLM) << 8;
        d.out(LCR, LCR_8N1);
        return divisor;
    }

    @Test
    void transmitterEmptyInterruptIsRaisedOnEnableAndClearedByReadingIir() {
        Driver d = new Driver(2, 4);
        assertEquals(0xc1, d.in(IIR_FCR), "FIFOs on, nothing pending");
        d.out(IER_DLM, IER_THRI);
        assertTrue(bench.wire.asserted(), "THR is empty when the interrupt gets enabled");
        assertEquals(0xc2, d.in(IIR_FCR));
        assertFalse(bench.wire.asserted(), "reading IIR acknowledged THRE");
        assertEquals(0xc1, d.in(IIR_FCR));
        d.out(RBR_THR_DLL, 'x');
        assertTrue(bench.wire.asserted(), "THR emptied again after the write");
        assertEquals(2, bench.wire.raised());
    }

    @Test
    void receivedDataInterruptAtTheFcrTriggerLevelOutranksThre() {
        Driver d = new Driver(2, 4);
        d.out(IIR_FCR, 0x41 | 0x02);
        d.out(IER_DLM, IER_RDI | IER_THRI);
        bench.port.feedInput("abc");
        assertEquals(0xc2, d.in(IIR_FCR), "3 of 4: only THRE");
        bench.port.feedInput("d");
        assertEquals(0xc4, d.in(IIR_FCR), "trigger level 4 reached");
        d.in(RBR_THR_DLL);
        assertEquals(0xc1, d.in(IIR_FCR), "below the trigger and THRE already acknowledged");
        assertFalse(bench.wire.asserted());
    }

    @Test
    void characterTimeoutAfterFourCharacterTimesOfVirtualTime() {
        Driver d = new Driver(2, 4);
        d.out(IIR_FCR, 0x81);
        d.out(IER_DLM, IER_RDI);
        bench.port.feedInput("ab");
        assertFalse(bench.wire.asserted(), "below the trigger of 8");
        // 13 * 16 clocks at 24 MHz = 8.667 us per bit; 4 characters of 10 bits = 346.7 us.
        bench.runFor(340 * Bench.US);
        assertFalse(bench.wire.asserted());
        bench.runFor(10 * Bench.US);
        assertTrue(bench.wire.asserted());
        assertEquals(0xcc, d.in(IIR_FCR));
        assertEquals('a', d.in(RBR_THR_DLL));
        assertFalse(bench.wire.asserted(), "reading RBR clears the timeout and restarts the count");
        bench.runFor(350 * Bench.US);
        assertEquals(0xcc, d.in(IIR_FCR), "'b' still waiting");
        d.in(RBR_THR_DLL);
        bench.runFor(400 * Bench.US);
        assertEquals(0xc1, d.in(IIR_FCR), "an empty FIFO never times out");
    }

    @Test
    void withFifosOffTheReceiverHoldsOneByte() {
        Driver d = new Driver(0, 1);
        d.out(IIR_FCR, 0);
        bench.port.feedInput("pq");
        assertEquals(1, bench.port.pendingInput());
        assertEquals(0x01, d.in(IIR_FCR), "no FIFO bits in IIR");
        d.out(IER_DLM, IER_RDI);
        assertEquals(0x04, d.in(IIR_FCR));
        assertEquals('p', d.in(RBR_THR_DLL));
        assertEquals('q', d.in(RBR_THR_DLL));
    }

    @Test
    void fcrClearsTheReceiveFifo() {
        Driver d = new Driver(2, 4);
        bench.port.feedInput("junk");
        d.out(IIR_FCR, 0x03);
        assertEquals(0, d.in(LSR) & LSR_DR);
    }

    @Test
    void registerShiftBeyondThreeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Ns16550(bench.port, bench.wire, bench.sim, 0, 4));
    }
}
