package dev.jhsim.machine.arm64.mmu;

/**
 * One CPU's TLB, as the architecture sees it: stage-1 entries (virtual page
 * to intermediate physical page, tagged with VMID and ASID, or global) and
 * stage-2 entries (intermediate to physical page, tagged with VMID), kept
 * apart so that stage-2 invalidation by IPA is exact. Each table is direct
 * mapped by page and tag (VMID, and ASID unless global), so that address
 * spaces can share the TLB; a conflicting fill evicts, as a real TLB may.
 * Entries are
 * preallocated and reused, so filling allocates nothing. An entry describes a
 * 4 KiB page but remembers the size of the block it came from, so that
 * invalidation by address removes every page of that block.
 */
final class Tlb {
    static final int ENTRIES = 1024;

    /** Permission bits of an entry: read, write, execute at EL1 and at EL0. */
    static final int R1 = 1;
    static final int W1 = 2;
    static final int X1 = 4;
    static final int R0 = 8;
    static final int W0 = 16;
    static final int X0 = 32;

    static final class Entry {
        boolean valid;
        /** Input page number: VA bits 55:12 for stage 1, IPA bits 47:12 for stage 2. */
        long page;
        int vmid;
        int asid;
        boolean global;
        /** Output page address (IPA or PA, bits 47:12). */
        long out;
        /** Size minus one of the block or page the entry was made from. */
        long blockMask;
        int perms;
        int level;
        /** Stage 1: MAIR index and shareability, for PAR_EL1. */
        int attrIndex;
        int shareability;

        boolean covers(long inputPage) {
            long pages = blockMask >>> 12;
            return (page & ~pages) == (inputPage & ~pages);
        }
    }

    final Entry[] stage1 = newEntries();
    final Entry[] stage2 = newEntries();

    private static Entry[] newEntries() {
        Entry[] entries = new Entry[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            entries[i] = new Entry();
        }
        return entries;
    }

    private static int slot(long page, int tag) {
        long h = (page ^ (long) tag << 24) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54) & (ENTRIES - 1);
    }

    /** The slot tag of a stage-1 entry: its VMID, and its ASID unless it is global. */
    private static int stage1Tag(int vmid, int asid, boolean global) {
        return global ? vmid << 17 | 1 << 16 : vmid << 17 | asid;
    }

    /** The stage-1 entry for the page under the given VMID and ASID (or a global one), or null. */
    Entry findStage1(long page, int vmid, int asid) {
        Entry e = stage1[slot(page, stage1Tag(vmid, asid, false))];
        if (e.valid && e.page == page && e.vmid == vmid && !e.global && e.asid == asid) {
            return e;
        }
        e = stage1[slot(page, stage1Tag(vmid, 0, true))];
        return e.valid && e.page == page && e.vmid == vmid && e.global ? e : null;
    }

    Entry findStage2(long page, int vmid) {
        Entry e = stage2[slot(page, vmid)];
        return e.valid && e.page == page && e.vmid == vmid ? e : null;
    }

    /** The entry to fill for a stage-1 translation, evicting whatever was in its slot. */
    Entry fillStage1(long page, int vmid, int asid, boolean global) {
        Entry e = stage1[slot(page, stage1Tag(vmid, asid, global))];
        e.valid = true;
        e.page = page;
        e.vmid = vmid;
        e.asid = asid;
        e.global = global;
        return e;
    }

    Entry fillStage2(long page, int vmid) {
        Entry e = stage2[slot(page, vmid)];
        e.valid = true;
        e.page = page;
        e.vmid = vmid;
        return e;
    }

    // ---- invalidation (TLBI) ----

    /** ALLE1: everything. */
    void invalidateAll() {
        for (Entry e : stage1) {
            e.valid = false;
        }
        for (Entry e : stage2) {
            e.valid = false;
        }
    }

    /** VMALLE1 (stage 1 only) or VMALLS12E1 (both stages) for one VMID. */
    void invalidateVmid(int vmid, boolean stage2Too) {
        for (Entry e : stage1) {
            e.valid &= e.vmid != vmid;
        }
        if (stage2Too) {
            for (Entry e : stage2) {
                e.valid &= e.vmid != vmid;
            }
        }
    }

    /** VAE1 (the ASID's and global entries) or VAAE1 ({@code anyAsid}): stage-1 entries covering the page. */
    void invalidateVa(int vmid, long page, int asid, boolean anyAsid) {
        for (Entry e : stage1) {
            if (e.valid && e.vmid == vmid && (anyAsid || e.global || e.asid == asid) && e.covers(page)) {
                e.valid = false;
            }
        }
    }

    /** ASIDE1: the ASID's non-global stage-1 entries. */
    void invalidateAsid(int vmid, int asid) {
        for (Entry e : stage1) {
            e.valid &= e.global || e.vmid != vmid || e.asid != asid;
        }
    }

    /** IPAS2E1: stage-2 entries covering the intermediate physical page. */
    void invalidateIpa(int vmid, long page) {
        for (Entry e : stage2) {
            if (e.valid && e.vmid == vmid && e.covers(page)) {
                e.valid = false;
            }
        }
    }
}
