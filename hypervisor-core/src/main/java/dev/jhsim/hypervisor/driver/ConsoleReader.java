package dev.jhsim.hypervisor.driver;

import dev.jhsim.hypervisor.core.HypervisorConsole;
import dev.jhsim.hypervisor.core.PhysicalMemory;

/**
 * How the driver reads the hypervisor console ({@code jailhouse console}):
 * from the console page in hypervisor memory while the hypervisor runs,
 * from the copy it took at the last disable (or failed enable) afterwards.
 * Positions count every byte the hypervisor printed since the board
 * started, across enables (each enable starts a fresh buffer); a reader
 * that falls more than the buffer's 2048 bytes behind loses the oldest.
 */
final class ConsoleReader {
    private final PhysicalMemory memory;
    /** Bytes printed by earlier enables. */
    private long base;
    /** The live console page, or -1 while the hypervisor is off. */
    private long page = -1;
    private int lastTail;
    private byte[] lastContent = new byte[0];

    ConsoleReader(PhysicalMemory memory) {
        this.memory = memory;
    }

    /** A new hypervisor's console page starts with an empty buffer. */
    void attach(long consolePage) {
        base += lastTail;
        lastTail = 0;
        lastContent = new byte[0];
        page = consolePage;
    }

    /** {@code update_last_console}: keeps what the buffer holds once the hypervisor is gone. */
    void detach() {
        lastTail = memory.read32(page + HypervisorConsole.TAIL);
        lastContent = memory.read(page + HypervisorConsole.CONTENT, HypervisorConsole.CONTENT_SIZE);
        page = -1;
    }

    JailhouseDriver.ConsoleRead read(long position) {
        int tail = page < 0 ? lastTail : memory.read32(page + HypervisorConsole.TAIL);
        byte[] content = page < 0 ? lastContent
                : memory.read(page + HypervisorConsole.CONTENT, HypervisorConsole.CONTENT_SIZE);
        long end = base + Integer.toUnsignedLong(tail);
        long start = Math.max(Math.max(position, base), end - HypervisorConsole.CONTENT_SIZE);
        StringBuilder text = new StringBuilder();
        for (long at = start; at < end && content.length > 0; at++) {
            text.append((char) (content[(int) ((at - base) % HypervisorConsole.CONTENT_SIZE)] & 0xFF));
        }
        return new JailhouseDriver.ConsoleRead(text.toString(), Math.max(position, end));
    }
}
