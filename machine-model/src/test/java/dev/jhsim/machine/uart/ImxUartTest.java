package dev.jhsim.machine.uart;

import static dev.jhsim.machine.uart.ImxUart.UCR1;
import static dev.jhsim.machine.uart.ImxUart.UCR1_RRDYEN;
import static dev.jhsim.machine.uart.ImxUart.UCR1_TRDYEN;
import static dev.jhsim.machine.uart.ImxUart.UCR1_UARTEN;
import static dev.jhsim.machine.uart.ImxUart.UCR2;
import static dev.jhsim.machine.uart.ImxUart.UCR2_SRST;
import static dev.jhsim.machine.uart.ImxUart.UCR4;
import static dev.jhsim.machine.uart.ImxUart.UCR4_DREN;
import static dev.jhsim.machine.uart.ImxUart.URXD;
import static dev.jhsim.machine.uart.ImxUart.URXD_CHARRDY;
import static dev.jhsim.machine.uart.ImxUart.USR1;
import static dev.jhsim.machine.uart.ImxUart.USR1_RRDY;
import static dev.jhsim.machine.uart.ImxUart.USR1_TRDY;
import static dev.jhsim.machine.uart.ImxUart.USR2;
import static dev.jhsim.machine.uart.ImxUart.USR2_RDR;
import static dev.jhsim.machine.uart.ImxUart.USR2_TXDC;
import static dev.jhsim.machine.uart.ImxUart.UTS;
import static dev.jhsim.machine.uart.ImxUart.UTS_RXEMPTY;
import static dev.jhsim.machine.uart.ImxUart.UTS_TXEMPTY;
import static dev.jhsim.machine.uart.ImxUart.UTXD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImxUartTest {
    private final Bench bench = new Bench();

    {
        bench.with(new ImxUart(bench.port, bench.wire));
    }

    /** Jailhouse's i.MX putc: wait for UTS.TXEMPTY; skip the byte if UCR1.UARTEN is clear; UTXD. */
    private void jailhousePuts(String s) {
        for (char c : s.toCharArray()) {
            bench.pollUntil(UTS, 4, uts -> (uts & UTS_TXEMPTY) != 0);
            if ((bench.read(UCR1, 4) & UCR1_UARTEN) == 0) {
                continue;
            }
            bench.write(UTXD, 4, c);
        }
    }

    @Test
    void jailhousePrintsOnTheFirmwareSetup() {
        jailhousePuts("i.MX8M\n");
        assertEquals("i.MX8M\n", bench.out.toString());
    }

    @Test
    void withTheUartDisabledJailhouseDropsTheBytesAndNothingIsSent() {
        bench.write(UCR1, 4, 0);
        jailhousePuts("lost");
        bench.write(UTXD, 4, 'q');
        assertEquals("", bench.out.toString());
        assertEquals(0, bench.read(UTS, 4) & UTS_TXEMPTY, "the byte written anyway waits in the FIFO");
        assertEquals(0, bench.read(USR2, 4) & USR2_TXDC);
        bench.write(UCR1, 4, UCR1_UARTEN);
        assertEquals("q", bench.out.toString());
    }

    @Test
    void pollingInputByUsr2AndByUts() {
        bench.port.feedInput("ab");
        bench.pollUntil(USR2, 4, usr2 -> (usr2 & USR2_RDR) != 0);
        assertEquals(URXD_CHARRDY | 'a', bench.read(URXD, 4));
        bench.pollUntil(UTS, 4, uts -> (uts & UTS_RXEMPTY) == 0);
        assertEquals('b', bench.read(URXD, 4) & 0xff);
        assertEquals(UTS_RXEMPTY | UTS_TXEMPTY, bench.read(UTS, 4));
        assertEquals(0, bench.read(URXD, 4), "nothing ready");
    }

    @Test
    void receiveInterruptsByDataReadyAndByTriggerLevel() {
        bench.write(UCR4, 4, 0x8000 | UCR4_DREN);
        bench.port.feedInput("x");
        assertTrue(bench.wire.asserted());
        bench.read(URXD, 4);
        assertFalse(bench.wire.asserted());
        bench.write(UCR4, 4, 0x8000);
        bench.write(ImxUart.UFCR, 4, 0x0800 | 2);
        bench.write(UCR1, 4, UCR1_UARTEN | UCR1_RRDYEN);
        bench.port.feedInput("y");
        assertEquals(0, bench.read(USR1, 4) & USR1_RRDY, "1 of 2");
        bench.port.feedInput("z");
        assertEquals(USR1_RRDY, bench.read(USR1, 4) & USR1_RRDY);
        assertTrue(bench.wire.asserted());
    }

    @Test
    void transmitterReadyInterrupt() {
        assertEquals(USR1_TRDY, bench.read(USR1, 4) & USR1_TRDY);
        bench.write(UCR1, 4, UCR1_UARTEN | UCR1_TRDYEN);
        assertTrue(bench.wire.asserted());
    }

    @Test
    void softwareResetEmptiesTheFifosAndReadsBackDone() {
        bench.port.feedInput("old");
        bench.write(UCR2, 4, bench.read(UCR2, 4) & ~UCR2_SRST);
        assertEquals(UCR2_SRST, bench.read(UCR2, 4) & UCR2_SRST);
        assertEquals(0, bench.read(USR2, 4) & USR2_RDR, "the received bytes were reset away");
        bench.port.feedInput("new");
        assertEquals('n', bench.read(URXD, 4) & 0xff);
    }
}
