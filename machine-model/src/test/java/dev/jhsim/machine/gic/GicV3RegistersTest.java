package dev.jhsim.machine.gic;

import static dev.jhsim.machine.gic.TestMachine.GICD;
import static dev.jhsim.machine.gic.TestMachine.SGI_BASE;
import static dev.jhsim.machine.gic.TestMachine.gicr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** GICD and GICR as software probes and programs them. */
class GicV3RegistersTest {
    final TestMachine m = TestMachine.gicv3(4, 256);

    @Test
    void distributorIdentifiesAGicV3WithOneSecurityState() {
        assertEquals(0x50, m.read32(0, GICD) & 0x50, "ARE and DS read as one");
        m.write32(0, GICD, 0);
        assertEquals(0x50, m.read32(0, GICD), "ARE and DS ignore writes");
        m.write32(0, GICD, 3);
        assertEquals(0x53, m.read32(0, GICD));
        long typer = m.read32(0, GICD + 4);
        assertEquals(8, typer & 0x1F, "ITLinesNumber: 288 interrupts");
        assertEquals(9, (typer >>> 19) & 0x1F, "IDbits");
        assertEquals(0, typer & 1 << 10, "no Security extension");
        assertEquals(0, typer & 1 << 17, "no LPIs");
        assertEquals(0x43B, m.read32(0, GICD + 8));
        assertEquals(3, (m.read32(0, GICD + 0xFFE8) >>> 4) & 0xF, "PIDR2.ArchRev");
        assertEquals(0x92, m.read32(0, GICD + 0xFFE0));
        assertEquals(0xB1, m.read32(0, GICD + 0xFFFC));
    }

    @Test
    void redistributorsDescribeTheirCpus() {
        for (int c = 0; c < 4; c++) {
            long typer = m.read(0, gicr(c, 0x8), 8);
            assertEquals(c, typer >>> 32, "affinity = MPIDR Aff0");
            assertEquals(c, (typer >>> 8) & 0xFFFF, "processor number");
            assertEquals(c == 3 ? 1 << 4 : 0, typer & 1 << 4, "Last only on the last one");
            assertEquals(c, m.read32(0, gicr(c, 0xC)), "upper half alone");
            assertEquals(3, (m.read32(0, gicr(c, 0xFFE8)) >>> 4) & 0xF);
        }
        assertNull(m.bus.find(gicr(4, 0)), "nothing after the last redistributor");
    }

    @Test
    void wakerReportsChildrenAsleepWhileTheProcessorSleeps() {
        assertEquals(6, m.read32(1, gicr(1, 0x14)), "reset: ProcessorSleep and ChildrenAsleep");
        m.write32(1, gicr(1, 0x14), 0);
        assertEquals(0, m.read32(1, gicr(1, 0x14)));
        assertEquals(6, m.read32(1, gicr(2, 0x14)), "each redistributor has its own");
        m.write32(1, gicr(1, 0x14), 2);
        assertEquals(6, m.read32(1, gicr(1, 0x14)));
    }

    @Test
    void setAndClearRegistersChangeOnlyTheWrittenBits() {
        m.write32(0, GICD + 0x104, 0x0000_0011);      // ISENABLER1: SPIs 32 and 36
        m.write32(0, GICD + 0x104, 0x0000_0100);      // and 40
        assertEquals(0x111, m.read32(0, GICD + 0x104));
        m.write32(0, GICD + 0x184, 0x0000_0010);      // ICENABLER1: not 36
        assertEquals(0x101, m.read32(0, GICD + 0x184));
        m.write32(0, GICD + 0x204, 1);                // ISPENDR1
        assertEquals(1, m.read32(0, GICD + 0x284));
        m.write32(0, GICD + 0x284, 1);
        assertEquals(0, m.read32(0, GICD + 0x204));
        m.write32(0, GICD + 0x304, 0x80);             // ISACTIVER1
        assertEquals(0x80, m.read32(0, GICD + 0x384));
        m.write32(0, GICD + 0x384, 0x80);
        assertEquals(0, m.read32(0, GICD + 0x304));
    }

