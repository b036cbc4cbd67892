package dev.jhsim.machine.gic;

import static dev.jhsim.machine.gic.TestMachine.GICD;
import static dev.jhsim.machine.gic.TestMachine.ICC_AP1R0;
import static dev.jhsim.machine.gic.TestMachine.ICC_ASGI1R;
import static dev.jhsim.machine.gic.TestMachine.ICC_BPR1;
import static dev.jhsim.machine.gic.TestMachine.ICC_CTLR;
import static dev.jhsim.machine.gic.TestMachine.ICC_DIR;
import static dev.jhsim.machine.gic.TestMachine.ICC_EOIR0;
import static dev.jhsim.machine.gic.TestMachine.ICC_EOIR1;
import static dev.jhsim.machine.gic.TestMachine.ICC_HPPIR1;
import static dev.jhsim.machine.gic.TestMachine.ICC_IAR0;
import static dev.jhsim.machine.gic.TestMachine.ICC_IAR1;
import static dev.jhsim.machine.gic.TestMachine.ICC_IGRPEN0;
import static dev.jhsim.machine.gic.TestMachine.ICC_IGRPEN1;
import static dev.jhsim.machine.gic.TestMachine.ICC_PMR;
import static dev.jhsim.machine.gic.TestMachine.ICC_RPR;
import static dev.jhsim.machine.gic.TestMachine.ICC_SGI0R;
import static dev.jhsim.machine.gic.TestMachine.ICC_SGI1R;
import static dev.jhsim.machine.gic.TestMachine.SGI_BASE;
import static dev.jhsim.machine.gic.TestMachine.gicr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.irq.InterruptLine;
import org.junit.jupiter.api.Test;

/** GICv3 physical delivery: from a wire or an SGI to the core's IRQ/FIQ inputs, through ICC_* at EL1. */
class GicV3DeliveryTest {
    static final int SPURIOUS = 1023;
    final TestMachine m = TestMachine.gicv3(4, 64);

    /** What an OS does: everything group 1, distributor and CPU interfaces on, PMR open. */
    GicV3DeliveryTest() {
        m.write32(0, GICD, 3);
        m.write32(0, GICD + 0x84, 0xFFFF_FFFFL);
        m.write32(0, GICD + 0x88, 0xFFFF_FFFFL);
        for (int c = 0; c < 4; c++) {
            m.write32(c, gicr(c, SGI_BASE + 0x80), 0xFFFF_FFFFL);
            m.msr(c, 1, ICC_PMR, 0xF0);
            m.msr(c, 1, ICC_IGRPEN1, 1);
        }
    }

    void enableSpi(int id, int priority) {
        m.write(0, GICD + 0x400 + id, 1, priority);
        m.write32(0, GICD + 0x100 + 4 * (id / 32), 1L << (id % 32));
    }

    void enablePrivate(int cpu, int id, int priority) {
        m.write(cpu, gicr(cpu, SGI_BASE + 0x400 + id), 1, priority);
        m.write32(cpu, gicr(cpu, SGI_BASE + 0x100), 1L << id);
    }

    void routeSpi(int id, long irouter) {
        m.write(0, GICD + 0x6000 + 8L * id, 8, irouter);
    }

    boolean irq(int cpu) {
        return m.cpu(cpu).irqLine();
    }

    @Test
    void levelPpiIsSignalledToItsCpuUntilAcknowledgedAndAgainWhileHeld() {
        enablePrivate(1, 27, 0x80);
        InterruptLine timer = m.gic.perCpu(1, 27);
        timer.set(true);
        assertTrue(irq(1));
        assertFalse(irq(0) || irq(2) || irq(3), "a PPI is private");
        assertEquals(27, m.mrs(1, 1, ICC_HPPIR1));
        assertEquals(27, m.mrs(1, 1, ICC_IAR1));
        assertFalse(irq(1), "active: not signalled again");
        assertEquals(0x80, m.mrs(1, 1, ICC_RPR));
        m.msr(1, 1, ICC_EOIR1, 27);
        assertTrue(irq(1), "the line is still high: pending again");
        assertEquals(27, m.mrs(1, 1, ICC_IAR1));
        timer.set(false);
        m.msr(1, 1, ICC_EOIR1, 27);
        assertFalse(irq(1));
        assertEquals(0xFF, m.mrs(1, 1, ICC_RPR));
        assertEquals(SPURIOUS, m.mrs(1, 1, ICC_IAR1));
    }

