package dev.jhsim.machine.arm64.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.machine.arm64.Arm64Cpu;
import dev.jhsim.machine.arm64.el2.GuestState;
import org.junit.jupiter.api.Test;

/**
 * The TLB keeps translations after the tables change, as hardware may, and
 * each TLBI removes exactly what it names: every test first shows a stale
 * entry being used (the fast TLB flushed, so the answer comes from the
 * architectural TLB), then invalidates, then sees the new mapping - and,
 * where the operation is selective, that entries it does not name survive.
 */
class TlbInvalidationTest extends TranslationFixture {
    static final long VA = 0x4000_0000L;
    static final long OTHER_VA = 0x4020_0000L;
    static final long RW = PageTables.S2_NORMAL | PageTables.S2_READ | PageTables.S2_WRITE;

    PageTables tables;

    /**
     * Stage 1 (ASID 5) maps VA and OTHER_VA to data pages 1 and 2, with the
     * given attributes; both are used, then the tables change to pages 3 and 4.
     */
    void mapBoth(long attributes, long otherAttributes) {
        tables = stage1(0, 9);
        tables.map(VA, data(1), 3, PageTables.S1_NORMAL | attributes);
        tables.map(OTHER_VA, data(2), 3, PageTables.S1_NORMAL | otherAttributes);
        enableStage1(tables, TCR_48, 5);
        assertEquals(value(1), read(VA));
        assertEquals(value(2), read(OTHER_VA));
        tables.map(VA, data(3), 3, PageTables.S1_NORMAL | attributes);
        tables.map(OTHER_VA, data(4), 3, PageTables.S1_NORMAL | otherAttributes);
    }

    void mapBoth(long attributes) {
        mapBoth(attributes, attributes);
    }

    /** Reads as the TLB answers, with the fast path out of the way. */
    String cached(long va) {
        cpu.mmu.flush();
        return read(va);
    }

    @Test
    void tablesChangedWithoutInvalidationStillTranslateTheOldWay() {
        mapBoth(PageTables.NOT_GLOBAL);
        assertEquals(value(1), cached(VA));
        assertEquals(value(2), cached(OTHER_VA));
    }

    @Test
    void vae1RemovesOnlyThatAddress() {
        mapBoth(PageTables.NOT_GLOBAL);
        el2.writeSysreg("TLBI VAE1", 5L << 48 | VA >>> 12);
        assertEquals(value(3), cached(VA));
        assertEquals(value(2), cached(OTHER_VA));
    }

    @Test
    void vae1OfAnotherAsidLeavesTheEntry() {
        mapBoth(PageTables.NOT_GLOBAL);
        el2.writeSysreg("TLBI VAE1", 6L << 48 | VA >>> 12);
        assertEquals(value(1), cached(VA));
    }

    @Test
    void vale1RemovesTheLastLevelEntry() {
        mapBoth(PageTables.NOT_GLOBAL);
        el2.writeSysreg("TLBI VALE1", 5L << 48 | VA >>> 12);
        assertEquals(value(3), cached(VA));
        assertEquals(value(2), cached(OTHER_VA));
    }

    @Test
    void vaae1RemovesTheAddressForEveryAsid() {
        mapBoth(PageTables.NOT_GLOBAL);
        el2.writeSysreg("TLBI VAAE1", 77L << 48 | VA >>> 12);
        assertEquals(value(3), cached(VA));
        assertEquals(value(2), cached(OTHER_VA));
    }

    @Test
    void aside1RemovesTheAsidsEntriesButNotGlobalOnes() {
        mapBoth(PageTables.NOT_GLOBAL, 0);
        el2.writeSysreg("TLBI ASIDE1", 5L << 48);
        assertEquals(value(3), cached(VA));
        assertEquals(value(2), cached(OTHER_VA), "global entries are not the ASID's");
    }

    @Test
    void entriesAreTaggedWithTheirAsid() {
        mapBoth(PageTables.NOT_GLOBAL);
        el2.writeSysreg("TTBR0_EL1", tables.rootAddress() | 6L << 48);
        assertEquals(value(3), cached(VA), "ASID 6 has no entry yet: walks the new tables");
        el2.writeSysreg("TTBR0_EL1", tables.rootAddress() | 5L << 48);
        assertEquals(value(1), cached(VA), "ASID 5's entry is still there");
    }

    @Test
    void vmalle1RemovesStageOneEntriesOfTheVmid() {
        mapBoth(0);
        el2.writeSysreg("TLBI VMALLE1", 0);
        assertEquals(value(3), cached(VA));
        assertEquals(value(4), cached(OTHER_VA));
    }

