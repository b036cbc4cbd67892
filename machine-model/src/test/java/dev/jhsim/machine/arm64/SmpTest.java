package dev.jhsim.machine.arm64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.sysreg.BaseRegisters;
import dev.jhsim.machine.arm64.sysreg.SystemRegisters;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Simulation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Two cores on one bus, interleaved by the kernel in small quanta, increment
 * a shared counter with load-exclusive/store-exclusive: no increment is lost,
 * and the run is the same every time.
 */
class SmpTest {
    private static final long CODE = 0x40000000L;
    private static final long COUNTER = 0x40100000L;
    private static final int ROUNDS = 1000;
    /**
     * loop: ldaxr x1, [x0]; b 1f; 1: add x1, x1, #1; stlxr w2, x1, [x0]; cbnz w2, loop;
     * subs x3, x3, #1; b.ne loop; svc #0. The branch splits the exclusive pair into two blocks, so that
     * the kernel can switch cores between the load and the store.
     */
    private static final int[] PROGRAM = {0xC85FFC01, 0x14000001, 0x91000421, 0xC802FC01, 0x35FFFF82, 0xF1000463,
        0x54FFFF41, 0xD4000001};
    /** Instructions a core retires when none of its store-exclusives fails. */
    private static final long UNCONTENDED = 7L * ROUNDS + 1;

    private record Outcome(long counter, long retired0, long retired1) {
    }

    private static Outcome run(long quantum) {
        PhysicalBus bus = new PhysicalBus();
        bus.addRam(CODE, 1 << 21);
        ByteBuffer code = ByteBuffer.allocate(4 * PROGRAM.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : PROGRAM) {
            code.putInt(w);
        }
        bus.writeBytes(CODE, code.array(), 0, code.capacity());
        SystemRegisters sysregs = BaseRegisters.create(0x411FD070L);
        Simulation sim = new Simulation(quantum);
        Arm64Cpu[] cpus = new Arm64Cpu[2];
        for (int i = 0; i < 2; i++) {
            Arm64Cpu cpu = new Arm64Cpu(i, bus, sysregs, 1_000_000_000L + i * 300_000_000L);
            cpu.setRouter((c, s) -> c.halt("done"));
            cpu.x[0] = COUNTER;
            cpu.x[3] = ROUNDS;
            cpu.pc = CODE;
            sim.addProcessor(cpu);
            cpus[i] = cpu;
        }
        assertEquals(Simulation.Outcome.ALL_HALTED, sim.runUntilHalted(Long.MAX_VALUE));
        byte[] counter = new byte[8];
        bus.readBytes(COUNTER, counter, 0, 8);
        return new Outcome(ByteBuffer.wrap(counter).order(ByteOrder.LITTLE_ENDIAN).getLong(), cpus[0].retired(),
                cpus[1].retired());
    }

    @Test
    void exclusivesKeepEveryIncrementWhenCoresInterleave() {
        for (long quantum : new long[] {2, 3, 5, 7, 100}) {
            Outcome o = run(quantum);
            assertEquals(2L * ROUNDS, o.counter(), "quantum " + quantum);
            if (quantum <= 5) {
                assertTrue(o.retired0() + o.retired1() > 2 * UNCONTENDED,
                        "quantum " + quantum + ": some store-exclusive must have failed and been retried");
            }
        }
    }

    @Test
    void interleavingIsDeterministic() {
        assertEquals(run(5), run(5));
    }
}