    @Test
    void edgeSpiIsLatchedByARisingEdgeAndOncePerEdge() {
        m.write32(0, GICD + 0xC08, 0x2);                  // SPI 32 edge-triggered
        enableSpi(32, 0xA0);
        InterruptLine line = m.gic.shared(32);
        line.set(true);
        line.set(false);
        assertTrue(irq(0), "IROUTER reset value routes to affinity 0.0.0.0");
        assertEquals(32, m.mrs(0, 1, ICC_IAR1));
        line.set(true);                                   // a second edge while active
        line.set(false);
        assertFalse(irq(0), "pending and active: not signalled");
        assertEquals(1, m.read32(0, GICD + 0x204) & 1, "but pending");
        m.msr(0, 1, ICC_EOIR1, 32);
        assertTrue(irq(0));
        assertEquals(32, m.mrs(0, 1, ICC_IAR1));
        m.msr(0, 1, ICC_EOIR1, 32);
        assertFalse(irq(0), "two edges, two interrupts");
    }

    @Test
    void levelSpiLatchedBySoftwareStaysPendingOnlyWhileTheLineHoldsIt() {
        enableSpi(33, 0xA0);
        m.write32(0, GICD + 0x204, 2);                    // ISPENDR: SPI 33
        assertEquals(33, m.mrs(0, 1, ICC_IAR1));
        m.msr(0, 1, ICC_EOIR1, 33);
        assertFalse(irq(0), "the latch was consumed and the line is low");
        m.gic.shared(33).set(true);
        m.write32(0, GICD + 0x284, 2);                    // ICPENDR cannot clear a held line
        assertTrue(irq(0));
    }

    @Test
    void group0IsSignalledAsFiqAndAcknowledgedThroughIar0Only() {
        m.write32(0, GICD + 0x84, 0xFFFF_FFFEL);         // SPI 32 in group 0
        enableSpi(32, 0x80);
        m.gic.shared(32).set(true);
        assertFalse(m.cpu(0).fiqLine(), "group 0 disabled at the CPU interface");
        m.msr(0, 1, ICC_IGRPEN0, 1);
        assertTrue(m.cpu(0).fiqLine());
        assertFalse(irq(0));
        assertEquals(SPURIOUS, m.mrs(0, 1, ICC_IAR1), "not a group 1 interrupt");
        assertEquals(32, m.mrs(0, 1, ICC_IAR0));
        m.msr(0, 1, ICC_EOIR1, 32);
        assertEquals(0x80, m.mrs(0, 1, ICC_RPR), "EOIR1 does not drop a group 0 priority");
        m.msr(0, 1, ICC_EOIR0, 32);
        assertEquals(0xFF, m.mrs(0, 1, ICC_RPR));
    }

    @Test
    void distributorGroupEnableGatesForwarding() {
        enableSpi(40, 0x80);
        m.gic.shared(40).set(true);
        assertTrue(irq(0));
        m.write32(0, GICD, 1);                            // group 1 off
        assertFalse(irq(0));
        assertEquals(SPURIOUS, m.mrs(0, 1, ICC_IAR1));
        m.write32(0, GICD, 3);
        assertTrue(irq(0));
    }

    @Test
    void highestPriorityWinsAndTiesGoToTheLowestId() {
        enableSpi(45, 0x90);
        enableSpi(41, 0xA0);
        enableSpi(44, 0x90);
        for (int id : new int[] {45, 41, 44}) {
            m.gic.shared(id).set(true);
        }
        assertEquals(44, m.mrs(0, 1, ICC_HPPIR1));
        assertEquals(44, m.mrs(0, 1, ICC_IAR1));
    }

