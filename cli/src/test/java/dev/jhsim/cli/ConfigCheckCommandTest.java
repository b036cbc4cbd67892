package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
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
