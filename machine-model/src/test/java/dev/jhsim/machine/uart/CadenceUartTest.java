package dev.jhsim.machine.uart;

import static dev.jhsim.machine.uart.CadenceUart.CR;
import static dev.jhsim.machine.uart.CadenceUart.CR_RXRST;
import static dev.jhsim.machine.uart.CadenceUart.CR_RX_EN;
import static dev.jhsim.machine.uart.CadenceUart.CR_TX_DIS;
import static dev.jhsim.machine.uart.CadenceUart.CR_TX_EN;
import static dev.jhsim.machine.uart.CadenceUart.FIFO;
import static dev.jhsim.machine.uart.CadenceUart.IDR;
import static dev.jhsim.machine.uart.CadenceUart.IER;
import static dev.jhsim.machine.uart.CadenceUart.IMR;
import static dev.jhsim.machine.uart.CadenceUart.INT_RTRIG;
import static dev.jhsim.machine.uart.CadenceUart.INT_TEMPTY;
import static dev.jhsim.machine.uart.CadenceUart.INT_TIMEOUT;
import static dev.jhsim.machine.uart.CadenceUart.INT_TOVR;
import static dev.jhsim.machine.uart.CadenceUart.ISR;
import static dev.jhsim.machine.uart.CadenceUart.RXTOUT;
import static dev.jhsim.machine.uart.CadenceUart.RXWM;
import static dev.jhsim.machine.uart.CadenceUart.SR;
import static dev.jhsim.machine.uart.CadenceUart.SR_RXEMPTY;
import static dev.jhsim.machine.uart.CadenceUart.SR_RXTRIG;
import static dev.jhsim.machine.uart.CadenceUart.SR_TXEMPTY;
import static dev.jhsim.machine.uart.CadenceUart.SR_TXFULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CadenceUartTest {
    private final Bench bench = new Bench();

    {
        bench.with(new CadenceUart(bench.port, bench.wire, bench.sim, 100_000_000));
    }

    /** Jailhouse's xuartps putc: no init; wait for SR.TXEMPTY, then a 32-bit FIFO write. */
    private void jailhousePuts(String s) {
        for (char c : s.toCharArray()) {
            bench.pollUntil(SR, 4, sr -> (sr & SR_TXEMPTY) != 0);
            bench.write(FIFO, 4, c);
        }
    }

    private char getc() {
        bench.pollUntil(SR, 4, sr -> (sr & SR_RXEMPTY) == 0);
        return (char) bench.read(FIFO, 4);
    }

    @Test
    void jailhousePrintsOnTheFirmwareSetup() {
        jailhousePuts("ZynqMP\n");
        assertEquals("ZynqMP\n", bench.out.toString());
        assertEquals(0x114, bench.read(CR, 4), "TX and RX enabled, break stopped");
    }

    @Test
    void pollingInput() {
        bench.port.feedInput("go");
        assertEquals('g', getc());
        assertEquals('o', getc());
        assertEquals(SR_RXEMPTY | SR_TXEMPTY, bench.read(SR, 4));
    }

    @Test
    void aDisabledTransmitterFillsItsFifoAndOverflows() {
        bench.write(CR, 4, CR_TX_DIS | CR_RX_EN);
        for (int i = 0; i < 65; i++) {
            bench.write(FIFO, 1, 'a' + i % 26);
        }
        assertEquals("", bench.out.toString());
        assertEquals(SR_TXFULL, bench.read(SR, 4) & (SR_TXFULL | SR_TXEMPTY));
        assertEquals(INT_TOVR, bench.read(ISR, 4) & INT_TOVR, "the 65th byte overflowed");
        bench.write(CR, 4, CR_TX_EN | CR_RX_EN);
        assertEquals(64, bench.out.length());
        assertEquals(INT_TEMPTY, bench.read(ISR, 4) & INT_TEMPTY, "the FIFO drained: TEMPTY event");
    }

    @Test
    void interruptMaskIsSetByIerClearedByIdrAndStatusIsWriteOneToClear() {
        bench.write(IER, 4, INT_TEMPTY | INT_RTRIG);
        bench.write(IDR, 4, INT_RTRIG);
        assertEquals(INT_TEMPTY, bench.read(IMR, 4));
        assertEquals(0, bench.read(IER, 4), "IER reads zero");
        assertFalse(bench.wire.asserted(), "no event yet: the FIFO was empty all along");
        bench.write(FIFO, 4, 'x');
        assertTrue(bench.wire.asserted(), "TEMPTY after the byte went out");
        bench.write(ISR, 4, INT_TEMPTY);
        assertFalse(bench.wire.asserted(), "cleared, and the FIFO staying empty is no new event");
    }

    @Test
    void receiveTriggerAtTheWatermark() {
        bench.write(RXWM, 4, 3);
        bench.write(IER, 4, INT_RTRIG);
        bench.port.feedInput("ab");
        assertFalse(bench.wire.asserted());
        bench.port.feedInput("c");
        assertTrue(bench.wire.asserted());
        assertEquals(SR_RXTRIG, bench.read(SR, 4) & SR_RXTRIG);
        bench.read(FIFO, 4);
        assertTrue(bench.wire.asserted(), "ISR is sticky until written");
        bench.write(ISR, 4, INT_RTRIG);
        assertFalse(bench.wire.asserted());
    }

    @Test
    void receiveTimeoutCountsFourBitPeriodsPerRxtoutUnit() {
        bench.write(CadenceUart.BAUDGEN, 4, 124);
        bench.write(CadenceUart.BAUDDIV, 4, 6);
        bench.write(RXTOUT, 4, 10);
        bench.write(IER, 4, INT_TIMEOUT);
        bench.port.feedInput("k");
        // 124 * 7 clocks at 100 MHz = 8.68 us per bit; 40 bits = 347.2 us.
        bench.runFor(345 * Bench.US);
        assertFalse(bench.wire.asserted());
        bench.runFor(5 * Bench.US);
        assertTrue(bench.wire.asserted());
    }

    @Test
    void rxResetEmptiesTheFifoAndClearsItself() {
        bench.port.feedInput("stale");
        bench.write(CR, 4, CR_RXRST | CR_TX_EN | CR_RX_EN);
        assertEquals(SR_RXEMPTY, bench.read(SR, 4) & SR_RXEMPTY);
        assertEquals(CR_TX_EN | CR_RX_EN, bench.read(CR, 4));
    }
}
