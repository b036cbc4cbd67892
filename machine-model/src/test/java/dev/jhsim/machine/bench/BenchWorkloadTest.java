package dev.jhsim.machine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.linux.UserModeRunner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the benchmark workload once for correctness (the benchmark itself is not part of the build). */
class BenchWorkloadTest {
    @Test
    void computesTheChecksumQemuComputes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UserModeRunner.Result r = BenchWorkload.run(out);
        assertNull(r.error());
        assertEquals(0, r.exitCode());
        assertEquals(BenchWorkload.EXPECTED_OUTPUT, out.toString(StandardCharsets.US_ASCII));
        assertEquals(BenchWorkload.INSTRUCTIONS, r.instructions());
    }

    /**
     * The hot loop allocates nothing: a whole run, machine set-up included,
     * allocates far less than one byte per guest instruction.
     */
    @Test
    void allocatesNothingPerInstruction() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        BenchWorkload.run(new ByteArrayOutputStream());
        long before = threads.getCurrentThreadAllocatedBytes();
        UserModeRunner.Result r = BenchWorkload.run(new ByteArrayOutputStream());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < r.instructions() / 4, allocated + " bytes for " + r.instructions() + " instructions");
    }

    @Test
    void isDeterministic() throws Exception {
        UserModeRunner.Result a = BenchWorkload.run(new ByteArrayOutputStream());
        UserModeRunner.Result b = BenchWorkload.run(new ByteArrayOutputStream());
        assertEquals(a.instructions(), b.instructions());
        assertEquals(a.simulatedPs(), b.simulatedPs());
    }
}
