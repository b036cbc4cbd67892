package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jailhouse config check}: inputs, output formats, exit status and one-line errors. */
class ConfigCheckCommandTest {
    @TempDir
    Path dir;

    private static String example(String name) {
        return Repo.path("docs/config-check/" + name).toString();
    }

    @Test
    void aCleanSetExitsZeroWithUpstreamsHeader() {
        CliRun run = CliRun.of("config", "check", example("arm64-system.json"), example("arm64-cell.json"));
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().startsWith("Reading configuration set:\n  Architecture:  arm64\n"
                + "  Root cell:     demo-root (" + example("arm64-system.json") + ")\n"
                + "  Non-root cell: demo (" + example("arm64-cell.json") + ")\n"
                + "Overlapping memory regions inside cell: None\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void binaryAndJsonFilesMix() throws Exception {
        Path system = dir.resolve("system.cell");
        Files.write(system, ConfigFixtures.get("v14", "arm64-system").bytes());
        CliRun run = CliRun.of("config", "check", system.toString(), example("arm64-cell.json"));
        assertTrue(run.out().contains("  Root cell:     fixture-arm64 (" + system + ")\n"
                + "  Non-root cell: demo (" + example("arm64-cell.json") + ")\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void findingsInCSourcesNameTheLineOfTheInitialiser() throws Exception {
        String source = """
                #include <jailhouse/types.h>
                #include <jailhouse/cell-config.h>

                struct {
                    struct jailhouse_cell_desc cell;
                    __u64 cpus[1];
                    struct jailhouse_memory mem_regions[2];
                } __attribute__((packed)) config = {
                    .cell = {
                        .signature = JAILHOUSE_CELL_DESC_SIGNATURE,
                        .revision = JAILHOUSE_CONFIG_REVISION,
                        .architecture = JAILHOUSE_ARM64,
                        .name = "demo",
                        .cpu_set_size = sizeof(config.cpus),
                        .num_memory_regions = ARRAY_SIZE(config.mem_regions),
                    },
                    .cpus = { 0x2 },
                    .mem_regions = {
                        /* RAM, not writable */ {
                            .phys_start = 0x7fa00000,
                            .virt_start = 0,
                            .size = 0x10000,
                            .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
                        },
                        /* communication region */ {
                            .virt_start = 0x80000000,
                            .size = 0x00001000,
                            .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_COMM_REGION,
                        },
                    },
                };
                """;
        Path cell = dir.resolve("demo.c");
        Files.writeString(cell, source);
        List<String> lines = source.lines().toList();
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("RAM, not writable")).findFirst()
                .orElseThrow()) + 1;
        int column = lines.get(line - 1).indexOf('{') + 1;

        CliRun run = CliRun.of("config", "check", example("arm64-system.json"), cell.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("LOADABLE regions without WRITE:\n\nIn cell 'demo', region 0 (" + cell + ":"
                + line + ":" + column + ")\n"), run.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("config", "check", "--json",
                example("arm64-system.json"), cell.toString()).out());
        JsonNode finding = json.findValues("findings").stream().filter(JsonNode::isArray)
                .filter(f -> f.size() > 0).findFirst().orElseThrow().get(0);
        assertEquals(line, finding.at("/location/line").asInt(), finding.toString());
        assertEquals(cell.toString(), finding.at("/location/file").asText());
    }

    @Test
    void findingsExitOneAndGoToTheJunitFileToo() throws Exception {
        Path junit = dir.resolve("report.xml");
        CliRun run = CliRun.of("config", "check", example("arm64-system.json"), example("arm64-cell.json"),
                example("cpu-shared/bad.json"), "--junit", junit.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("CPUs in more than one non-root cell:\n\nIn cell 'other', CPU set\n"), run.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testcase classname=\"config-check.cpu-shared\" name=\"other\">\n"
                + "      <failure type=\"cpu-shared\" message=\"CPU set: CPU 1 also in cell 'demo'\">"), xml);
    }

    @Test
    void jsonReplacesTheText() throws Exception {
        CliRun run = CliRun.of("config", "check", "--json", example("arm64-system.json"),
                example("cpu-shared/bad.json"), example("arm64-cell.json"));
        assertEquals(1, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(1, json.get("findings").asInt());
        assertEquals("demo", json.at("/cells/2/name").asText());
    }

    @Test
    void aBoardAddsItsChecks() {
        CliRun run = CliRun.of("config", "check", "--board", "qemu-arm64", example("arm64-system.json"),
                example("arm64-cell.json"));
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("  Architecture:  arm64\n  Board:         qemu-arm64\n"), run.out());
        assertTrue(run.out().contains("Regions against the board's memory map: None\n"), run.out());
    }

    @Test
    void anUnknownBoardIsOneLine() {
        CliRun run = CliRun.of("config", "check", "--board", "pdp11", example("arm64-system.json"));
        assertEquals(2, run.status());
        assertEquals("jailhouse config check: unknown board 'pdp11', expected one of qemu-arm64\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void badInputIsOneLineNamingTheFile() throws Exception {
        CliRun missing = CliRun.of("config", "check", dir.resolve("nope.cell").toString());
        assertEquals(1, missing.status());
        assertEquals("opening " + dir.resolve("nope.cell") + ": No such file or directory\n", missing.err());

        Path corrupt = dir.resolve("corrupt.cell");
        Files.write(corrupt, new byte[] {'J', 'H', 'S', 'Y', 'S', 2, 14});
        CliRun broken = CliRun.of("config", "check", corrupt.toString());
        assertEquals(1, broken.status());
        assertTrue(broken.err().startsWith(corrupt + ": offset 0x"), broken.err());
        assertEquals(1, broken.err().lines().count(), broken.err());

        CliRun swapped = CliRun.of("config", "check", example("arm64-cell.json"), example("arm64-system.json"));
        assertEquals(1, swapped.status());
        assertEquals("Not a root cell configuration: " + example("arm64-cell.json") + "\n", swapped.err());

        CliRun mixed = CliRun.of("config", "check", example("arm64-system.json"), example("x86-cell.json"));
        assertEquals(1, mixed.status());
        assertEquals("Cell architecture mismatch: x86: " + example("x86-cell.json") + "\n", mixed.err());
    }
}
