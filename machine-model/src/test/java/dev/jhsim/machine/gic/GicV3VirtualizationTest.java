package dev.jhsim.machine.gic;

import static dev.jhsim.machine.gic.TestMachine.BRK;
import static dev.jhsim.machine.gic.TestMachine.EC_SYSREG;
import static dev.jhsim.machine.gic.TestMachine.GICD;
import static dev.jhsim.machine.gic.TestMachine.ICC_CTLR;
import static dev.jhsim.machine.gic.TestMachine.ICC_DIR;
import static dev.jhsim.machine.gic.TestMachine.ICC_EOIR1;
import static dev.jhsim.machine.gic.TestMachine.ICC_HPPIR1;
import static dev.jhsim.machine.gic.TestMachine.ICC_IAR1;
import static dev.jhsim.machine.gic.TestMachine.ICC_IGRPEN1;
import static dev.jhsim.machine.gic.TestMachine.ICC_PMR;
import static dev.jhsim.machine.gic.TestMachine.ICC_RPR;
import static dev.jhsim.machine.gic.TestMachine.ICC_SGI1R;
import static dev.jhsim.machine.gic.TestMachine.ICC_SRE_EL2;
import static dev.jhsim.machine.gic.TestMachine.ICH_EISR;
import static dev.jhsim.machine.gic.TestMachine.ICH_ELRSR;
import static dev.jhsim.machine.gic.TestMachine.ICH_HCR;
import static dev.jhsim.machine.gic.TestMachine.ICH_MISR;
import static dev.jhsim.machine.gic.TestMachine.ICH_VMCR;
import static dev.jhsim.machine.gic.TestMachine.ICH_VTR;
import static dev.jhsim.machine.gic.TestMachine.RAM;
import static dev.jhsim.machine.gic.TestMachine.SGI_BASE;
import static dev.jhsim.machine.gic.TestMachine.gicr;
import static dev.jhsim.machine.gic.TestMachine.ichLr;
import static dev.jhsim.machine.gic.TestMachine.sysregInsn;
import static dev.jhsim.machine.gic.TestMachine.syndrome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.Hcr;
import dev.jhsim.machine.arm64.Syndrome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GICv3 virtualization as a hypervisor at EL2 uses it: physical interrupts
 * taken at EL2, injected through ICH_LR, handled by the guest through ICC_*
 * at EL1 (which reach ICV_*), and the maintenance interrupt.
 */
class GicV3VirtualizationTest {
    static final int SPURIOUS = 1023;
    static final long PENDING = 1L << 62;
    static final long ACTIVE = 2L << 62;
    static final long HW = 1L << 61;
    static final long GROUP1 = 1L << 60;
    static final long EOI = 1L << 41;
    static final int EN = VirtualCpuInterface.HCR_EN;

    final TestMachine m = TestMachine.gicv3(2, 64);
    final Arm64Cpu cpu0 = m.cpu(0);

    /**
     * What Jailhouse's CPU init does on CPU 0: EOImode 1 at EL2, virtual interface on, interrupts to EL2.
     * The guest code here polls its interface with IRQs masked, so virtual interrupts are not taken.
     */
    GicV3VirtualizationTest() {
        m.write32(0, GICD, 3);
        m.write32(0, GICD + 0x84, 0xFFFF_FFFFL);
        m.write32(0, gicr(0, SGI_BASE + 0x80), 0xFFFF_FFFFL);
        m.write(0, GICD + 0x400 + 40, 1, 0xA0);
        m.write32(0, GICD + 0x104, 1 << 8);               // SPI 40 enabled, routed to CPU 0 by reset
        assertEquals(0xF, m.mrs(0, 2, ICC_SRE_EL2));
        m.msr(0, 2, ICC_CTLR, 2);
        m.msr(0, 2, ICC_PMR, 0xF0);
        m.msr(0, 2, ICC_IGRPEN1, 1);
        m.msr(0, 2, ICH_VMCR, 0xF0L << 24 | 2);          // VPMR 0xF0, VENG1
        m.msr(0, 2, ICH_HCR, EN);
        cpu0.setHcrEl2(Hcr.IMO | Hcr.FMO);
        cpu0.daif = 0x80;
    }

    /** The hypervisor's side of a physical interrupt: acknowledge, drop priority, inject as hardware-linked. */
    void takeAndInject(int id, int listRegister, long priority) {
        assertTrue(cpu0.irqLine());
        assertEquals(id, m.mrs(0, 2, ICC_IAR1));
        m.msr(0, 2, ICC_EOIR1, id);
        m.msr(0, 2, ichLr(listRegister), PENDING | HW | GROUP1 | priority << 48 | (long) id << 32 | id);
    }