    @Test
    void priorityMaskHidesInterruptsAtOrBelowIt() {
        enableSpi(40, 0x80);
        m.msr(0, 1, ICC_PMR, 0x80);
        m.gic.shared(40).set(true);
        assertFalse(irq(0));
        assertEquals(SPURIOUS, m.mrs(0, 1, ICC_IAR1));
        assertEquals(40, m.mrs(0, 1, ICC_HPPIR1), "HPPIR ignores the mask");
        m.msr(0, 1, ICC_PMR, 0x8F);
        assertEquals(0x88, m.mrs(0, 1, ICC_PMR), "five priority bits");
        assertTrue(irq(0));
    }

    @Test
    void onlyAHigherPriorityPreempts() {
        enableSpi(40, 0x80);
        enableSpi(41, 0x88);
        enableSpi(42, 0x60);
        m.gic.shared(40).set(true);
        assertEquals(40, m.mrs(0, 1, ICC_IAR1));
        assertEquals(1L << (0x80 >> 3), m.mrs(0, 1, ICC_AP1R0));
        m.gic.shared(41).set(true);
        assertFalse(irq(0), "0x88 does not preempt 0x80");
        m.gic.shared(42).set(true);
        assertTrue(irq(0), "0x60 preempts 0x80");
        assertEquals(42, m.mrs(0, 1, ICC_IAR1));
        assertEquals(0x60, m.mrs(0, 1, ICC_RPR));
        assertEquals(1L << (0x80 >> 3) | 1L << (0x60 >> 3), m.mrs(0, 1, ICC_AP1R0));
        m.gic.shared(42).set(false);
        m.msr(0, 1, ICC_EOIR1, 42);
        assertEquals(0x80, m.mrs(0, 1, ICC_RPR), "back to the preempted one");
        assertFalse(irq(0));
        m.gic.shared(40).set(false);
        m.msr(0, 1, ICC_EOIR1, 40);
        assertTrue(irq(0));
        assertEquals(41, m.mrs(0, 1, ICC_IAR1));
    }

    @Test
    void binaryPointGroupsPrioritiesForPreemption() {
        m.msr(0, 1, ICC_BPR1, 1);
        assertEquals(3, m.mrs(0, 1, ICC_BPR1), "below the minimum reads the minimum");
        m.msr(0, 1, ICC_BPR1, 7);                         // CPU 0: only bit 7 is group priority
        for (int cpu = 0; cpu < 2; cpu++) {
            enableSpi(40 + 2 * cpu, 0x40);
            enableSpi(41 + 2 * cpu, 0x10);
            routeSpi(40 + 2 * cpu, cpu);
            routeSpi(41 + 2 * cpu, cpu);
            m.gic.shared(40 + 2 * cpu).set(true);
            assertEquals(40 + 2 * cpu, m.mrs(cpu, 1, ICC_IAR1));
            m.gic.shared(41 + 2 * cpu).set(true);
        }
        assertEquals(0x00, m.mrs(0, 1, ICC_RPR), "running at group priority 0x40 & 0x80");
        assertFalse(irq(0), "0x10 and 0x40 are in the same priority group");
        assertEquals(0x40, m.mrs(1, 1, ICC_RPR));
        assertTrue(irq(1), "with all five bits, 0x10 preempts 0x40");
    }

    @Test
    void eoiModeOneDropsPriorityOnEoiAndDeactivatesOnDir() {
        m.msr(0, 1, ICC_CTLR, 2);
        assertEquals(2, m.mrs(0, 1, ICC_CTLR) & 3);
        assertEquals(4, (m.mrs(0, 1, ICC_CTLR) >>> 8) & 7, "PRIbits: five");
        enableSpi(40, 0x80);
        m.gic.shared(40).set(true);
        assertEquals(40, m.mrs(0, 1, ICC_IAR1));
        m.msr(0, 1, ICC_EOIR1, 40);
        assertEquals(0xFF, m.mrs(0, 1, ICC_RPR), "priority dropped");
        assertEquals(1 << 8, m.read32(0, GICD + 0x304), "still active");
        assertFalse(irq(0));
        m.msr(0, 1, ICC_DIR, 40);
        assertEquals(0, m.read32(0, GICD + 0x304));
        assertTrue(irq(0), "the held line makes it pending again");
    }

