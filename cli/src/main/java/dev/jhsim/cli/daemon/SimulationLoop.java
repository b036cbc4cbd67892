package dev.jhsim.cli.daemon;

import dev.jhsim.hypervisor.session.BoardSession;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's simulation thread: it advances the board in slices of virtual
 * time and, between slices, runs what clients asked for, so the board is only
 * ever touched by this one thread.
 */
final class SimulationLoop {
    /** Virtual time per slice: short enough that commands are answered promptly. */
    static final long SLICE_PS = 10_000_000_000L;

    /** In real time, a lag behind the wall clock beyond this is dropped instead of caught up. */
    private static final long MAX_LAG_PS = 1_000_000_000_000L;

    private final BoardSession session;
    private final Speed speed;
    private final Runnable afterSlice;
    private final BlockingQueue<Task<?>> tasks = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private boolean finished;

    /** {@code afterSlice} runs on this thread after each slice (e.g. to flush logs). */
    SimulationLoop(BoardSession session, Speed speed, Runnable afterSlice) {
        this.session = session;
        this.speed = speed;
        this.afterSlice = afterSlice;
    }

    /** Work for the simulation thread and its result. */
    private record Task<T>(Callable<T> work, CompletableFuture<T> result) {
        void run() {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }

        void fail() {
            result.completeExceptionally(new IllegalStateException("the board has stopped"));
        }
    }

    /** Runs {@code work} on the simulation thread between slices; fails it once the loop has ended. */
    synchronized <T> CompletableFuture<T> submit(Callable<T> work) {
        Task<T> task = new Task<>(work, new CompletableFuture<>());
        if (finished) {
            task.fail();
        } else {
            tasks.add(task);
        }
        return task.result();
    }

    /** Ends {@link #run()} after the task running now; callable from the simulation thread or any other. */
    void stop() {
        stopping = true;
        tasks.add(new Task<>(() -> null, new CompletableFuture<>()));
    }

    /** Simulates until {@link #stop()}; the calling thread becomes the simulation thread. */
    void run() throws InterruptedException {
        try {
            simulate();
        } finally {
            failLeftovers();
        }
    }

    private void simulate() throws InterruptedException {
        long wallStart = System.nanoTime();
        long virtualStart = session.now();
        while (!stopping) {
            long waitNanos;
            if (speed == Speed.REALTIME) {
                long behind = virtualStart + (System.nanoTime() - wallStart) * 1000 - session.now();
                if (behind > MAX_LAG_PS) {
                    wallStart = System.nanoTime();
                    virtualStart = session.now();
                    behind = 0;
                }
                if (behind > 0) {
                    slice(Math.min(behind, SLICE_PS));
                    runQueued();
                    continue;
                }
                waitNanos = Math.min(-behind, SLICE_PS) / 1000 + 1;
            } else if (someCellRuns()) {
                slice(SLICE_PS);
                runQueued();
                continue;
            } else {
                waitNanos = Long.MAX_VALUE;
            }
            Task<?> task = tasks.poll(waitNanos, TimeUnit.NANOSECONDS);
            if (task != null) {
                task.run();
                runQueued();
            }
        }
    }

    /** Fails what was asked too late, so that no client waits for an answer that never comes. */
    private synchronized void failLeftovers() {
        finished = true;
        for (Task<?> late; (late = tasks.poll()) != null; ) {
            late.fail();
        }
    }

    private void slice(long picoseconds) {
        session.run(picoseconds);
        afterSlice.run();
    }

    private void runQueued() {
        for (Task<?> task; !stopping && (task = tasks.poll()) != null; ) {
            task.run();
        }
    }

    /** Whether a non-root cell runs: only then is there anything to simulate at full speed. */
    private boolean someCellRuns() {
        return session.driver().cells().stream().anyMatch(c -> c.id() != 0 && c.state().startsWith("running"));
    }
}