    @Test
    void describesFourListRegistersAndFivePriorityBits() {
        long vtr = m.mrs(0, 2, ICH_VTR);
        assertEquals(3, vtr & 0x1F);
        assertEquals(4, vtr >>> 29);
        assertEquals(4, (vtr >>> 26) & 7);
    }

    @Test
    void hardwareInterruptIsDeliveredToTheGuestAndDeactivatedByIt() {
        m.gic.shared(40).set(true);
        takeAndInject(40, 0, 0xA0);
        assertFalse(cpu0.irqLine(), "physically active");
        assertEquals(0xFF, m.mrs(0, 2, ICC_RPR), "priority dropped at EL2");
        assertTrue(cpu0.virqLine());
        assertEquals(40, m.mrs(0, 1, ICC_HPPIR1));
        assertEquals(40, m.mrs(0, 1, ICC_IAR1));
        assertFalse(cpu0.virqLine());
        assertEquals(0xA0, m.mrs(0, 1, ICC_RPR), "the guest's running priority");
        assertEquals(ACTIVE, m.mrs(0, 2, ichLr(0)) & 3L << 62);
        assertEquals(1 << 8, m.read32(0, GICD + 0x304), "still active physically");
        m.msr(0, 1, ICC_EOIR1, 40);
        assertEquals(0, m.mrs(0, 2, ichLr(0)) & 3L << 62, "the list register is free again");
        assertEquals(0b1111, m.mrs(0, 2, ICH_ELRSR));
        assertEquals(0, m.read32(0, GICD + 0x304), "deactivated physically");
        assertTrue(cpu0.irqLine(), "the device still holds the line");
    }

    @Test
    void guestInEoiModeOneDeactivatesWithDir() {
        m.msr(0, 2, ICH_VMCR, 0xF0L << 24 | 1 << 9 | 2);  // VEOIM
        assertEquals(2, m.mrs(0, 1, ICC_CTLR) & 2, "the guest sees its EOImode");
        m.write32(0, GICD + 0x204, 1 << 8);              // set pending by software: no line held
        takeAndInject(40, 2, 0x80);
        assertEquals(40, m.mrs(0, 1, ICC_IAR1));
        m.msr(0, 1, ICC_EOIR1, 40);
        assertEquals(0xFF, m.mrs(0, 1, ICC_RPR));
        assertEquals(ACTIVE, m.mrs(0, 2, ichLr(2)) & 3L << 62, "still active");
        m.msr(0, 1, ICC_DIR, 40);
        assertEquals(0, m.mrs(0, 2, ichLr(2)) & 3L << 62);
        assertEquals(0, m.read32(0, GICD + 0x304));
        assertFalse(cpu0.irqLine());
    }

    @Test
    void nothingIsSignalledWhileTheInterfaceOrTheGroupIsOff() {
        m.msr(0, 2, ICH_HCR, 0);
        m.msr(0, 2, ichLr(0), PENDING | GROUP1 | 0x80L << 48 | 27);
        assertFalse(cpu0.virqLine());
        assertEquals(SPURIOUS, m.mrs(0, 1, ICC_IAR1));
        m.msr(0, 2, ICH_HCR, EN);
        assertTrue(cpu0.virqLine());
        m.msr(0, 1, ICC_IGRPEN1, 0);                      // the guest turns its group 1 off: VENG1
        assertFalse(cpu0.virqLine());
        assertEquals(0xF0L << 24, m.mrs(0, 2, ICH_VMCR) & 0xFF00_0003L);
        assertEquals(1, m.mrs(0, 2, ICC_IGRPEN1), "the physical enable is untouched");
    }

    @Test
    void group0VirtualInterruptsAreVirtualFiqs() {
        m.msr(0, 2, ICH_VMCR, 0xF0L << 24 | 1);           // VENG0 only
        m.msr(0, 2, ichLr(1), PENDING | 0x80L << 48 | 33);
        assertTrue(cpu0.vfiqLine());
        assertFalse(cpu0.virqLine());
        assertEquals(SPURIOUS, m.mrs(0, 1, ICC_IAR1));
        assertEquals(33, m.mrs(0, 1, TestMachine.ICC_IAR0));
    }

