package dev.jhsim.machine.arm64.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.sim.Processor;
import dev.jhsim.machine.sim.Simulation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * SEV wakes the other cores of the cluster from WFE (as a spinlock's owner
 * wakes its waiters); SEVL sets only the local event register.
 */
class SendEventTest {
    private static final long CODE = 0x4000_0000L;
    private static final long WAITER = CODE + 0x1000;
    private static final long FLAG = 0x4002_0000L;

    private static final int WFE = 0xD503205F;
    private static final int SEV = 0xD503209F;
    private static final int SEVL = 0xD50320BF;
    private static final int NOP = 0xD503201F;
    private static final int B_SELF = 0x14000000;

    private final PhysicalBus bus = new PhysicalBus();
    private final CpuCluster cluster;
    private final Simulation sim = new Simulation(100);

    SendEventTest() {
        bus.addRam(CODE, 0x10_0000);
        cluster = new CpuCluster(bus, 2, 1_000_000_000L, 0x411FD070L, i -> 0x8000_0000L | i, false);
        cluster.cpus().forEach(sim::addProcessor);
    }

    /** Core 0 spins 1000 times, then executes {@code signal}; core 1 waits in WFE, then stores 42 to FLAG. */
    private long run(int signal) {
        write(CODE,
                0xD2807D03,         // movz x3, #1000
                0xF1000463,         // subs x3, x3, #1
                0x54FFFFE1,         // b.ne .-4
                signal,
                B_SELF);
        write(WAITER,
                0xD2A80042,         // movz x2, #0x4002, lsl #16
                SEVL, WFE,          // clear the local event register
                WFE,                // wait for an event from elsewhere
                0xD2800541,         // movz x1, #42
                0xF9000041,         // str x1, [x2]
                B_SELF);
        cluster.cpu(0).resetTo(CODE, 1);
        cluster.cpu(1).powerOn(WAITER, 0);
        sim.runUntil(sim.now() + 100 * Simulation.PS_PER_SECOND / 1_000_000);
        byte[] flag = new byte[8];
        bus.readBytes(FLAG, flag, 0, 8);
        return ByteBuffer.wrap(flag).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void sevWakesAnotherCoreFromWfe() {
        assertEquals(42, run(SEV));
        assertEquals(Processor.State.RUNNING, cluster.cpu(1).state());
    }

    @Test
    void withoutAnEventTheOtherCoreKeepsWaiting() {
        assertEquals(0, run(NOP));
        assertEquals(Processor.State.WAITING, cluster.cpu(1).state());
    }

    @Test
    void sevlOnlySetsTheLocalEventRegister() {
        assertEquals(0, run(SEVL));
        assertEquals(Processor.State.WAITING, cluster.cpu(1).state());
    }

    private void write(long at, int... words) {
        ByteBuffer b = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        bus.writeBytes(at, b.array(), 0, b.capacity());
    }
}
