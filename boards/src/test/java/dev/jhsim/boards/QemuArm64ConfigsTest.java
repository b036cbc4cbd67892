package dev.jhsim.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.model.Cell;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.config.model.ConfigFile;
import dev.jhsim.config.model.MemoryRegion;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What users and inmates rely on in the qemu-arm64 configurations: upstream's
 * file and cell names, and cells laid out the way inmates expect (RAM at cell
 * address 0, loadable; the comm region at 0x80000000).
 */
class QemuArm64ConfigsTest {
    private static final long COMM_REGION_ADDRESS = 0x80000000L;

    private static ConfigFile load(String name) throws Exception {
        byte[] bytes = Boards.file("qemu-arm64", "configs/" + name)
                .orElseThrow(() -> new AssertionError(name + " was not built"));
        return ConfigLoader.parse(bytes, LayoutHint.AUTO).file();
    }

    /** The non-root cell sources: qemu-arm64-NAME.c. */
    private static List<String> cellNames() throws IOException {
        try (Stream<Path> files = Files.list(Repo.path("boards/qemu-arm64/configs"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("qemu-arm64-"))
                    .filter(n -> n.endsWith(".c")).map(n -> n.substring("qemu-arm64-".length(), n.length() - 2))
                    .sorted().toList();
        }
    }

    @Test
    void theSystemConfigurationIsUpstreamsNameWithTheWholeBoard() throws Exception {
        SystemConfig system = (SystemConfig) load("qemu-arm64.cell");
        assertEquals("qemu-arm64", system.rootCell().name());
        assertEquals(16, system.rootCell().cpus().count());
        assertEquals(0x7fc00000L + 0x400000L, system.hypervisorMemory().physStart() + system.hypervisorMemory().size(),
                "the hypervisor takes the top of RAM");
    }

    @Test
    void theCellsAreTheOnesTheDocsPromise() throws IOException {
        assertEquals(List.of("hypercalls", "inmate-demo", "ivshmem-demo-1", "ivshmem-demo-2", "shutdown-deny", "smp",
                "violation"), cellNames());
    }

    @Test
    void eachCellIsNamedLikeItsFileAndLaidOutForInmates() throws Exception {
        for (String name : cellNames()) {
            Cell cell = ((CellConfig) load("qemu-arm64-" + name + ".cell")).cell();
            assertEquals(name, cell.name());
            List<MemoryRegion> regions = cell.memoryRegions();
            assertTrue(regions.stream().anyMatch(r -> r.virtStart() == 0 && (r.flags() & MemoryRegion.LOADABLE) != 0),
                    name + ": loadable RAM at cell address 0");
            assertTrue(regions.stream().anyMatch(r -> r.virtStart() == COMM_REGION_ADDRESS
                    && (r.flags() & MemoryRegion.COMM_REGION) != 0), name + ": comm region at 0x80000000");
        }
    }

    @Test
    void onlyTheShutdownCellIsAskedBeforeShutdownAndTheSmpCellHasTwoCpus() throws Exception {
        for (String name : cellNames()) {
            Cell cell = ((CellConfig) load("qemu-arm64-" + name + ".cell")).cell();
            assertEquals(!name.equals("shutdown-deny"), (cell.flags() & Cell.PASSIVE_COMMREG) != 0, name);
            assertEquals(name.equals("smp") ? 2 : 1, cell.cpus().count(), name);
        }
    }
}
