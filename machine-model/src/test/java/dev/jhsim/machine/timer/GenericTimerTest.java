package dev.jhsim.machine.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.el2.GuestState;
import dev.jhsim.machine.arm64.system.CpuCluster;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.irq.InterruptController;
import dev.jhsim.machine.irq.InterruptLine;
import dev.jhsim.machine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timers' registers and their interrupt lines against virtual time, with no guest code but a WFI loop. */
class GenericTimerTest {
    static final long RAM = 0x4000_0000L;
    /** 62.5 MHz: one tick is 16 ns. */
    static final long FREQUENCY = 62_500_000L;
    static final long PS_PER_TICK = 16_000;

    final PhysicalBus bus = new PhysicalBus();
    final CpuCluster cluster;
    final Arm64Cpu cpu;
    final GuestState el2;
    final Simulation sim = new Simulation(1000);
    /** "time intid level" for every change of a timer line. */
    final List<String> lines = new ArrayList<>();

    GenericTimerTest() {
        bus.addRam(RAM, 0x10_0000);
        cluster = new CpuCluster(bus, 1, 1_000_000_000L, 0x411FD070L, i -> 0x8000_0000L | i, true);
        cpu = cluster.cpu(0);
        el2 = cluster.guest(0);
        InterruptController recorder = new InterruptController() {
            @Override
            public InterruptLine shared(int intid) {
                throw new AssertionError("timers use PPIs");
            }

            @Override
            public InterruptLine perCpu(int index, int intid) {
                return level -> lines.add(sim.now() + " " + intid + " " + (level ? "up" : "down"));
            }
        };
        GenericTimer.install(cluster.sysregs(), cluster.cpus(), new SystemCounter(sim, FREQUENCY), recorder,
                new GenericTimer.Interrupts(30, 27, 26));
        // wfi; b . (interrupts masked: the CPU only ever waits)
        bus.writeBytes(RAM, new byte[] {0x7F, 0x20, 0x03, (byte) 0xD5, 0x00, 0x00, 0x00, 0x14}, 0, 8);
        cpu.resetTo(RAM, 1);
        sim.addProcessor(cpu);
    }

    @Test
    void theVirtualTimerFiresAtItsCompareValueShiftedByTheOffset() {
        sim.runUntil(1000 * PS_PER_TICK);
        el2.writeSysreg("CNTVOFF_EL2", 500);
        assertEquals(500, el2.readSysreg("CNTVCT_EL0"));
        el2.writeSysreg("CNTV_CVAL_EL0", 1000);
        el2.writeSysreg("CNTV_CTL_EL0", 1);
        assertEquals(1, el2.readSysreg("CNTV_CTL_EL0"), "enabled, condition not met yet");
        sim.runUntil(100_000_000L);
        assertEquals(List.of(1500 * PS_PER_TICK + " 27 up"), lines, "virtual count 1000 = physical 1500");
        assertEquals(5, el2.readSysreg("CNTV_CTL_EL0"), "ISTATUS");
        assertEquals(100_000_000L / PS_PER_TICK - 500, el2.readSysreg("CNTVCT_EL0"));
        el2.writeSysreg("CNTV_CTL_EL0", 3);
        assertEquals(List.of(1500 * PS_PER_TICK + " 27 up", "100000000 27 down"), lines, "IMASK drops the line");
    }

    @Test
    void tvalCountsDownFromNowAndReprogrammingMovesTheEvent() {
        sim.runUntil(10 * PS_PER_TICK);
        el2.writeSysreg("CNTP_TVAL_EL0", 100);
        assertEquals(110, el2.readSysreg("CNTP_CVAL_EL0"));
        el2.writeSysreg("CNTP_CTL_EL0", 1);
        sim.runUntil(50 * PS_PER_TICK);
        assertEquals(60, el2.readSysreg("CNTP_TVAL_EL0"));
        el2.writeSysreg("CNTP_CVAL_EL0", 200);
        sim.runUntil(1_000 * PS_PER_TICK);
        assertEquals(List.of(200 * PS_PER_TICK + " 30 up"), lines, "only the reprogrammed deadline fires");
        assertEquals(0xFFFF_FFFFL & -800, el2.readSysreg("CNTP_TVAL_EL0"), "TVAL goes negative once met");
        el2.writeSysreg("CNTP_CTL_EL0", 0);
        assertEquals(List.of(200 * PS_PER_TICK + " 30 up", 1000 * PS_PER_TICK + " 30 down"), lines);
    }

    @Test
    void theHypervisorTimerHasItsOwnPpi() {
        el2.writeSysreg("CNTHP_CVAL_EL2", 3);
        el2.writeSysreg("CNTHP_CTL_EL2", 1);
        sim.runUntil(1_000_000_000L);
        assertEquals(List.of(3 * PS_PER_TICK + " 26 up"), lines);
    }

    @Test
    void aCpuWaitingForAnHourOfVirtualTimeRunsTwoInstructions() {
        el2.writeSysreg("CNTV_CVAL_EL0", FREQUENCY * 3600);
        el2.writeSysreg("CNTV_CTL_EL0", 1);
        long begin = System.nanoTime();
        sim.runUntil(3601 * Simulation.PS_PER_SECOND);
        long hostMs = (System.nanoTime() - begin) / 1_000_000;
        assertEquals(List.of(3600 * Simulation.PS_PER_SECOND + " 27 up"), lines);
        assertEquals(1, cpu.retired(), "the WFI, then an hour asleep (the recorded line goes to no CPU)");
        assertTrue(hostMs < 1000, "an hour of waiting took " + hostMs + " ms of host time");
    }

    @Test
    void counterConversionsAreExactBeyondSixtyFourBitProducts() {
        SystemCounter c = new SystemCounter(sim, FREQUENCY);
        assertEquals(Long.MAX_VALUE / PS_PER_TICK, c.ticksAt(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, c.timeOf(Long.MAX_VALUE / 10), "beyond the representable time");
        SystemCounter odd = new SystemCounter(sim, 19_200_000L);
        long t = 7_000_000_000_000_000L;
        assertEquals(134_400_000_000L, odd.ticksAt(t));
        assertEquals(t, odd.timeOf(134_400_000_000L));
        assertEquals(t + 52_084, odd.timeOf(134_400_000_001L), "rounded up to the first instant it is reached");
    }
}
