package dev.jhsim.machine.arm64.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.machine.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stage-1 and stage-2 translation with tables in simulated RAM: mappings of
 * every size, faults with their status codes and levels, permissions at EL0
 * and EL1, unprivileged accesses, and AT.
 */
class TranslationTest extends TranslationFixture {
    @Test
    void pagesAndBlocksMapAnywhereInBothHalves() {
        PageTables t = stage1(0, 9);
        t.map(0x1000_0000L, data(1), 3, PageTables.S1_NORMAL);
        t.map(0x0060_0000_0000L, DATA, 2, PageTables.S1_NORMAL);              // 2 MiB block
        t.map(0x0080_0000_0000L, RAM, 1, PageTables.S1_NORMAL);               // 1 GiB block
        PageTables upper = new PageTables(bus, TABLES + 0x10_0000, 0, 0, 9);
        upper.map(0xFFFF_8000_0000_2000L, data(2), 3, PageTables.S1_NORMAL);
        enableStage1(t, TCR_48, 0);
        el2.writeSysreg("TTBR1_EL1", upper.rootAddress());
        assertEquals(value(1), read(0x1000_0008L));
        assertEquals(value(3), read(0x0060_0000_3010L), "inside the 2 MiB block");
        assertEquals(value(4), read(0x0080_0100_4000L), "inside the 1 GiB block");
        assertEquals(value(2), read(0xFFFF_8000_0000_2FF8L), "TTBR1 half");
        el2.writeSysreg("SCTLR_EL1", el2.readSysreg("SCTLR_EL1") & ~SCTLR_M);
        assertEquals(value(5), read(data(5)), "MMU off: flat");
    }

    @Test
    void translationFaultsReportTheLevelWhereTheWalkStopped() {
        PageTables t = stage1(0, 9);
        long va = 0x12_4000_0000L;
        t.map(va, data(1), 3, PageTables.S1_NORMAL);
        enableStage1(t, TCR_48, 0);
        assertEquals(value(1), read(va));
        assertEquals("stage-1 fault 07", read(va + 0x1000), "empty slot of the level-3 table");
        assertEquals("stage-1 fault 06", read(va + 0x20_0000), "empty slot of the level-2 table");
        assertEquals("stage-1 fault 05", read(va + 0x4000_0000L), "empty slot of the level-1 table");
        assertEquals("stage-1 fault 04", read(va + 0x80_0000_0000L), "empty slot of the root");
        assertEquals("stage-1 fault 04", read(0x0001_0000_0000_0000L), "beyond the 48-bit range");
        el2.writeSysreg("TCR_EL1", TCR_48 | 1L << 7);
        assertEquals(value(1), read(va), "EPD0 stops walks, not what the TLB holds");
        el2.writeSysreg("TLBI VMALLE1", 0);
        assertEquals("stage-1 fault 04", read(va), "EPD0 disables walks of the lower half");
    }

    @Test
    void accessFlagAndPermissionsAtBothLevels() {
        PageTables t = stage1(0, 9);
        t.map(0x1000, data(1), 3, PageTables.S1_NORMAL & ~PageTables.NO_AF);
        t.map(0x2000, data(2), 3, PageTables.S1_NORMAL | PageTables.AP_READ_ONLY);
        t.map(0x3000, data(3), 3, PageTables.S1_NORMAL | PageTables.AP_EL0);
        t.map(0x4000, data(4), 3, PageTables.S1_NORMAL | PageTables.PXN);
        t.map(0x5000, data(5), 3, PageTables.S1_NORMAL | PageTables.AP_EL0 | PageTables.UXN);
        enableStage1(t, TCR_48, 0);
        assertEquals("stage-1 fault 0b", read(0x1000), "access flag clear: fault at level 3");
        assertEquals(value(2), read(0x2000));
        assertEquals("stage-1 fault 0f", write(0x2000, 1), "read-only");
        assertEquals("stage-1 fault 0f", readAtEl0(0x2000), "EL1 only");
        assertEquals(value(3), readAtEl0(0x3000));
        assertEquals("ok", write(0x3000, 0x33));
        assertEquals("stage-1 fault 0f", fetch(0x3000), "writable at EL0, so never executable at EL1");
        assertEquals("stage-1 fault 0f", fetch(0x4000), "PXN");
        assertEquals("ok", fetch(0x2000));
        cpu.mmu.selectRegime(0);
        assertEquals("stage-1 fault 0f", fetch(0x5000), "UXN");
        assertEquals("ok", fetch(0x4000), "PXN does not stop EL0");
        cpu.mmu.selectRegime(1);
    }

