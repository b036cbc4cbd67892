package dev.jhsim.machine.bench;

import dev.jhsim.machine.arm64.linux.UserModeRunner;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Guest MIPS of the core on the compute workload ({@link BenchWorkload}): the
 * {@code guestInstructions} counter, in operations per microsecond, is guest
 * MIPS. Run with {@code mvn -B -pl machine-model -am -Pbenchmarks -DskipTests verify}
 * (see docs/performance.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GuestMipsBenchmark {
    /** Counts retired guest instructions; JMH reports them as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long guestInstructions;

        @Setup(Level.Iteration)
        public void reset() {
            guestInstructions = 0;
        }
    }

    @Benchmark
    public UserModeRunner.Result computeWorkload(Counters counters) throws Exception {
        UserModeRunner.Result r = BenchWorkload.run(new ByteArrayOutputStream(32));
        counters.guestInstructions += r.instructions();
        return r;
    }
}