    @Test
    void virtualPriorityMaskAndPreemption() {
        m.msr(0, 2, ICH_VMCR, 0x90L << 24 | 2);
        m.msr(0, 2, ichLr(0), PENDING | GROUP1 | 0x90L << 48 | 50);
        assertFalse(cpu0.virqLine(), "masked by VPMR 0x90");
        m.msr(0, 1, ICC_PMR, 0xF0);
        assertEquals(0xF0L << 24, m.mrs(0, 2, ICH_VMCR) & 0xFF00_0000L, "the guest's PMR is VMCR.VPMR");
        assertEquals(50, m.mrs(0, 1, ICC_IAR1));
        m.msr(0, 2, ichLr(1), PENDING | GROUP1 | 0xA0L << 48 | 51);
        assertFalse(cpu0.virqLine(), "lower priority than the running one");
        m.msr(0, 2, ichLr(2), PENDING | GROUP1 | 0x40L << 48 | 52);
        assertTrue(cpu0.virqLine());
        assertEquals(52, m.mrs(0, 1, ICC_IAR1));
        assertEquals(1L << (0x40 >> 3) | 1L << (0x90 >> 3), m.mrs(0, 2, TestMachine.ICH_AP1R0));
        m.msr(0, 1, ICC_EOIR1, 52);
        m.msr(0, 1, ICC_EOIR1, 50);
        assertEquals(51, m.mrs(0, 1, ICC_IAR1));
    }

    @Test
    void maintenanceOnUnderflowIsAPpiOfThePhysicalGic() {
        m.write32(0, gicr(0, SGI_BASE + 0x100), 1 << 25);   // the hypervisor enables its maintenance PPI
        m.msr(0, 2, ichLr(0), PENDING | GROUP1 | 0x80L << 48 | 50);
        m.msr(0, 2, ichLr(1), PENDING | GROUP1 | 0x80L << 48 | 51);
        m.msr(0, 2, ICH_HCR, EN | VirtualCpuInterface.HCR_UIE);
        assertEquals(0, m.mrs(0, 2, ICH_MISR), "two valid entries: no underflow");
        assertFalse(cpu0.irqLine());
        m.mrs(0, 1, ICC_IAR1);
        m.msr(0, 1, ICC_EOIR1, 50);
        assertEquals(VirtualCpuInterface.MISR_U, m.mrs(0, 2, ICH_MISR));
        assertTrue(cpu0.irqLine());
        assertEquals(25, m.mrs(0, 2, ICC_IAR1), "the maintenance interrupt");
        m.msr(0, 2, ICH_HCR, EN);                           // what the hypervisor does: refill, or stop asking
        assertEquals(0, m.mrs(0, 2, ICH_MISR));
        assertEquals(0, m.read32(0, gicr(0, SGI_BASE + 0x200)) & 1 << 25, "a level interrupt: gone with its cause");
    }

    @Test
    void eoiOfAnInterruptNotInTheListRegistersCountsAndCanSignal() {
        m.msr(0, 2, ichLr(0), PENDING | GROUP1 | 0x80L << 48 | 50);
        assertEquals(50, m.mrs(0, 1, ICC_IAR1));
        m.msr(0, 2, ichLr(0), 0);                          // the hypervisor took the entry away
        m.msr(0, 2, ICH_HCR, EN | VirtualCpuInterface.HCR_LRENPIE);
        m.msr(0, 1, ICC_EOIR1, 50);
        assertEquals(1, m.mrs(0, 2, ICH_HCR) >>> VirtualCpuInterface.HCR_EOICOUNT_SHIFT);
        assertEquals(VirtualCpuInterface.MISR_LRENP, m.mrs(0, 2, ICH_MISR));
        assertEquals(1 << 25, m.read32(0, gicr(0, SGI_BASE + 0x200)) & 1 << 25);
    }

    @Test
    void noPendingAndEoiRequestsAreReported() {
        m.msr(0, 2, ichLr(3), PENDING | GROUP1 | EOI | 0x80L << 48 | 60);
        m.msr(0, 2, ICH_HCR, EN | VirtualCpuInterface.HCR_NPIE);
        assertEquals(0, m.mrs(0, 2, ICH_MISR));
        assertEquals(0b0111, m.mrs(0, 2, ICH_ELRSR));
        assertEquals(60, m.mrs(0, 1, ICC_IAR1));
        assertEquals(VirtualCpuInterface.MISR_NP, m.mrs(0, 2, ICH_MISR), "nothing pending any more");
        m.msr(0, 1, ICC_EOIR1, 60);
        assertEquals(1 << 3, m.mrs(0, 2, ICH_EISR));
        assertEquals(VirtualCpuInterface.MISR_NP | VirtualCpuInterface.MISR_EOI, m.mrs(0, 2, ICH_MISR));
        assertEquals(0b0111, m.mrs(0, 2, ICH_ELRSR), "not free until the hypervisor has seen it");
        assertEquals(EOI | GROUP1 | 0x80L << 48 | 60, m.mrs(0, 2, ichLr(3)));
    }

