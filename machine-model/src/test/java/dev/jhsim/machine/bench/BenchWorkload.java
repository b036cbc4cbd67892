package dev.jhsim.machine.bench;

import dev.jhsim.machine.arm64.linux.UserModeRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The compute workload the guest-MIPS benchmark runs: {@code src/test/c/bench.c}
 * (sieve, matrix multiply, hash chain; no C library), committed prebuilt as a
 * test resource so the benchmark needs no cross compiler.
 */
public final class BenchWorkload {
    /** What the program prints: its checksum, as qemu-aarch64 prints it too. */
    public static final String EXPECTED_OUTPUT = "98e0bbc99c7b0654\n";
    /** Guest instructions one run retires (the run is deterministic; BenchWorkloadTest checks it). */
    public static final int INSTRUCTIONS = 18_425_745;

    private static final byte[] IMAGE = load();

    private BenchWorkload() {
    }

    private static byte[] load() {
        try (InputStream in = BenchWorkload.class.getResourceAsStream("bench-aarch64")) {
            if (in == null) {
                throw new IllegalStateException("benchmark image bench-aarch64 missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the workload once; returns the result and leaves the program's output in {@code stdout}. */
    public static UserModeRunner.Result run(ByteArrayOutputStream stdout) throws Exception {
        return UserModeRunner.run(IMAGE, "bench", List.of("bench"), InputStream.nullInputStream(), stdout,
                new ByteArrayOutputStream(), Long.MAX_VALUE);
    }
}
