package dev.jhsim.hypervisor.arm64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jhsim.hypervisor.core.HypervisorError;
import dev.jhsim.hypervisor.core.PagePool;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.machine.bus.PhysicalBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stage-2 tables built in RAM from a page pool: blocks where they fit, splits, freed tables. */
class PageTablesTest {
    private static final long MB = 1 << 20;
    private static final long GB = 1L << 30;
    private static final long POOL = 0x4000_0000L;
    private static final long BITMAP = 0x5000_0000L;
    private static final long FLAGS = PageTables.VALID | PageTables.ACCESS_FLAG | PageTables.S2_READ;

    private PhysicalMemory memory;
    private PagePool pool;
    private PageTables tables;
    private long root;

    @BeforeEach
    void setUp() {
        PhysicalBus bus = new PhysicalBus();
        bus.addRam(POOL, 0x2000_0000L);
        memory = new PhysicalMemory(bus);
        pool = new PagePool(memory, POOL, 64, BITMAP, true);
        tables = new PageTables(memory, pool);
        root = pool.alloc(1);
    }

    @Test
    void theLargestBlocksThatFit() {
        tables.create(root, 0x8000_0000L, GB + 2 * MB + 0x1000, 0x4000_0000L, FLAGS, true);
        assertEquals(4, pool.usedPages(), "root, a level-1 table, a level-2 and a level-3 table");
        assertEquals(0x8000_0000L + 0x1234, tables.translate(root, 0x4000_1234L));
        assertEquals(0x8000_0000L + GB + 2 * MB + 0x0FFF, tables.translate(root, 0x4000_0000L + GB + 2 * MB + 0xFFF));
        assertEquals(PageTables.INVALID, tables.translate(root, 0x4000_0000L + GB + 2 * MB + 0x1000));
        long level1 = memory.read64(root) & 0xFFFF_FFFF_F000L;
        assertEquals(0x8000_0000L | FLAGS, memory.read64(level1 + 8), "a 1 GiB block: bit 1 clear");
    }

    @Test
    void withoutHugePagesEverythingIsPages() {
        tables.create(root, 0x8000_0000L, 4 * MB, 0, FLAGS, false);
        assertEquals(1 + 1 + 1 + 2, pool.usedPages());
        assertEquals(0x8020_0000L, tables.translate(root, 0x20_0000L));
    }

    @Test
    void unmappingPartOfABlockSplitsItAndRemappingLeavesTheTable() {
        tables.create(root, 0x8000_0000L, 2 * MB, 0x4000_0000L, FLAGS, true);
        assertEquals(3, pool.usedPages());
        tables.destroy(root, 0x4010_0000L, MB);
        assertEquals(4, pool.usedPages(), "the block became a table of pages");
        assertEquals(0x8000_0000L + 0x5000, tables.translate(root, 0x4000_5000L));
        assertEquals(PageTables.INVALID, tables.translate(root, 0x4010_0000L));
        assertEquals(PageTables.INVALID, tables.translate(root, 0x401F_F000L));
        tables.create(root, 0x8010_0000L, MB, 0x4010_0000L, FLAGS, true);
        assertEquals(0x8010_0000L, tables.translate(root, 0x4010_0000L));
        assertEquals(4, pool.usedPages(), "no merging back into a block, as upstream");
    }

    @Test
    void aBlockReplacesAFinerMappingAndFreesItsTables() {
        tables.create(root, 0x8000_0000L, 2 * MB, 0, FLAGS, false);
        assertEquals(4, pool.usedPages());
        tables.create(root, 0x9000_0000L, 2 * MB, 0, FLAGS, true);
        assertEquals(3, pool.usedPages());
        assertEquals(0x9000_0010L, tables.translate(root, 0x10));
    }

    @Test
    void unmappingEverythingFreesEveryTableButTheRoot() {
        tables.create(root, 0x8000_0000L, 3 * MB, 0x7FF0_0000L, FLAGS, true);
        tables.create(root, 0x9000_0000L, 0x3000, 0x40_0000_0000L, FLAGS, true);
        tables.destroy(root, 0x7FF0_0000L, 3 * MB);
        tables.destroy(root, 0x40_0000_0000L, 0x3000);
        assertEquals(1, pool.usedPages());
        for (int n = 0; n < 512; n++) {
            assertEquals(0, memory.read64(root + 8L * n));
        }
    }

    @Test
    void unmappingAHoleIsHarmless() {
        tables.create(root, 0x8000_0000L, 0x1000, 0x1000, FLAGS, true);
        tables.destroy(root, 0x1_0000_0000L, 256 * MB);
        assertEquals(0x8000_0000L, tables.translate(root, 0x1000));
    }

    @Test
    void poolPagesAreFirstFitAlignedAndScrubbed() {
        long a = pool.alloc(3);
        memory.write64(a, 0x1234);
        long b = pool.allocAligned(4);
        assertEquals(0, (b - POOL) / PhysicalMemory.PAGE_SIZE % 4);
        pool.free(a, 3);
        assertEquals(0, memory.read64(a), "freed pages are zeroed");
        assertEquals(a, pool.alloc(1), "first fit");
        assertEquals(1 + 1 + 4, pool.usedPages());
        HypervisorError e = assertThrows(HypervisorError.class, () -> pool.alloc(64));
        assertEquals(Errno.ENOMEM, e.errno());
    }
}