    @Test
    void thirtyNineBitAddressesStartAtLevelOne() {
        PageTables t = stage1(1, 9);
        t.map(0x7F_FFFF_F000L, data(6), 3, PageTables.S1_NORMAL);
        enableStage1(t, 25 | 25L << 16 | 2L << 30, 0);
        assertEquals(value(6), read(0x7F_FFFF_F000L));
        assertEquals("stage-1 fault 04", read(0x80_0000_0000L), "bit 39 is outside a 39-bit space");
    }

    @Test
    void sixtyFourKilobyteGranule() {
        // T0SZ 22 (42 bits) with 64 KiB pages: level 2 resolves bits 41:29, level 3 bits 28:16.
        long root = TABLES;
        long level3 = TABLES + 0x10000;
        long va = 0x123_4567_0000L & ~0xFFFFL;
        writeLong(root + ((va >>> 29) & 0x1FFF) * 8, level3 | 3);
        writeLong(level3 + ((va >>> 16) & 0x1FFF) * 8, (DATA & ~0xFFFFL) | PageTables.S1_NORMAL | 3);
        el2.writeSysreg("TTBR0_EL1", root);
        el2.writeSysreg("TCR_EL1", 22 | 1L << 14);
        el2.writeSysreg("SCTLR_EL1", el2.readSysreg("SCTLR_EL1") | SCTLR_M);
        assertEquals(value(2), read(va + (data(2) - (DATA & ~0xFFFFL))), "offset within the 64 KiB page");
    }

    @Test
    void sixteenKilobyteGranule() {
        // T0SZ 28 (36 bits) with 16 KiB pages: level 2 resolves bits 35:25, level 3 bits 24:14.
        long root = TABLES;
        long level3 = TABLES + 0x4000;
        long va = 0x8_7654_0000L & ~0x3FFFL;
        long page = DATA & ~0x3FFFL;
        writeLong(root + ((va >>> 25) & 0x7FF) * 8, level3 | 3);
        writeLong(level3 + ((va >>> 14) & 0x7FF) * 8, page | PageTables.S1_NORMAL | 3);
        el2.writeSysreg("TTBR0_EL1", root);
        el2.writeSysreg("TCR_EL1", 28 | 2L << 14);
        el2.writeSysreg("SCTLR_EL1", el2.readSysreg("SCTLR_EL1") | SCTLR_M);
        assertEquals(value(3), read(va + (data(3) - page)), "offset within the 16 KiB page");
        assertEquals("stage-1 fault 07", read(va + 0x4000), "the next page: empty slot at level 3");
    }

    @Test
    void unprivilegedLoadsUseEl0Permissions() {
        PageTables t = stage1(0, 9);
        t.map(RAM, RAM, 3, PageTables.S1_NORMAL);                              // code, EL1 only
        t.map(0x2000, data(2), 3, PageTables.S1_NORMAL);                       // data, EL1 only
        enableStage1(t, TCR_48, 0);
        writeLong(RAM, 0xF8400C22L | 0xF8400820L << 32);                       // ldr x2, [x1]; ldtr x0, [x1]
        cpu.x[1] = 0x2000;
        List<String> taken = new ArrayList<>();
        cpu.setRouter((c, syndrome) -> {
            taken.add(String.format("EC 0x%02x ISS 0x%x at 0x%x", syndrome.ec, syndrome.iss, syndrome.pc));
            c.halt("stop");
        });
        Simulation sim = new Simulation(100);
        sim.addProcessor(cpu);
        sim.runUntilHalted(1_000_000_000L);
        assertEquals(Long.parseUnsignedLong(value(2), 16), cpu.x[2], "LDR at EL1 may read it");
        // ISV, SAS 64-bit, SRT 0, SF, permission fault at level 3 (the raw syndrome, before EL1 entry masks ISV)
        assertEquals(List.of("EC 0x25 ISS 0x1c0800f at 0x40000004"), taken,
                "LDTR at EL1 may not: permission fault at level 3, as EL0 would get");
    }

