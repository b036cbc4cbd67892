package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.ConfigFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandsTest {
    @TempDir
    Path dir;

    private Path fixture(String layout, String name) throws Exception {
        Path file = dir.resolve(layout + "-" + name + ".cell");
        Files.write(file, ConfigFixtures.get(layout, name).bytes());
        return file;
    }

    @Test
    void dumpListsEveryRegionWithSymbolicFlags() throws Exception {
        CliRun run = CliRun.of("config", "dump", fixture("v14", "arm64-system").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Layout:             revision 14 (upstream)"), run.out());
        assertTrue(run.out().contains("Memory regions (10):"), run.out());
        assertTrue(run.out().contains(
                "    6  0x9000000-0x90000ff        0x9000000-0x90000ff        0x100                  "
                + "READ|WRITE|IO|IO_UNALIGNED|IO_8|IO_16|IO_32|IO_64"), run.out());
        assertTrue(run.out().contains("0001:00:01.0  IVSHMEM"), run.out());
        assertTrue(run.out().contains("0  0x8000000  0x0  32        32-159"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonThenCompileGivesTheSameBytes() throws Exception {
        Path cell = fixture("minervasys", "arm64-cell");
        CliRun json = CliRun.of("config", "dump", "--json", cell.toString());
        assertEquals(0, json.status(), json.err());
        Path jsonFile = dir.resolve("cell.json");
        Files.writeString(jsonFile, json.out());
        Path out = dir.resolve("out.cell");
        CliRun compile = CliRun.of("config", "compile", jsonFile.toString(), "-o", out.toString());
        assertEquals(0, compile.status(), compile.err());
        assertArrayEquals(Files.readAllBytes(cell), Files.readAllBytes(out));
    }

    @Test
    void missingFileIsOneUpstreamStyleLine() {
        CliRun run = CliRun.of("config", "dump", dir.resolve("nope.cell").toString());
        assertEquals(1, run.status());
        assertEquals("opening " + dir.resolve("nope.cell") + ": No such file or directory\n", run.err());
    }

    @Test
    void corruptFileIsOneLineWithOffset() throws Exception {
        Path bad = dir.resolve("bad.cell");
        byte[] bytes = ConfigFixtures.get("v14", "arm64-cell").bytes();
        Files.write(bad, java.util.Arrays.copyOf(bytes, 100));
        CliRun run = CliRun.of("config", "dump", bad.toString());
        assertEquals(1, run.status());
        assertEquals(bad + ": offset 0x64 (cell, console, address): file ends after 100 bytes, expected 4 more"
                + " for this field\n", run.err());
    }

    @Test
    void compileErrorLeavesNoOutputFile() throws Exception {
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"kind\": \"cell\", \"architecture\": \"arm64\", \"flags\": \"PASIVE\"}");
        Path out = dir.resolve("out.cell");
        CliRun run = CliRun.of("config", "compile", json.toString(), "-o", out.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith(json + ": $.flags: unknown flag 'PASIVE'"), run.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void helpListsTheUpstreamCommandSet() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status());
        for (String command : new String[] {"enable", "disable", "console", "cell", "config", "hardware"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
        }
        CliRun cell = CliRun.of("cell", "--help");
        for (String sub : new String[] {"create", "list", "load", "start", "shutdown", "destroy", "linux",
            "stats"}) {
            assertTrue(cell.out().contains("  " + sub + " "), sub + " missing from:\n" + cell.out());
        }
        CliRun config = CliRun.of("config", "--help");
        for (String sub : new String[] {"create", "check", "dump", "compile"}) {
            assertTrue(config.out().contains("  " + sub + " "), sub + " missing from:\n" + config.out());
        }
        assertTrue(CliRun.of("hardware", "--help").out().contains("  check "));
    }

    @Test
    void unimplementedCommandSaysSoAndFails() {
        CliRun run = CliRun.of("hardware", "check");
        assertEquals(1, run.status());
        assertEquals("jailhouse hardware check: not implemented yet in jhsim\n", run.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(1, run.status(), "upstream's tool exits 1 for an unknown command");
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void versionNamesTheSupportedRevisions() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("revisions 12, 13, 14"), run.out());
    }
}
