package dev.jhsim.hypervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.model.Layout;
import dev.jhsim.hypervisor.arm64.PageTables;
import dev.jhsim.hypervisor.core.PhysicalMemory;
import dev.jhsim.hypervisor.driver.CellRef;
import dev.jhsim.hypervisor.driver.CellStatus;
import dev.jhsim.hypervisor.driver.DriverException;
import dev.jhsim.hypervisor.driver.Errno;
import dev.jhsim.hypervisor.driver.PreloadImage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Cell management with upstream's semantics: the life of a cell with its
 * console messages, the root cell's CPUs and memory going and coming back,
 * the page pool, and every refusal with its errno and reason.
 */
class CellManagementTest {
    private static final long DEMO_RAM = 0x7F00_0000L;

    @Test
    void aCellsLifeWithUpstreamsMessages() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.console();
            int id = q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo"));
            assertEquals(1, id);
            assertEquals(List.of(status(0, "qemu-arm64", "running", 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                    status(1, "inmate-demo", "shut down", 1)), q.driver.cells());
            q.driver.cellLoad(CellRef.byName("inmate-demo"), List.of(new PreloadImage(
                    Qemu.inmate("demos/arm64/gic-demo.bin"), 0)));
            q.driver.cellStart(CellRef.byName("inmate-demo"));
            assertEquals("running", q.driver.cells().get(1).state());
            q.runMs(200);
            q.driver.cellLoad(CellRef.byId(1), List.of());
            assertEquals("shut down", q.driver.cells().get(1).state());
            q.driver.cellDestroy(CellRef.byId(1));
            assertEquals(List.of(status(0, "qemu-arm64", "running", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                    15)), q.driver.cells());
            assertEquals("""
                    Created cell "inmate-demo"
                    Page pool usage after cell creation: mem 27/1020, remap 528/131072
                    Cell "inmate-demo" can be loaded
                    Started cell "inmate-demo"
                    Cell "inmate-demo" can be loaded
                    Closing cell "inmate-demo"
                    Page pool usage after cell destruction: mem 18/1020, remap 528/131072
                    """, q.console());
        }
    }

    /**
     * The cell's memory leaves the root cell's stage 2 and comes back; the
     * pool gives back everything the cell took. What remains is the table
     * that splitting the root cell's 2 MiB block around the cell's 1 MiB
     * left (upstream does not merge mappings back into blocks), so a second
     * round starts and ends exactly where the first ended.
     */
    @Test
    void memoryLeavesTheRootCellAndComesBack() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            assertEquals(DEMO_RAM, rootTranslation(q, DEMO_RAM));
            int[] late = poolUsage(q.console(), "after late setup");
            assertEquals(17, late[0]);
            int[][] rounds = new int[2][];
            for (int round = 0; round < 2; round++) {
                q.start("qemu-arm64-inmate-demo", "demos/arm64/gic-demo.bin", null);
                assertEquals(PageTables.INVALID, rootTranslation(q, DEMO_RAM), "the cell's RAM left the root cell");
                assertEquals(PageTables.INVALID, rootTranslation(q, DEMO_RAM + 0xFF000));
                assertEquals(DEMO_RAM + 0x100000, rootTranslation(q, DEMO_RAM + 0x100000), "but not its neighbour");
                assertEquals(0x0900_0000L, rootTranslation(q, 0x0900_0000L), "the shared UART stays");
                int[] created = poolUsage(q.console(), "after cell creation");
                q.driver.cellDestroy(CellRef.byName("inmate-demo"));
                assertEquals(DEMO_RAM + 0x1234, rootTranslation(q, DEMO_RAM + 0x1234), "back in the root cell");
                int[] destroyed = poolUsage(q.console(), "after cell destruction");
                rounds[round] = new int[] {created[0], destroyed[0]};
            }
            assertEquals(late[0] + 1, rounds[0][1], "the root cell's split block remains as one table");
            assertEquals(List.of(rounds[0][0], rounds[0][1]), List.of(rounds[1][0], rounds[1][1]));
            assertEquals(late[0] + 10, rounds[0][0], "the cell: data, 7 tables; the root cell: 1 split block");
        }
    }

    @Test
    void theLoaderMapsLoadableMemoryIntoTheRootCellUntilTheStart() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo"));
            assertEquals(PageTables.INVALID, rootTranslation(q, DEMO_RAM));
            q.driver.cellLoad(CellRef.byId(1), List.of());
            assertEquals(DEMO_RAM, rootTranslation(q, DEMO_RAM), "loadable: Linux may write the image");
            q.driver.cellStart(CellRef.byId(1));
            assertEquals(PageTables.INVALID, rootTranslation(q, DEMO_RAM), "started: the cell's alone again");
        }
    }

    @Test
    void imagesAndStringsGoWhereTheLoaderIsTold() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-inmate-demo", "demos/arm64/uart-demo.bin", "interval-ms=20");
            q.runMs(100);
            assertTrue(q.uart.toString().contains("Hello 4 from cell!"), q.uart.toString());
            PhysicalMemory memory = new PhysicalMemory(q.board.machine().bus());
            assertEquals("interval-ms=20", new String(memory.read(DEMO_RAM + 0x1000, 14)));
        }
    }

    @Test
    void imagesMustFitLoadableWritableMemory() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo"));
            CellRef demo = CellRef.byName("inmate-demo");
            refused(Errno.EINVAL, "has no memory at 0x200000",
                    () -> q.driver.cellLoad(demo, List.of(new PreloadImage(new byte[16], 0x200000))));
            refused(Errno.EINVAL, "does not fit a loadable, writable region",
                    () -> q.driver.cellLoad(demo, List.of(new PreloadImage(new byte[16], 0xFFFF8))));
            refused(Errno.EINVAL, "does not fit a loadable, writable region",
                    () -> q.driver.cellLoad(demo, List.of(new PreloadImage(new byte[16], 0x0900_0000L))));
            refused(Errno.EINVAL, "does not fit a loadable, writable region",
                    () -> q.driver.cellLoad(demo, List.of(new PreloadImage(new byte[16], 0x8000_0000L))));
        }
    }

    @Test
    void createRefusals() throws Exception {
        try (Qemu q = new Qemu()) {
            refused(Errno.EINVAL, "the hypervisor is not enabled",
                    () -> q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo")));
            q.enable();
            q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo"));
            q.console();
            refused(Errno.EINVAL, "Not a cell configuration", () -> q.driver.cellCreate(Qemu.config("qemu-arm64")));
            refused(Errno.EINVAL, "Configuration revision mismatch: revision 13",
                    () -> q.driver.cellCreate(TestConfigs.inLayout(probe(), Layout.V13)));
            byte[] x86 = TestConfigs.compile("probe-cell");
            x86[5] = 0;
            refused(Errno.EINVAL, "Configuration architecture mismatch: x86", () -> q.driver.cellCreate(x86));
            refused(Errno.EEXIST, "a cell named \"inmate-demo\" exists",
                    () -> q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo")));
            refused(Errno.EBUSY, "CPU 1 does not belong to the root cell",
                    () -> q.driver.cellCreate(probe("PROBE_CPUS=(1 << 1)")));
            refused(Errno.EBUSY, "the root cell would lose its last CPU",
                    () -> q.driver.cellCreate(probe("PROBE_CPUS=0xfffd")));
            assertEquals("", q.console(), "the driver refused these before the hypervisor saw them");
            hypervisorRefuses(q, Errno.EBUSY, "memory region 0 (0x7f000000-0x7f0fffff) overlaps region 0 of cell"
                    + " \"inmate-demo\"", probe("PROBE_RAM=0"));
            hypervisorRefuses(q, Errno.EINVAL, "memory region 3 (0x7fd00000-0x7fd00fff) overlaps the hypervisor"
                    + " memory", probe("PROBE_EXTRA_PHYS=0x7fd00000", "PROBE_EXTRA_VIRT=0x200000",
                    "PROBE_EXTRA_SIZE=0x1000", "PROBE_EXTRA_FLAGS=JAILHOUSE_MEM_READ"));
            hypervisorRefuses(q, Errno.EINVAL, "memory region 3 (0x200000, 0x800 bytes) is not page-aligned and"
                    + " permits no access width (JAILHOUSE_MEM_IO_8..64)", probe("PROBE_EXTRA_PHYS=0x7f900000", "PROBE_EXTRA_VIRT=0x200000",
                    "PROBE_EXTRA_SIZE=0x800", "PROBE_EXTRA_FLAGS=JAILHOUSE_MEM_READ"));
            hypervisorRefuses(q, Errno.EINVAL, "memory region 3: physical start 0x7f900800 is not page-aligned",
                    probe("PROBE_EXTRA_PHYS=0x7f900800", "PROBE_EXTRA_VIRT=0x200000", "PROBE_EXTRA_SIZE=0x1000",
                            "PROBE_EXTRA_FLAGS=JAILHOUSE_MEM_READ"));
            hypervisorRefuses(q, Errno.EINVAL, "memory region 2: the communication region is one page at a page"
                    + " boundary, not 0x2000 bytes at 0x80000000", probe("PROBE_COMM_SIZE=0x2000"));
            assertEquals(2, q.driver.cells().size(), "nothing was created");
        }
    }

    @Test
    void interruptsMustBelongToTheRootCell() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.driver.cellCreate(Qemu.config("qemu-arm64-ivshmem-demo-1"));
            q.console();
            hypervisorRefuses(q, Errno.EBUSY, "interrupt 136 does not belong to the root cell",
                    probe("PROBE_IRQS=LINE_128_159(136)"));
            q.driver.cellDestroy(CellRef.byName("ivshmem-demo-1"));
            q.driver.cellCreate(probe("PROBE_IRQS=LINE_128_159(136)"));
        }
    }

    @Test
    void managingWhatIsNotThereOrTheRootCell() throws Exception {
        try (Qemu q = new Qemu()) {
            refused(Errno.EINVAL, "the hypervisor is not enabled", () -> q.driver.cellStart(CellRef.byId(1)));
            q.enable();
            refused(Errno.ENOENT, "no cell named nope", () -> q.driver.cellStart(CellRef.byName("nope")));
            refused(Errno.ENOENT, "no cell with ID 7", () -> q.driver.cellDestroy(CellRef.byId(7)));
            refused(Errno.ENOENT, "no cell with ID 7", () -> q.driver.cellLoad(CellRef.byId(7), List.of()));
            refused(Errno.EINVAL, "the root cell cannot be managed", () -> q.driver.cellStart(CellRef.byId(0)));
            refused(Errno.EINVAL, "the root cell cannot be managed",
                    () -> q.driver.cellDestroy(CellRef.byName("qemu-arm64")));
            refused(Errno.EINVAL, "the root cell cannot be managed", () -> q.driver.cellLoad(CellRef.byId(0),
                    List.of()));
        }
    }

    @Test
    void cellIdsAreTheLowestFree() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            assertEquals(1, q.driver.cellCreate(Qemu.config("qemu-arm64-inmate-demo")));
            assertEquals(2, q.driver.cellCreate(Qemu.config("qemu-arm64-violation")));
            q.driver.cellDestroy(CellRef.byId(1));
            assertEquals(1, q.driver.cellCreate(Qemu.config("qemu-arm64-smp")));
            assertEquals(List.of(0, 1, 2), q.driver.cells().stream().map(CellStatus::id).toList());
        }
    }

    @Test
    void disableDestroysTheCellsFirst() throws Exception {
        try (Qemu q = new Qemu()) {
            q.enable();
            q.start("qemu-arm64-inmate-demo", "demos/arm64/gic-demo.bin", null);
            q.driver.cellCreate(Qemu.config("qemu-arm64-violation"));
            q.console();
            q.driver.disable();
            String console = q.console();
            assertTrue(console.startsWith("Closing cell \"inmate-demo\"\n"), console);
            assertTrue(console.contains("Closing cell \"violation\"\n"), console);
            assertTrue(console.contains("Shutting down hypervisor\n"), console);
        }
    }

    static byte[] probe(String... defines) {
        return TestConfigs.compile("probe-cell", defines);
    }

    /** The hypervisor refuses the cell, with the errno, and says why on its console. */
    private static void hypervisorRefuses(Qemu q, Errno errno, String reason, byte[] config) {
        refused(errno, reason, () -> q.driver.cellCreate(config));
        assertEquals("Cannot create cell \"probe\": " + reason + "\n", q.console());
    }

    static void refused(Errno errno, String reason, Executable call) {
        DriverException e = assertThrows(DriverException.class, call);
        assertEquals(errno, e.errno(), e.getMessage());
        assertTrue(e.reason().contains(reason), e.reason());
    }

    private static CellStatus status(int id, String name, String state, int... cpus) {
        return new CellStatus(id, name, state, java.util.Arrays.stream(cpus).boxed().toList(), List.of());
    }

    /** Where the root cell's stage 2 maps {@code ipa} (walking the tables CPU 0 uses). */
    static long rootTranslation(Qemu q, long ipa) {
        long root = q.board.machine().guest(0).readSysreg("VTTBR_EL2") & 0x0000_FFFF_FFFF_F000L;
        return new PageTables(new PhysicalMemory(q.board.machine().bus()), null).translate(root, ipa);
    }

    /** The memory and remap pool usage of the last "Page pool usage WHEN" line. */
    static int[] poolUsage(String console, String when) {
        Matcher m = Pattern.compile("Page pool usage " + when + ": mem (\\d+)/\\d+, remap (\\d+)/\\d+").matcher(console);
        int[] usage = null;
        while (m.find()) {
            usage = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        if (usage == null) {
            throw new AssertionError("no pool usage " + when + " in\n" + console);
        }
        return usage;
    }
}
