package dev.jhsim.machine.uart;

import static dev.jhsim.machine.uart.LinflexUart.BDRL;
import static dev.jhsim.machine.uart.LinflexUart.BDRM;
import static dev.jhsim.machine.uart.LinflexUart.LINCR1;
import static dev.jhsim.machine.uart.LinflexUart.LINCR1_INIT;
import static dev.jhsim.machine.uart.LinflexUart.LINIER;
import static dev.jhsim.machine.uart.LinflexUart.LINIER_DRIE;
import static dev.jhsim.machine.uart.LinflexUart.LINIER_DTIE;
import static dev.jhsim.machine.uart.LinflexUart.LINSR;
import static dev.jhsim.machine.uart.LinflexUart.LINSR_LINS_IDLE;
import static dev.jhsim.machine.uart.LinflexUart.LINSR_LINS_INIT;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_PC0;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_PC1;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_RFBM;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_RXEN;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_TFBM;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_TXEN;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_UART;
import static dev.jhsim.machine.uart.LinflexUart.UARTCR_WL0;
import static dev.jhsim.machine.uart.LinflexUart.UARTSR;
import static dev.jhsim.machine.uart.LinflexUart.UARTSR_DRF_RFE;
import static dev.jhsim.machine.uart.LinflexUart.UARTSR_DTF_TFF;
import static dev.jhsim.machine.uart.LinflexUart.UARTSR_RFNE;
import static dev.jhsim.machine.uart.LinflexUart.UARTSR_RMB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinflexUartTest {
    private static final int LINS_MASK = 0xf << 12;

    private final Bench bench = new Bench();

    {
        bench.with(new LinflexUart(bench.port, bench.wire));
    }

    private void enterInitMode() {
        bench.write(LINCR1, 4, bench.read(LINCR1, 4) | LINCR1_INIT);
        bench.pollUntil(LINSR, 4, sr -> (sr & LINS_MASK) == LINSR_LINS_INIT);
    }

    private void leaveInitMode() {
        bench.write(LINCR1, 4, bench.read(LINCR1, 4) & ~LINCR1_INIT);
    }

    /** The MinervaSys hypervisor driver taking the UART over: init mode, buffer mode, TX only. */
    private long jailhouseHypModeEnter() {
        enterInitMode();
        long saved = bench.read(UARTCR, 4);
        bench.write(UARTCR, 4, UARTCR_UART | UARTCR_WL0 | UARTCR_PC1 | UARTCR_PC0 | UARTCR_TXEN);
        leaveInitMode();
        return saved;
    }

    /** Its putc: BDRL, wait for DTF, then write UARTSR back with DTF set (write one to clear). */
    private void jailhousePuts(String s) {
        for (char c : s.toCharArray()) {
            bench.write(BDRL, 4, c);
            bench.pollUntil(UARTSR, 4, sr -> (sr & UARTSR_DTF_TFF) != 0);
            bench.write(UARTSR, 4, bench.read(UARTSR, 4) | UARTSR_DTF_TFF);
        }
    }

    private void jailhouseHypModeLeave(long saved) {
        enterInitMode();
        bench.write(UARTCR, 4, saved);
        leaveInitMode();
    }

    @Test
    void theMinervaSysHypervisorSequencePrintsAndRestoresTheLinuxSetup() {
        long saved = jailhouseHypModeEnter();
        assertEquals(LINSR_LINS_IDLE, bench.read(LINSR, 4) & LINS_MASK);
        jailhousePuts("S32G\n");
        assertEquals("S32G\n", bench.out.toString());
        assertEquals(0, bench.read(UARTSR, 4) & UARTSR_DTF_TFF, "DTF cleared after each byte");
        jailhouseHypModeLeave(saved);
        assertEquals(saved, bench.read(UARTCR, 4));
    }

    @Test
    void uBootFifoModeWithByteAccesses() {
        enterInitMode();
        bench.write(UARTCR, 4, UARTCR_UART);
        bench.write(UARTCR, 4, UARTCR_UART | UARTCR_WL0 | UARTCR_TXEN | UARTCR_RXEN | UARTCR_TFBM | UARTCR_RFBM);
        leaveInitMode();
        for (char c : "ok".toCharArray()) {
            bench.pollUntil(UARTSR, 1, sr -> (sr & UARTSR_DTF_TFF) == 0);
            bench.write(BDRL, 1, c);
        }
        assertEquals("ok", bench.out.toString());
        assertEquals(UARTSR_DRF_RFE, bench.read(UARTSR, 4), "FIFO mode: receive FIFO empty");
        bench.port.feedInput("hey!!");
        assertEquals(UARTSR_RFNE, bench.read(UARTSR, 4));
        assertEquals(1, bench.port.pendingInput(), "the receive FIFO holds four bytes");
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            bench.pollUntil(UARTSR, 4, sr -> (sr & UARTSR_DRF_RFE) == 0);
            got.append((char) bench.read(BDRM, 1));
        }
        assertEquals("hey!!", got.toString());
    }

    @Test
    void bufferModeReceptionWaitsForSoftwareToReleaseTheBuffer() {
        bench.port.feedInput("ab");
        assertEquals(UARTSR_DRF_RFE | UARTSR_RMB, bench.read(UARTSR, 4));
        assertEquals('a', bench.read(BDRM, 4));
        assertEquals('a', bench.read(BDRM, 4), "reading does not release the buffer");
        bench.write(UARTSR, 4, UARTSR_DRF_RFE | UARTSR_RMB);
        assertEquals('b', bench.read(BDRM, 4), "releasing it let the next byte in");
        bench.write(UARTSR, 1, UARTSR_DRF_RFE);
        assertEquals(UARTSR_RMB, bench.read(UARTSR, 4), "a byte write reaches only the low byte: RMB stays");
    }

    @Test
    void interruptsForDataTransmittedAndReceived() {
        bench.write(LINIER, 4, LINIER_DRIE);
        bench.port.feedInput("r");
        assertTrue(bench.wire.asserted());
        bench.write(UARTSR, 4, UARTSR_DRF_RFE | UARTSR_RMB);
        assertFalse(bench.wire.asserted());
        bench.write(LINIER, 4, LINIER_DTIE);
        bench.write(BDRL, 4, 't');
        assertTrue(bench.wire.asserted());
        bench.write(UARTSR, 4, UARTSR_DTF_TFF);
        assertFalse(bench.wire.asserted());
    }

    @Test
    void nothingIsSentInInitMode() {
        enterInitMode();
        bench.write(BDRL, 4, 'x');
        assertEquals("", bench.out.toString());
        assertEquals(0, bench.read(UARTSR, 4) & UARTSR_DTF_TFF);
    }

    @Test
    void controlRegisterTakesByteWrites() {
        bench.write(UARTCR + 1, 1, UARTCR_TFBM >> 8);
        assertEquals(UARTCR_TFBM | UARTCR_PC1 | UARTCR_RXEN | UARTCR_TXEN | UARTCR_PC0 | UARTCR_WL0 | UARTCR_UART,
                bench.read(UARTCR, 4), "the low byte kept");
    }
}
