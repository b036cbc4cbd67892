package dev.jhsim.machine.uart;

/** A ring of byte-sized entries (with room for error flags above the byte), bounded or growing. */
final class ByteFifo {
    private int[] slots;
    private final boolean grows;
    private int head;
    private int count;

    private ByteFifo(int capacity, boolean grows) {
        this.slots = new int[capacity];
        this.grows = grows;
    }

    /** A FIFO of {@code capacity} entries, as in the hardware. */
    static ByteFifo bounded(int capacity) {
        return new ByteFifo(capacity, false);
    }

    /** A FIFO that makes room for whatever is pushed (input waiting on the host side). */
    static ByteFifo growing() {
        return new ByteFifo(64, true);
    }

    int size() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Appends {@code value}; a full bounded FIFO drops it and returns false. */
    boolean push(int value) {
        if (count == slots.length) {
            if (!grows) {
                return false;
            }
            int[] bigger = new int[slots.length * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = slots[(head + i) % slots.length];
            }
            slots = bigger;
            head = 0;
        }
        slots[(head + count) % slots.length] = value;
        count++;
        return true;
    }

    /** Removes and returns the oldest entry; 0 when empty. */
    int pop() {
        if (count == 0) {
            return 0;
        }
        int value = slots[head];
        head = (head + 1) % slots.length;
        count--;
        return value;
    }

    void clear() {
        head = 0;
        count = 0;
    }
}