    @Test
    void groupEnableChangesCanSignal() {
        m.msr(0, 2, ICH_HCR, EN | VirtualCpuInterface.HCR_VGRP1DIE);
        assertEquals(0, m.mrs(0, 2, ICH_MISR));
        m.msr(0, 1, ICC_IGRPEN1, 0);
        assertEquals(VirtualCpuInterface.MISR_VGRP1D, m.mrs(0, 2, ICH_MISR));
    }

    @Test
    void guestCodeAcknowledgesThroughTheVirtualInterface() {
        m.msr(0, 2, ichLr(0), PENDING | GROUP1 | 0x80L << 48 | 77);
        int iar1 = ICC_IAR1;
        m.run(0, 1, sysregInsn(true, iar1, 0), sysregInsn(false, ICC_EOIR1, 0), BRK);
        assertEquals(77, cpu0.x[0]);
        assertEquals(0, m.mrs(0, 2, ichLr(0)) & 3L << 62, "acknowledged and ended by the guest");
    }

    /**
     * The whole loop with real guest code: the physical IRQ reaches a Java
     * router acting as EL2, which acknowledges it and injects it; the guest
     * polls its (virtual) IAR, then ends the interrupt.
     */
    @Test
    void aJavaHypervisorInjectsWhatTheGuestThenHandles() {
        List<String> hypervisor = new ArrayList<>();
        cpu0.setRouter((c, s) -> {
            if (s.kind != Syndrome.Kind.IRQ) {
                c.halt("done");
                return;
            }
            c.setElAndSpSel(2, true);
            int id = (int) c.sysregs.lookup(ICC_IAR1).read(c);
            c.sysregs.lookup(ICC_EOIR1).write(c, id);
            c.sysregs.lookup(ichLr(0)).write(c, PENDING | HW | GROUP1 | 0xA0L << 48 | (long) id << 32 | id);
            hypervisor.add("injected " + id);
            c.setElAndSpSel(1, true);
        });
        m.write32(0, GICD + 0xC08, 1 << 17);             // SPI 40 edge-triggered
        m.gic.shared(40).set(true);
        m.gic.shared(40).set(false);
        m.run(0, 1,
                sysregInsn(true, ICC_IAR1, 0),            // loop: mrs x0, icc_iar1_el1
                0xF10FFC1F,                               // cmp x0, #1023
                0x54FFFFC0,                               // b.eq loop
                sysregInsn(false, ICC_EOIR1, 0),          // msr icc_eoir1_el1, x0
                BRK);
        assertEquals(List.of("injected 40"), hypervisor);
        assertEquals(40, cpu0.x[0]);
        assertEquals(0, m.read32(0, GICD + 0x304), "the guest's EOI deactivated the physical interrupt");
        assertEquals(1, m.mrs(0, 2, ICH_ELRSR) & 1, "and freed the list register");
    }

    @Test
    void guestSgiWritesTrapToEl2AndSendNothing() {
        m.write32(1, gicr(1, SGI_BASE + 0x100), 0xFFFF);
        cpu0.x[1] = 3L << 24 | 0b10;
        m.run(0, 1, sysregInsn(false, ICC_SGI1R, 1), BRK);
        // ISS: Op0 3, Op2 5, Op1 0, CRn 12, Rt 1, CRm 11, write
        int iss = 3 << 20 | 5 << 17 | 12 << 10 | 1 << 5 | 11 << 1;
        assertEquals(List.of(syndrome(0, EC_SYSREG, iss, RAM)), m.exceptions);
        assertEquals(0, m.read32(1, gicr(1, SGI_BASE + 0x200)), "no SGI sent");
    }

    @Test
    void trapAllGroup1TrapsTheGuestsReads() {
        m.msr(0, 2, ICH_HCR, EN | VirtualCpuInterface.HCR_TALL1);
        m.run(0, 1, sysregInsn(true, ICC_IAR1, 2), BRK);
        int iss = 3 << 20 | 0 << 17 | 12 << 10 | 2 << 5 | 12 << 1 | 1;
        assertEquals(List.of(syndrome(0, EC_SYSREG, iss, RAM)), m.exceptions);
    }

    @Test
    void hypervisorRegistersAreUndefinedAtEl1() {
        m.run(0, 1, sysregInsn(true, ICH_HCR, 0), BRK);
        assertEquals(List.of(syndrome(0, 0, 0, RAM)), m.exceptions);
    }

    @Test
    void withoutImoTheGuestReachesThePhysicalInterface() {
        cpu0.hcrEl2 = 0;
        m.gic.shared(40).set(true);
        m.msr(0, 2, ichLr(0), PENDING | GROUP1 | 0x80L << 48 | 77);
        assertEquals(40, m.mrs(0, 1, ICC_IAR1));
    }
}
