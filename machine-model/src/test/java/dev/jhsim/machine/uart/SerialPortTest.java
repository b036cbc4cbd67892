package dev.jhsim.machine.uart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class SerialPortTest {
    @Test
    void longInputArrivesWholeAndInOrderThroughTheReceiver() {
        Bench bench = new Bench();
        Pl011 uart = new Pl011(bench.port, bench.wire, bench.sim, 24_000_000);
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sent.append((char) ('!' + i % 90));
        }
        bench.port.feedInput(sent.toString());
        bench.port.feedInput("\u00e9");
        StringBuilder got = new StringBuilder();
        while ((uart.read(Pl011.FR, 4) & Pl011.FR_RXFE) == 0) {
            got.append((char) uart.read(Pl011.DR, 4));
        }
        assertEquals(sent + "\u00c3\u00a9", got.toString(), "UTF-8 bytes of the accented letter last");
        assertEquals(0, bench.port.pendingInput());
    }

    @Test
    void outputGoesToTheSinkConnectedAtTheTimeAsBytes() {
        Bench bench = new Bench();
        Pl011 uart = new Pl011(bench.port, bench.wire, bench.sim, 0);
        uart.write(Pl011.DR, 4, 'a');
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        bench.port.connectOutput(log::write);
        uart.write(Pl011.DR, 4, 0xff);
        uart.write(Pl011.DR, 4, 'b');
        assertEquals("a", bench.out.toString());
        assertEquals("[-1, 98]", java.util.Arrays.toString(log.toByteArray()));
        assertEquals("uart0", uart.port().name());
    }
}
