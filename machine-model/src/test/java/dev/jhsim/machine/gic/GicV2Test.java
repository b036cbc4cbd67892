package dev.jhsim.machine.gic;

import static dev.jhsim.machine.gic.TestMachine.BRK;
import static dev.jhsim.machine.gic.TestMachine.GICC;
import static dev.jhsim.machine.gic.TestMachine.GICD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GICv2 (GIC-400) distributor and CPU interface, reached by MMIO as each CPU sees them. */
class GicV2Test {
    static final int SPURIOUS = 1023;
    static final long IAR = GICC + 0x0C;
    static final long EOIR = GICC + 0x10;
    static final long RPR = GICC + 0x14;
    static final long HPPIR = GICC + 0x18;
    static final long AIAR = GICC + 0x20;
    static final long DIR = GICC + 0x1000;
    static final long SGIR = GICD + 0xF00;

    final TestMachine m = TestMachine.gicv2(4, 64);

    /** Everything in group 0 (the reset state), distributor and CPU interfaces on, priority mask open. */
    GicV2Test() {
        m.write32(0, GICD, 1);
        for (int c = 0; c < 4; c++) {
            m.write32(c, GICC, 1);
            m.write32(c, GICC + 4, 0xF0);
        }
    }

    void enableSpi(int id, int priority, int targets) {
        m.write(0, GICD + 0x400 + id, 1, priority);
        m.write(0, GICD + 0x800 + id, 1, targets);
        m.write32(0, GICD + 0x100 + 4 * (id / 32), 1L << (id % 32));
    }

    boolean irq(int cpu) {
        return m.cpu(cpu).irqLine();
    }

    @Test
    void distributorIdentifiesAGic400() {
        long typer = m.read32(0, GICD + 4);
        assertEquals(2, typer & 0x1F, "ITLinesNumber: 96 interrupts");
        assertEquals(3, (typer >>> 5) & 7, "four CPUs");
        assertEquals(0, typer & 1 << 10, "no Security extension");
        assertEquals(0x0200143BL, m.read32(0, GICD + 8));
        assertEquals(0x2B, m.read32(0, GICD + 0xFE8));
        assertEquals(0x0202143BL, m.read32(2, GICC + 0xFC));
    }

    @Test
    void bankedRegistersAnswerTheCpuThatAccessesThem() {
        m.cpu(0).x[1] = GICD + 0x800;
        m.cpu(3).x[1] = GICD + 0x800;
        m.run(0, 1, 0xB9400020, BRK);                    // ldr w0, [x1]
        m.run(3, 1, 0xB9400020, BRK);
        assertEquals(0x01010101L, m.cpu(0).x[0], "ITARGETSR0 names the reader");
        assertEquals(0x08080808L, m.cpu(3).x[0]);
        assertThrows(UnsupportedOperationException.class,
                () -> m.bus.find(GICD).device().read(0x800, 4), "an access must say which CPU makes it");
    }

    @Test
    void privateTargetsAreReadOnlyAndSpiTargetsBytes() {
        m.write32(1, GICD + 0x81C, 0xFFFF_FFFFL);
        assertEquals(0x02020202L, m.read32(1, GICD + 0x81C));
        m.write(1, GICD + 0x822, 1, 0x0C);               // SPI 34 to CPUs 2 and 3
        assertEquals(0x000C_0000L, m.read32(0, GICD + 0x820));
        m.write(1, GICD + 0x820, 1, 0xFF);               // only existing CPUs
        assertEquals(0x000C_000FL, m.read32(0, GICD + 0x820));
    }

    @Test
    void sgisAreAlwaysEnabledAndBankedPpisAreNot() {
        m.write32(2, GICD + 0x180, 0xFFFF_FFFFL);
        assertEquals(0xFFFF, m.read32(2, GICD + 0x100));
        m.write32(2, GICD + 0x100, 1L << 27);
        assertEquals(0x0800_FFFFL, m.read32(2, GICD + 0x100));
        assertEquals(0xFFFF, m.read32(1, GICD + 0x100));
    }

    @Test
    void sgirTargetListFilters() {
        m.write32(1, SGIR, 0x00_0D_0003L);               // list: CPUs 0, 2, 3; SGI 3
        assertTrue(irq(0) && irq(2) && irq(3));
        assertFalse(irq(1));
        assertEquals(3 | 1 << 10, m.read32(2, IAR), "SGI 3 from CPU 1");
        m.write32(0, SGIR, 0x01_00_0005L);               // all but the sender
        assertEquals(1 << 5, m.read32(1, GICD + 0x200) & 0xFFFF);
        assertEquals(0, m.read32(0, GICD + 0x200) & 1 << 5);
        m.write32(3, SGIR, 0x02_00_0007L);               // the sender only
        assertEquals(1 << 7, m.read32(3, GICD + 0x200) & 1 << 7);
        assertEquals(0, m.read32(2, GICD + 0x200) & 1 << 7);
    }

