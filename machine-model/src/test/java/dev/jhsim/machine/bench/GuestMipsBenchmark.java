package dev.jhsim.machine.bench;

import dev.jhsim.machine.arm64.linux.UserModeRunner;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Guest MIPS of the core on the compute workload ({@link BenchWorkload}). One
 * operation is one guest instruction, so the score in operations per
 * microsecond is guest MIPS. Each invocation builds a fresh machine, loads the
 * image and runs it to its exit. Run with
 * {@code mvn -B -pl machine-model -am -Pbenchmarks -DskipTests verify}
 * (see docs/performance.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class GuestMipsBenchmark {
    @Benchmark
    @OperationsPerInvocation(BenchWorkload.INSTRUCTIONS)
    public UserModeRunner.Result computeWorkload() throws Exception {
        return BenchWorkload.run(new ByteArrayOutputStream(32));
    }
}