    @Test
    void privateInterruptsLiveInTheRedistributorsNotTheDistributor() {
        m.write32(0, GICD + 0x100, 0xFFFF_FFFFL);    // ISENABLER0: RAZ/WI with affinity routing
        assertEquals(0, m.read32(0, GICD + 0x100));
        m.write32(0, gicr(2, SGI_BASE + 0x100), 0x0800_0001L);
        assertEquals(0x0800_0001L, m.read32(0, gicr(2, SGI_BASE + 0x100)));
        assertEquals(0, m.read32(0, gicr(1, SGI_BASE + 0x100)), "banked per CPU");
        m.write32(0, gicr(2, SGI_BASE + 0x180), 1);
        assertEquals(0x0800_0000L, m.read32(0, gicr(2, SGI_BASE + 0x100)));
    }

    @Test
    void prioritiesKeepFiveBitsAndTakeByteWrites() {
        m.write32(0, GICD + 0x420, 0xFFFF_FFFFL);    // IPRIORITYR8: SPIs 32..35
        assertEquals(0xF8F8_F8F8L, m.read32(0, GICD + 0x420));
        m.write(0, GICD + 0x422, 1, 0xA5);            // SPI 34 alone
        assertEquals(0xF8A0_F8F8L, m.read32(0, GICD + 0x420));
        assertEquals(0xA0, m.read(0, GICD + 0x422, 1));
        m.write(0, gicr(1, SGI_BASE + 0x41B), 1, 0x80);   // PPI 27 of CPU 1
        assertEquals(0x8000_0000L, m.read32(0, gicr(1, SGI_BASE + 0x418)));
    }

    @Test
    void triggerModeOfSgisIsFixedAndOfOthersWritable() {
        assertEquals(0xAAAA_AAAAL, m.read32(0, gicr(0, SGI_BASE + 0xC00)));
        m.write32(0, gicr(0, SGI_BASE + 0xC00), 0);
        assertEquals(0xAAAA_AAAAL, m.read32(0, gicr(0, SGI_BASE + 0xC00)));
        m.write32(0, gicr(0, SGI_BASE + 0xC04), 0x0000_0008L);   // PPI 17 edge
        assertEquals(0x8, m.read32(0, gicr(0, SGI_BASE + 0xC04)));
        m.write32(0, GICD + 0xC08, 0x2);                           // SPI 32 edge
        assertEquals(0x2, m.read32(0, GICD + 0xC08));
    }

    @Test
    void groupModifiersAreRazWiInASingleSecurityState() {
        m.write32(0, GICD + 0xD04, 0xFFFF_FFFFL);
        assertEquals(0, m.read32(0, GICD + 0xD04));
        m.write32(0, gicr(0, SGI_BASE + 0xD00), 0xFFFF_FFFFL);
        assertEquals(0, m.read32(0, gicr(0, SGI_BASE + 0xD00)));
        m.write32(0, GICD + 0x84, 0xF0F0_F0F0L);
        assertEquals(0xF0F0_F0F0L, m.read32(0, GICD + 0x84), "IGROUPR1 is plain storage");
    }

    @Test
    void irouterKeepsAffinityAndIrmAndTakesHalfWrites() {
        long irouter40 = GICD + 0x6000 + 8 * 40;
        m.write(0, irouter40, 8, 0xFFFF_FFFF_FFFF_FFFFL);
        assertEquals(0xFF_80FF_FFFFL, m.read(0, irouter40, 8));
        m.write32(0, irouter40, 0x0000_0002);
        assertEquals(0xFF_0000_0002L, m.read(0, irouter40, 8));
        m.write32(0, irouter40 + 4, 0);
        assertEquals(2, m.read(0, irouter40, 8));
    }
}
