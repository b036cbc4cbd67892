package dev.jhsim.cli.daemon;

import dev.jhsim.hypervisor.driver.JailhouseDriver.ConsoleRead;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what each UART transmitted: the most recent output in memory for
 * {@code jailhouse board console}, and all of it in {@code DIR/UART.log} when
 * the daemon was started with {@code --uart-log DIR}. Used on the simulation
 * thread only.
 */
final class UartRecorder {
    /** How much of each UART's output stays readable; older output is dropped (the log keeps it). */
    static final int KEPT_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(UartRecorder.class);

    private final Map<String, Output> outputs = new LinkedHashMap<>();

    /** Records the given UARTs, also into {@code logDirectory} unless it is null. */
    UartRecorder(List<String> uarts, Path logDirectory) throws IOException {
        for (String uart : uarts) {
            OutputStream log = logDirectory == null ? null
                    : new BufferedOutputStream(Files.newOutputStream(logDirectory.resolve(uart + ".log")));
            outputs.put(uart, new Output(log));
        }
    }

    void transmitted(String uart, byte value) {
        Output output = outputs.get(uart);
        if (output != null) {
            output.append(value);
        }
    }

    /** The output of {@code uart} from {@code position} on, or null for an unknown UART. */
    ConsoleRead read(String uart, long position) {
        Output output = outputs.get(uart);
        return output == null ? null : output.read(position);
    }

    /** Writes buffered log output to the files, so that {@code tail -f} sees it. */
    void flush() {
        outputs.forEach((uart, output) -> output.flush(uart));
    }

    void close() {
        outputs.forEach((uart, output) -> output.close(uart));
    }

    /** One UART's kept output (a ring addressed by absolute position) and its log. */
    private static final class Output {
        private final byte[] ring = new byte[KEPT_BYTES];
        private final OutputStream log;
        private long written;
        private boolean dirty;

        Output(OutputStream log) {
            this.log = log;
        }

        void append(byte value) {
            ring[(int) (written % KEPT_BYTES)] = value;
            written++;
            if (log != null) {
                try {
                    log.write(value);
                    dirty = true;
                } catch (IOException e) {
                    LOG.warn("UART log write failed: {}", e.getMessage());
                }
            }
        }

        ConsoleRead read(long position) {
            long from = Math.max(position, Math.max(0, written - KEPT_BYTES));
            byte[] bytes = new byte[(int) (written - from)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = ring[(int) ((from + i) % KEPT_BYTES)];
            }
            int whole = wholeCharacters(bytes);
            return new ConsoleRead(new String(bytes, 0, whole, StandardCharsets.UTF_8), from + whole);
        }

        void flush(String uart) {
            if (dirty) {
                try {
                    log.flush();
                    dirty = false;
                } catch (IOException e) {
                    LOG.warn("UART log of {} not flushed: {}", uart, e.getMessage());
                }
            }
        }

        void close(String uart) {
            if (log != null) {
                try {
                    log.close();
                } catch (IOException e) {
                    LOG.warn("UART log of {} not closed: {}", uart, e.getMessage());
                }
            }
        }
    }

    /** How many leading bytes end on a UTF-8 character boundary (the rest waits for its continuation). */
    static int wholeCharacters(byte[] bytes) {
        int end = bytes.length;
        int start = Math.max(0, end - 3);
        for (int i = end - 1; i >= start; i--) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                return end;
            }
            if (b >= 0xc0) {
                int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
                return i + length <= end ? end : i;
            }
        }
        return end;
    }
}