    // ---- stage 2 ----


    @Test
    void stageTwoBlocksPagesAndPermissions() {
        PageTables s2 = enableStage2(TABLES, 1);
        long rw = PageTables.S2_NORMAL | PageTables.S2_READ | PageTables.S2_WRITE;
        s2.map(0x80_0000_0000L, RAM, 1, rw);                                   // 1 GiB
        s2.map(0x20_0000L, DATA, 2, PageTables.S2_NORMAL | PageTables.S2_READ); // 2 MiB, read-only
        s2.map(0x1000, data(7), 3, rw | PageTables.S2_XN);
        assertEquals(value(3), read(0x80_0000_0000L + (data(3) - RAM)));
        assertEquals(value(4), read(0x20_4000L));
        assertEquals("stage-2 fault 0e ipa=204000", write(0x20_4000L, 0), "S2AP read-only, level-2 block");
        assertEquals(value(7), read(0x1000));
        assertEquals("stage-2 fault 0f ipa=1000", fetch(0x1000), "XN");
        assertEquals("stage-2 fault 07 ipa=2008", read(0x2008), "empty slot of the level-3 table");
        assertEquals("stage-2 fault 04 ipa=10000000000", read(0x100_0000_0000L), "beyond the 40-bit IPA space");
    }

    @Test
    void stageOneWalksAreTranslatedByStageTwo() {
        // Stage-1 tables live in RAM but the guest sees that RAM at IPA 0x10_0000_0000 + offset.
        long ipaOffset = 0x10_0000_0000L - RAM;
        PageTables s1 = new PageTables(bus, TABLES, ipaOffset, 0, 9);
        s1.map(0x5000, data(5) + ipaOffset, 3, PageTables.S1_NORMAL);
        PageTables s2 = enableStage2(TABLES + 0x40_0000, 1);
        long rw = PageTables.S2_NORMAL | PageTables.S2_READ | PageTables.S2_WRITE;
        s2.map(RAM + ipaOffset, RAM, 1, rw);
        enableStage1(s1, TCR_48, 0);
        assertEquals(value(5), read(0x5000));
        // Take away stage-2 access to the stage-1 tables: the walk itself faults there.
        s2.map(RAM + ipaOffset, RAM, 1, PageTables.S2_NORMAL);
        el2.writeSysreg("TLBI VMALLS12E1", 0);
        assertEquals(String.format("stage-2 fault 0d ipa=%x s1ptw", TABLES + ipaOffset), read(0x5000),
                "permission fault at level 1 of stage 2, on the stage-1 root");
    }

    @Test
    void addressTranslationReportsInPar() {
        PageTables t = stage1(0, 9);
        t.map(0x2000, data(2), 3, PageTables.S1_NORMAL | PageTables.AP_READ_ONLY);
        enableStage1(t, TCR_48, 0);
        el2.writeSysreg("MAIR_EL1", 0xFF);
        el2.writeSysreg("AT S1E1R", 0x2010);
        assertEquals(0xFFL << 56 | data(2) | 3 << 7 | 1 << 9 | 1 << 11, el2.readSysreg("PAR_EL1"));
        el2.writeSysreg("AT S1E1W", 0x2010);
        assertEquals(1 | 0x0F << 1 | 1 << 11, el2.readSysreg("PAR_EL1"), "permission fault, level 3");
        el2.writeSysreg("AT S1E0R", 0x2010);
        assertEquals(1 | 0x0F << 1 | 1 << 11, el2.readSysreg("PAR_EL1"), "no EL0 access");
        el2.writeSysreg("AT S1E1R", 0x9000);
        assertEquals(1 | 0x07 << 1 | 1 << 11, el2.readSysreg("PAR_EL1"), "translation fault, level 3");
    }
}
