package dev.jhsim.hypervisor.core;

/**
 * Interrupts waiting for a free list register of one CPU, with the CPU that
 * sent each ({@code struct pending_irqs}): a ring of 256 entries; when it is
 * full, further interrupts are dropped, as upstream drops them.
 */
public final class PendingIrqs {
    private static final int CAPACITY = 256;

    private final int[] irqs = new int[CAPACITY];
    private final int[] senders = new int[CAPACITY];
    private int head;
    private int tail;

    public void add(int irq, int sender) {
        int next = (tail + 1) % CAPACITY;
        if (next != head) {
            irqs[tail] = irq;
            senders[tail] = sender;
            tail = next;
        }
    }

    public boolean isEmpty() {
        return head == tail;
    }

    public int headIrq() {
        return irqs[head];
    }

    public int headSender() {
        return senders[head];
    }

    public void removeHead() {
        head = (head + 1) % CAPACITY;
    }

    public void clear() {
        head = 0;
        tail = 0;
    }
}