    @Test
    void anSgiFromTwoSourcesIsTakenOncePerSource() {
        m.write32(1, SGIR, 0x00_01_0002L);
        m.write32(3, SGIR, 0x00_01_0002L);
        assertEquals(0x0A_0000L, m.read32(0, GICD + 0xF20), "SPENDSGIR0 byte 2: sources 1 and 3");
        assertEquals(2 | 1 << 10, m.read32(0, IAR));
        assertFalse(irq(0), "active, still pending for the other source");
        m.write32(0, EOIR, 2 | 1 << 10);
        assertEquals(2 | 3 << 10, m.read32(0, IAR));
        m.write32(0, EOIR, 2 | 3 << 10);
        assertEquals(SPURIOUS, m.read32(0, IAR));
    }

    @Test
    void sgiPendingBySourceCanBeSetAndClearedDirectly() {
        m.write(2, GICD + 0xF25, 1, 0x05);               // SGI 5 pending from CPUs 0 and 2
        assertEquals(0x0500, m.read32(2, GICD + 0xF24));
        assertEquals(1 << 5, m.read32(2, GICD + 0x200) & 0xFFFF);
        m.write32(2, GICD + 0xF14, 0x0100);              // clear source 0
        assertEquals(5 | 2 << 10, m.read32(2, IAR));
        m.write32(2, GICD + 0x280, 1 << 5);              // ICPENDR0 leaves SGIs alone
        assertEquals(0, m.read32(2, GICD + 0xF24));
        m.write32(2, GICD + 0xF24, 0x0300);
        m.write32(2, GICD + 0xF14, 0x0300);
        assertEquals(0, m.read32(2, GICD + 0x200) & 0xFFFF);
    }

    @Test
    void anSpiForSeveralCpusGoesToTheFirstToAcknowledgeIt() {
        enableSpi(40, 0x80, 0b0110);
        m.gic.shared(40).set(true);
        assertTrue(irq(1) && irq(2));
        assertFalse(irq(0) || irq(3));
        assertEquals(40, m.read32(2, IAR));
        assertFalse(irq(1), "active now: nobody else gets it");
        assertEquals(SPURIOUS, m.read32(1, IAR));
    }

    @Test
    void group1NeedsAckCtlOnTheIarOrTheAliasedIar() {
        m.write32(0, GICD, 3);
        m.write32(0, GICD + 0x84, 1L << 8);              // SPI 40 in group 1
        enableSpi(40, 0x80, 1);
        m.gic.shared(40).set(true);
        assertFalse(irq(0), "group 1 not enabled at the CPU interface");
        m.write32(0, GICC, 3);
        assertTrue(irq(0));
        assertEquals(1022, m.read32(0, HPPIR));
        assertEquals(1022, m.read32(0, IAR));
        assertEquals(40, m.read32(0, AIAR));
        m.write32(0, GICC + 0x24, 40);                   // AEOIR
        assertEquals(0xFF, m.read32(0, RPR));
        m.write32(0, GICC, 7);                           // AckCtl
        assertEquals(40, m.read32(0, IAR));
    }

    @Test
    void group0BecomesFiqWithFiqEn() {
        enableSpi(40, 0x80, 1);
        m.gic.shared(40).set(true);
        assertTrue(irq(0));
        m.write32(0, GICC, 1 | 1 << 3);
        assertTrue(m.cpu(0).fiqLine());
        assertFalse(irq(0));
        assertEquals(1 | 1 << 3, m.read32(0, GICC));
    }

    @Test
    void eoiModeSplitsPriorityDropAndDeactivation() {
        m.write32(0, GICC, 1 | 1 << 9);
        enableSpi(40, 0x80, 1);
        m.write32(0, GICD + 0x204, 1 << 8);
        assertEquals(40, m.read32(0, IAR));
        assertEquals(0x80, m.read32(0, RPR));
        assertEquals(1L << (0x80 >> 3), m.read32(0, GICC + 0xD0), "APR0");
        m.write32(0, EOIR, 40);
        assertEquals(0xFF, m.read32(0, RPR));
        assertEquals(1 << 8, m.read32(0, GICD + 0x304));
        m.write32(0, DIR, 40);
        assertEquals(0, m.read32(0, GICD + 0x304));
    }

    @Test
    void binaryPointsHaveTheirMinimums() {
        m.write32(0, GICC + 0x08, 0);
        m.write32(0, GICC + 0x1C, 0);
        assertEquals(2, m.read32(0, GICC + 0x08));
        assertEquals(3, m.read32(0, GICC + 0x1C));
    }
}
