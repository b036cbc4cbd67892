package dev.jhsim.cli;

import dev.jhsim.hypervisor.driver.JailhouseDriver.ConsoleRead;
import java.io.PrintWriter;
import java.util.function.LongFunction;

/**
 * Prints a buffer that grows while the board runs (the hypervisor console, a
 * UART's output) from its start, and when following, what it gains until the
 * user interrupts or stdout goes away.
 */
final class GrowingOutput {
    /** How long following waits before asking again when nothing new came. */
    private static final long POLL_MILLIS = 100;

    private GrowingOutput() {
    }

    static void print(PrintWriter out, boolean follow, LongFunction<ConsoleRead> reader) throws InterruptedException {
        long position = 0;
        while (true) {
            ConsoleRead read = reader.apply(position);
            out.print(read.text());
            out.flush();
            position = read.nextPosition();
            if (!follow || out.checkError()) {
                return;
            }
            if (read.text().isEmpty()) {
                Thread.sleep(POLL_MILLIS);
            }
        }
    }
}
