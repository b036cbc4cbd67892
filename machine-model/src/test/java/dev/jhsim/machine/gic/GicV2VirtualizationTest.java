package dev.jhsim.machine.gic;

import static dev.jhsim.machine.gic.TestMachine.GICC;
import static dev.jhsim.machine.gic.TestMachine.GICD;
import static dev.jhsim.machine.gic.TestMachine.GICH;
import static dev.jhsim.machine.gic.TestMachine.GICV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.Arm64Cpu;
import org.junit.jupiter.api.Test;

/**
 * GICv2 virtualization as a hypervisor uses it: GICH programmed by MMIO from
 * the CPU it belongs to, the guest on GICV, hardware-linked interrupts and
 * the maintenance interrupt.
 */
class GicV2VirtualizationTest {
    static final int SPURIOUS = 1023;
    static final long HCR = GICH;
    static final long VTR = GICH + 0x04;
    static final long VMCR = GICH + 0x08;
    static final long MISR = GICH + 0x10;
    static final long EISR0 = GICH + 0x20;
    static final long ELRSR0 = GICH + 0x30;
    static final long APR = GICH + 0xF0;
    static final long LR0 = GICH + 0x100;
    static final long PENDING = 1L << 28;
    static final long ACTIVE = 2L << 28;
    static final long GROUP1 = 1L << 30;
    static final long HW = 1L << 31;
    static final long EOI = 1L << 19;

    final TestMachine m = TestMachine.gicv2(2, 64);
    final Arm64Cpu cpu0 = m.cpu(0);

    /** Hypervisor init on CPU 0: EOImode at the physical interface, virtual interface on, guest group 0 on. */
    GicV2VirtualizationTest() {
        m.write32(0, GICD, 1);
        m.write32(0, GICC, 1 | 1 << 9);
        m.write32(0, GICC + 4, 0xF0);
        m.write(0, GICD + 0x400 + 40, 1, 0xA0);
        m.write(0, GICD + 0x800 + 40, 1, 1);
        m.write32(0, GICD + 0x104, 1 << 8);
        m.write32(0, HCR, 1);
        m.write32(0, VMCR, 0x1FL << 27 | 1);             // VMPriMask 0xF8, VMGrp0En
    }

    static long lr(long state, int priority, int virtualId) {
        return state | (long) (priority >> 3) << 23 | virtualId;
    }

    @Test
    void describesFourListRegisters() {
        assertEquals(0x90000003L, m.read32(0, VTR));
    }

    @Test
    void hardwareInterruptIsDeliveredOnGicvAndDeactivatedByTheGuest() {
        m.gic.shared(40).set(true);
        assertTrue(cpu0.irqLine());
        assertEquals(40, m.read32(0, GICC + 0x0C));
        m.write32(0, GICC + 0x10, 40);                   // priority drop only
        m.write32(0, LR0, HW | 40L << 10 | lr(PENDING, 0xA0, 40));
        assertTrue(cpu0.virqLine());
        assertEquals(40, m.read32(0, GICV + 0x18), "GICV_HPPIR");
        assertEquals(40, m.read32(0, GICV + 0x0C), "GICV_IAR");
        assertFalse(cpu0.virqLine());
        assertEquals(ACTIVE, m.read32(0, LR0) & 3L << 28);
        assertEquals(1L << (0xA0 >> 3), m.read32(0, APR));
        assertEquals(0xA0, m.read32(0, GICV + 0x14), "GICV_RPR");
        m.write32(0, GICV + 0x10, 40);
        assertEquals(0, m.read32(0, LR0) & 3L << 28);
        assertEquals(0b1111, m.read32(0, ELRSR0));
        assertEquals(0, m.read32(0, GICD + 0x304), "deactivated physically");
        assertTrue(cpu0.irqLine(), "the line is still high");
    }

