package dev.jhsim.hypervisor.core;

/**
 * The hypervisor's {@code printk}: every message goes to the debug UART
 * (through its registers, as the hypervisor's UART driver writes it) and,
 * when the system configuration asks for a virtual debug console, into the
 * console buffer in hypervisor memory that the driver reads for
 * {@code jailhouse console}. The buffer is upstream's
 * {@code struct jailhouse_virt_console}: {@code busy}, {@code tail} (bytes
 * written so far) and 2048 bytes of content used as a ring.
 */
public final class HypervisorConsole {
    public static final int CONTENT_SIZE = 2048;
    /** Offsets in the console page. */
    public static final int BUSY = 0;
    public static final int TAIL = 4;
    public static final int CONTENT = 8;

    /** Where characters go besides the buffer: a UART driver, or nowhere. */
    @FunctionalInterface
    public interface Output {
        Output NONE = c -> { };

        void write(char c);
    }

    /** How much recent output {@link #textSince} can return. */
    private static final int RECENT = 8192;

    private final PhysicalMemory memory;
    private final long page;
    private final boolean virtualConsole;
    private final Output uart;
    private final char[] recent = new char[RECENT];
    private long written;

    public HypervisorConsole(PhysicalMemory memory, long page, boolean virtualConsole, Output uart) {
        this.memory = memory;
        this.page = page;
        this.virtualConsole = virtualConsole;
        this.uart = uart;
    }

    /** The physical address of the console page. */
    public long page() {
        return page;
    }

    public void print(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            uart.write(c);
            recent[(int) (written++ % RECENT)] = c;
        }
        if (!virtualConsole) {
            return;
        }
        memory.write32(page + BUSY, 1);
        int tail = memory.read32(page + TAIL);
        for (int i = 0; i < message.length(); i++) {
            memory.write8(page + CONTENT + Integer.remainderUnsigned(tail, CONTENT_SIZE), message.charAt(i));
            tail++;
        }
        memory.write32(page + TAIL, tail);
        memory.write32(page + BUSY, 0);
    }

    public void printf(String format, Object... args) {
        print(String.format(format, args));
    }

    /** Characters printed so far: a mark for {@link #textSince}. */
    public long written() {
        return written;
    }

    /** What was printed since {@code mark} (its last 8 KiB). */
    public String textSince(long mark) {
        StringBuilder text = new StringBuilder();
        for (long n = Math.max(mark, written - RECENT); n < written; n++) {
            text.append(recent[(int) (n % RECENT)]);
        }
        return text.toString();
    }
}