    @Test
    void dirDoesNothingInEoiModeZero() {
        enableSpi(40, 0x80);
        m.gic.shared(40).set(true);
        m.mrs(0, 1, ICC_IAR1);
        m.msr(0, 1, ICC_DIR, 40);
        assertEquals(1 << 8, m.read32(0, GICD + 0x304));
    }

    @Test
    void spisGoWhereIrouterSays() {
        enableSpi(50, 0x80);
        routeSpi(50, 2);
        m.gic.shared(50).set(true);
        assertTrue(irq(2));
        assertFalse(irq(0) || irq(1) || irq(3));
        routeSpi(50, 3);
        assertTrue(irq(3));
        assertFalse(irq(2));
        routeSpi(50, 0x100);                              // affinity 0.0.1.0: no such CPU
        assertFalse(irq(0) || irq(1) || irq(2) || irq(3));
        assertEquals(1 << 18, m.read32(0, GICD + 0x204), "still pending");
    }

    @Test
    void anyCpuRoutingPicksOneParticipatingCpu() {
        enableSpi(50, 0x80);
        routeSpi(50, 1L << 31);
        m.gic.shared(50).set(true);
        assertTrue(irq(0));
        assertFalse(irq(1) || irq(2) || irq(3), "one CPU, not all");
        m.msr(0, 1, ICC_IGRPEN1, 0);
        m.msr(1, 1, ICC_IGRPEN1, 0);
        assertFalse(irq(0) || irq(1));
        assertTrue(irq(2), "the lowest CPU that still takes group 1");
        assertEquals(50, m.mrs(2, 1, ICC_IAR1));
    }

    @Test
    void sgi1rReachesTheTargetListAtTheGivenAffinity() {
        for (int c = 0; c < 4; c++) {
            enablePrivate(c, 5, 0x40);
        }
        long sgi5 = 5L << 24;
        m.msr(0, 1, ICC_SGI1R, sgi5 | 0b1010);            // CPUs 1 and 3
        assertFalse(irq(0) || irq(2));
        assertTrue(irq(1) && irq(3));
        assertEquals(5, m.mrs(1, 1, ICC_IAR1));
        assertEquals(5, m.mrs(3, 1, ICC_IAR1));
        m.msr(2, 1, ICC_SGI1R, sgi5 | 1L << 16 | 0xF);     // Aff1 = 1: nobody there
        assertFalse(irq(0) || irq(1) || irq(2) || irq(3));
        m.msr(2, 1, ICC_SGI1R, sgi5 | 1L << 40 | 0x4);     // IRM: all but CPU 2, target list ignored
        assertTrue(irq(0));
        assertFalse(irq(2));
        assertEquals(1 << 5, m.read32(0, gicr(1, SGI_BASE + 0x200)) & 1 << 5, "pending behind the active one");
    }

    @Test
    void sgisArePendingOnlyInTheGroupTheyWereSentFor() {
        m.write32(1, gicr(1, SGI_BASE + 0x80), 0xFFFF_FFFEL);   // SGI 0 of CPU 1 in group 0
        enablePrivate(1, 0, 0x40);
        m.msr(0, 1, ICC_SGI1R, 0b10);
        assertEquals(0, m.read32(1, gicr(1, SGI_BASE + 0x200)), "group 1 SGI to a group 0 interrupt");
        m.msr(0, 1, ICC_SGI0R, 0b10);
        assertEquals(1, m.read32(1, gicr(1, SGI_BASE + 0x200)));
        m.write32(1, gicr(1, SGI_BASE + 0x280), 1);
        m.msr(0, 1, ICC_ASGI1R, 0b10);
        assertEquals(1, m.read32(1, gicr(1, SGI_BASE + 0x200)), "ASGI1R: the other group 1, seen as group 0");
    }
}