    @Test
    void virtualSgiNamesItsRequester() {
        m.write32(0, LR0 + 4, lr(PENDING, 0x80, 3) | 2 << 10);
        assertEquals(3 | 2 << 10, m.read32(0, GICV + 0x0C));
        m.write32(0, GICV + 0x10, 3 | 2 << 10);
        assertEquals(0b1111, m.read32(0, ELRSR0));
    }

    @Test
    void eachCpuProgramsItsOwnInterface() {
        m.write32(1, LR0, lr(PENDING, 0x80, 5));
        assertEquals(0, m.read32(0, LR0));
        assertFalse(cpu0.virqLine());
        assertFalse(m.cpu(1).virqLine(), "CPU 1's virtual interface is not enabled");
        m.write32(1, HCR, 1);
        m.write32(1, VMCR, 0x1FL << 27 | 1);
        assertTrue(m.cpu(1).virqLine());
        assertEquals(5, m.read32(1, GICV + 0x0C));
    }

    @Test
    void guestControlRegisterIsTheVmcr() {
        m.write32(0, GICV, 1 | 2 | 1 << 3 | 1 << 9);     // both groups, FIQEn, EOImode
        assertEquals(1 | 2 | 1 << 3 | 1 << 9, m.read32(0, VMCR) & 0x3FF);
        m.write32(0, GICV + 4, 0x40);
        assertEquals(0x40L << 24, m.read32(0, VMCR) & 0xF800_0000L);
        m.write32(0, LR0, lr(PENDING, 0x20, 33));
        assertTrue(cpu0.vfiqLine(), "group 0 with FIQEn: a virtual FIQ");
        m.write32(0, LR0, lr(PENDING, 0x20, 33) | GROUP1);
        assertTrue(cpu0.virqLine());
        assertFalse(cpu0.vfiqLine());
    }

    @Test
    void underflowRaisesTheMaintenancePpi() {
        m.write32(0, GICD + 0x100, 1 << 25);
        m.write32(0, LR0, lr(PENDING, 0x80, 50));
        m.write32(0, LR0 + 4, lr(PENDING, 0x80, 51));
        m.write32(0, HCR, 1 | 2);                        // En, UIE
        assertEquals(0, m.read32(0, MISR));
        assertEquals(50, m.read32(0, GICV + 0x0C));
        m.write32(0, GICV + 0x10, 50);
        assertEquals(2, m.read32(0, MISR), "U");
        assertTrue(cpu0.irqLine());
        assertEquals(25, m.read32(0, GICC + 0x0C));
        assertFalse(m.cpu(1).irqLine(), "the maintenance interrupt is CPU 0's");
    }

    @Test
    void eoiRequestsAndUnmatchedEoisAreReported() {
        m.write32(0, LR0 + 12, EOI | lr(PENDING, 0x80, 60));
        m.write32(0, HCR, 1 | 4 | 8);                    // En, LRENPIE, NPIE
        assertEquals(60, m.read32(0, GICV + 0x0C));
        assertEquals(8, m.read32(0, MISR), "NP");
        m.write32(0, GICV + 0x10, 60);
        assertEquals(1 << 3, m.read32(0, EISR0));
        assertEquals(0b0111, m.read32(0, ELRSR0));
        assertEquals(1 | 8, m.read32(0, MISR), "EOI and NP");
        m.write32(0, LR0 + 12, 0);
        m.write32(0, GICV + 0x1000, 61);                 // DIR without EOImode: ignored
        m.write32(0, GICV, 1 | 1 << 9);
        m.write32(0, GICV + 0x1000, 61);                 // an interrupt no list register holds
        assertEquals(1, m.read32(0, HCR) >>> 27, "EOICount");
        assertEquals(4 | 8, m.read32(0, MISR), "LRENP and NP");
    }

    @Test
    void spuriousWhenNothingIsPending() {
        assertEquals(SPURIOUS, m.read32(0, GICV + 0x0C));
    }
}