    @Test
    void invalidationByAddressRemovesTheWholeBlock() {
        tables = stage1(0, 9);
        tables.map(VA, DATA, 2, PageTables.S1_NORMAL);
        enableStage1(tables, TCR_48, 0);
        assertEquals(value(5), read(VA + 0x5000));
        tables.map(VA, DATA + 0x20_0000, 2, PageTables.S1_NORMAL);
        el2.writeSysreg("TLBI VAE1", (VA + 0x1F_F000) >>> 12);
        cpu.mmu.flush();
        assertEquals("0", read(VA + 0x5000), "the block's entry went, though the TLBI named another page of it");
    }

    @Test
    void innerShareableInvalidationReachesTheOtherCpu() {
        mapBoth(0);
        Arm64Cpu other = cluster.cpu(1);
        other.resetTo(RAM, 1);
        GuestState otherEl2 = cluster.guest(1);
        otherEl2.writeSysreg("TTBR0_EL1", tables.rootAddress());
        otherEl2.writeSysreg("TCR_EL1", TCR_48);
        otherEl2.writeSysreg("SCTLR_EL1", otherEl2.readSysreg("SCTLR_EL1") | SCTLR_M);
        tables.map(VA, data(1), 3, PageTables.S1_NORMAL);
        assertEquals(0x1111111111111111L, other.mmu.read64(VA));
        tables.map(VA, data(3), 3, PageTables.S1_NORMAL);
        el2.writeSysreg("TLBI VAE1", VA >>> 12);
        other.mmu.flush();
        assertEquals(0x1111111111111111L, other.mmu.read64(VA), "a local TLBI leaves the other CPU's entry");
        el2.writeSysreg("TLBI VAE1IS", VA >>> 12);
        other.mmu.flush();
        assertEquals(0x3333333333333333L, other.mmu.read64(VA), "the inner-shareable one removes it");
    }

    // ---- stage 2, issued by EL2 ----

    PageTables stage2;

    /** Stage 1 off; stage 2 maps IPA VA and OTHER_VA to data pages 1 and 2, then the tables change to 3 and 4. */
    void mapBothAtStageTwo(int vmid) {
        stage2 = enableStage2(TABLES + 0x40_0000, vmid);
        stage2.map(VA, data(1), 3, RW);
        stage2.map(OTHER_VA, data(2), 3, RW);
        assertEquals(value(1), read(VA));
        assertEquals(value(2), read(OTHER_VA));
        stage2.map(VA, data(3), 3, RW);
        stage2.map(OTHER_VA, data(4), 3, RW);
    }

    @Test
    void ipas2e1RemovesOnlyThatIntermediateAddress() {
        mapBothAtStageTwo(1);
        assertEquals(value(1), cached(VA));
        el2.writeSysreg("TLBI IPAS2E1", VA >>> 12);
        assertEquals(value(3), cached(VA));
        assertEquals(value(2), cached(OTHER_VA));
    }

    @Test
    void vmalle1LeavesStageTwoEntries() {
        mapBothAtStageTwo(1);
        el2.writeSysreg("TLBI VMALLE1", 0);
        assertEquals(value(1), cached(VA));
    }

    @Test
    void vmalls12e1RemovesBothStagesOfTheVmid() {
        mapBothAtStageTwo(1);
        el2.writeSysreg("TLBI VMALLS12E1IS", 0);
        assertEquals(value(3), cached(VA));
        assertEquals(value(4), cached(OTHER_VA));
    }

    @Test
    void entriesAreTaggedWithTheirVmidAndAlle1RemovesAll() {
        mapBothAtStageTwo(1);
        long vttbr1 = el2.readSysreg("VTTBR_EL2");
        el2.writeSysreg("VTTBR_EL2", vttbr1 & ~(0xFFL << 48) | 2L << 48);
        assertEquals(value(3), cached(VA), "VMID 2 has no entry: walks");
        el2.writeSysreg("VTTBR_EL2", vttbr1);
        assertEquals(value(1), cached(VA), "VMID 1's entry survived the switch");
        el2.writeSysreg("TLBI VMALLS12E1", 0);
        el2.writeSysreg("VTTBR_EL2", vttbr1 & ~(0xFFL << 48) | 2L << 48);
        stage2.map(VA, data(5), 3, RW);
        el2.writeSysreg("VTTBR_EL2", vttbr1);
        assertEquals(value(5), cached(VA));
        el2.writeSysreg("VTTBR_EL2", vttbr1 & ~(0xFFL << 48) | 2L << 48);
        assertEquals(value(3), cached(VA), "VMALLS12E1 of VMID 1 left VMID 2's entry");
        el2.writeSysreg("TLBI ALLE1IS", 0);
        assertEquals(value(5), cached(VA), "ALLE1 removed every VMID's entries");
    }
}
