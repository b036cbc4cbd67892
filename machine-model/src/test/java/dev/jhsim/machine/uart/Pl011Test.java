package dev.jhsim.machine.uart;

import static dev.jhsim.machine.uart.Pl011.CR;
import static dev.jhsim.machine.uart.Pl011.CR_RXE;
import static dev.jhsim.machine.uart.Pl011.CR_TXE;
import static dev.jhsim.machine.uart.Pl011.CR_UARTEN;
import static dev.jhsim.machine.uart.Pl011.DR;
import static dev.jhsim.machine.uart.Pl011.FR;
import static dev.jhsim.machine.uart.Pl011.FR_BUSY;
import static dev.jhsim.machine.uart.Pl011.FR_RXFE;
import static dev.jhsim.machine.uart.Pl011.FR_RXFF;
import static dev.jhsim.machine.uart.Pl011.FR_TXFE;
import static dev.jhsim.machine.uart.Pl011.FR_TXFF;
import static dev.jhsim.machine.uart.Pl011.IBRD;
import static dev.jhsim.machine.uart.Pl011.ICR;
import static dev.jhsim.machine.uart.Pl011.IFLS;
import static dev.jhsim.machine.uart.Pl011.IMSC;
import static dev.jhsim.machine.uart.Pl011.INT_RT;
import static dev.jhsim.machine.uart.Pl011.INT_RX;
import static dev.jhsim.machine.uart.Pl011.INT_TX;
import static dev.jhsim.machine.uart.Pl011.LCR_H;
import static dev.jhsim.machine.uart.Pl011.MIS;
import static dev.jhsim.machine.uart.Pl011.RIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pl011Test {
    private static final int CR_OUT1 = 1 << 12;
    private static final int CR_OUT2 = 1 << 13;

    private final Bench bench = new Bench();
    private final Pl011 uart = new Pl011(bench.port, bench.wire, bench.sim, 24_000_000);

    {
        bench.with(uart);
    }

    /** Jailhouse's PL011 init (hypervisor and inmate alike) for a console with a divider. */
    private void jailhouseInit(int divider) {
        bench.write(CR, 2, 0);
        bench.pollUntil(FR, 1, fr -> (fr & FR_BUSY) == 0);
        bench.write(IBRD, 2, divider);
        bench.write(LCR_H, 1, 3 << 5);
        bench.write(CR, 2, CR_UARTEN | CR_TXE | CR_OUT1 | CR_OUT2);
    }

    /** Jailhouse's putc: wait while FR says TX FIFO full or busy, then a 32-bit write of DR. */
    private void jailhousePuts(String s) {
        for (char c : s.toCharArray()) {
            bench.pollUntil(FR, 4, fr -> (fr & (FR_TXFF | FR_BUSY)) == 0);
            bench.write(DR, 4, c);
        }
    }

    /** A polling getc: wait while RXFE, then read DR. */
    private char getc() {
        bench.pollUntil(FR, 4, fr -> (fr & FR_RXFE) == 0);
        return (char) (bench.read(DR, 4) & 0xff);
    }

    @Test
    void jailhouseInitThenPrintReachesTheOutputInOrder() {
        jailhouseInit(13);
        jailhousePuts("Initializing Jailhouse\n");
        assertEquals("Initializing Jailhouse\n", bench.out.toString());
        assertEquals(13, bench.read(IBRD, 4));
        assertEquals(0x60, bench.read(LCR_H, 4), "8-bit words, FIFOs off as Jailhouse leaves them");
        assertEquals(CR_UARTEN | CR_TXE | CR_OUT1 | CR_OUT2, bench.read(CR, 4));
    }

    @Test
    void aConsoleWithoutDividerPrintsThroughTheFirmwareSetup() {
        assertEquals(CR_UARTEN | CR_TXE | CR_RXE, bench.read(CR, 4));
        assertEquals(13, bench.read(IBRD, 4), "24 MHz / (16 * 115200) = 13.02");
        assertEquals(1, bench.read(Pl011.FBRD, 4));
        jailhousePuts("Timer fired\n");
        assertEquals("Timer fired\n", bench.out.toString());
    }

    @Test
    void aDisabledTransmitterHoldsSixteenBytesAndSendsThemWhenEnabled() {
        bench.write(CR, 2, 0);
        for (int i = 0; i < 17; i++) {
            bench.write(DR, 4, 'a' + i);
        }
        assertEquals("", bench.out.toString());
        long fr = bench.read(FR, 4);
        assertEquals(FR_BUSY | FR_TXFF | FR_RXFE, fr, "full, busy, nothing received");
        bench.write(CR, 2, CR_UARTEN | CR_TXE);
        assertEquals("abcdefghijklmnop", bench.out.toString(), "the 17th byte found the FIFO full");
        assertEquals(FR_TXFE | FR_RXFE, bench.read(FR, 4));
    }

    @Test
    void pollingInputReadsWhatWasFedInOrder() {
        assertEquals(FR_RXFE | FR_TXFE, bench.read(FR, 1));
        bench.port.feedInput("ok\n");
        assertEquals('o', getc());
        assertEquals('k', getc());
        assertEquals('\n', getc());
        assertTrue((bench.read(FR, 4) & FR_RXFE) != 0);
        assertEquals(0, bench.read(Pl011.RSR_ECR, 4), "no line errors");
    }

    @Test
    void inputBeyondTheFifoWaitsOnThePortInsteadOfOverrunning() {
        bench.port.feedInput(new byte[20]);
        assertEquals(4, bench.port.pendingInput());
        assertTrue((bench.read(FR, 4) & FR_RXFF) != 0);
        bench.read(DR, 4);
        assertEquals(3, bench.port.pendingInput(), "a read makes room for the next byte");
        bench.write(CR, 2, CR_UARTEN | CR_TXE);
        for (int i = 0; i < 16; i++) {
            bench.read(DR, 4);
        }
        assertEquals(3, bench.port.pendingInput(), "a disabled receiver takes nothing");
        bench.write(CR, 2, CR_UARTEN | CR_TXE | CR_RXE);
        assertEquals(0, bench.port.pendingInput());
    }

    @Test
    void withTheFifoOffTheReceiverHoldsOneByte() {
        bench.write(LCR_H, 1, 3 << 5);
        bench.port.feedInput("xy");
        assertEquals(FR_RXFF | FR_TXFE, bench.read(FR, 4));
        assertEquals(1, bench.port.pendingInput());
        bench.write(IMSC, 4, INT_RX);
        assertTrue(bench.wire.asserted(), "one character is the trigger level without a FIFO");
        assertEquals('x', bench.read(DR, 4));
        assertEquals('y', bench.read(DR, 4));
        assertFalse(bench.wire.asserted());
    }

    @Test
    void receiveInterruptFollowsTheTriggerLevel() {
        bench.write(IMSC, 4, INT_RX);
        bench.port.feedInput("1234567");
        assertFalse(bench.wire.asserted(), "7 of 16 is below the default half-full trigger");
        bench.port.feedInput("8");
        assertTrue(bench.wire.asserted());
        assertEquals(INT_RX, bench.read(MIS, 4));
        bench.read(DR, 4);
        assertFalse(bench.wire.asserted(), "7 left: below the trigger again");
        bench.write(IFLS, 4, 0);
        bench.port.feedInput("9");
        assertTrue(bench.wire.asserted(), "1/8 trigger: 2 entries");
        bench.write(ICR, 4, INT_RX);
        assertFalse(bench.wire.asserted(), "cleared by ICR");
    }

    @Test
    void receiveTimeoutFiresAfterThirtyTwoQuietBitPeriodsOfVirtualTime() {
        bench.write(IMSC, 4, INT_RT);
        bench.port.feedInput("hi");
        // 115200 baud from 24 MHz: IBRD 13, FBRD 1, a bit is 208.25 clocks = 8.677 us; 32 bits = 277.7 us.
        bench.runFor(270 * Bench.US);
        assertEquals(0, bench.read(RIS, 4) & INT_RT);
        bench.runFor(10 * Bench.US);
        assertEquals(INT_RT, bench.read(RIS, 4) & INT_RT);
        assertTrue(bench.wire.asserted());
        bench.read(DR, 4);
        assertTrue(bench.wire.asserted(), "one byte left");
        bench.read(DR, 4);
        assertFalse(bench.wire.asserted(), "an empty FIFO clears the timeout");
    }

    @Test
    void transmitInterruptRisesWhenTheFifoDrainsAndClearsByIcrOrFilling() {
        bench.write(IMSC, 4, INT_TX);
        assertFalse(bench.wire.asserted(), "not set before anything was written");
        bench.write(DR, 4, 'a');
        assertTrue(bench.wire.asserted());
        bench.write(ICR, 4, INT_TX);
        assertFalse(bench.wire.asserted());
        bench.write(CR, 2, CR_UARTEN);
        for (int i = 0; i < 9; i++) {
            bench.write(DR, 4, 'b');
        }
        assertEquals(0, bench.read(RIS, 4) & INT_TX, "9 queued is above the half-full trigger");
        bench.write(CR, 2, CR_UARTEN | CR_TXE);
        assertTrue(bench.wire.asserted(), "draining passed the trigger level");
        assertEquals(2, bench.wire.raised());
    }

    @Test
    void identificationRegisters() {
        int[] expected = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], bench.read(0xfe0 + 4 * i, 4));
        }
    }

    @Test
    void registerWidthsAndMasks() {
        bench.write(IBRD, 4, 0x12345);
        assertEquals(0x2345, bench.read(IBRD, 4));
        bench.write(Pl011.FBRD, 4, 0xff);
        assertEquals(0x3f, bench.read(Pl011.FBRD, 4));
        bench.write(IMSC, 4, 0xffff);
        assertEquals(0x7ff, bench.read(IMSC, 4));
        assertEquals(0, bench.read(MIS, 4), "nothing raw yet");
        bench.write(Pl011.DMACR, 4, 0xff);
        assertEquals(0x7, bench.read(Pl011.DMACR, 4));
        assertEquals(0, bench.read(0x100, 4), "a hole reads zero");
    }
}
