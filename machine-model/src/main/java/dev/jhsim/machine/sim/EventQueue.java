package dev.jhsim.machine.sim;

import java.util.PriorityQueue;

/**
 * Actions scheduled on the virtual clock. Events due at the same instant run
 * in the order they were scheduled, so a run is reproducible.
 */
public final class EventQueue {
    /** A scheduled action; {@link #cancel()} keeps it from running. */
    public static final class Event {
        private final long time;
        private final long sequence;
        private final Runnable action;
        private boolean cancelled;

        private Event(long time, long sequence, Runnable action) {
            this.time = time;
            this.sequence = sequence;
            this.action = action;
        }

        public long time() {
            return time;
        }

        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
    private long nextSequence;

    public Event schedule(long timePs, Runnable action) {
        Event e = new Event(timePs, nextSequence++, action);
        queue.add(e);
        return e;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} when there is none. */
    public long nextTime() {
        dropCancelled();
        Event head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.time;
    }

    /** Runs every event due at or before {@code now}, including those they schedule for then. */
    public void runDue(long now) {
        while (nextTime() <= now) {
            queue.poll().action.run();
        }
    }

    private void dropCancelled() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
    }
}
