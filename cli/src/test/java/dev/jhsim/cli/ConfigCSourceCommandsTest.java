package dev.jhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config compile} and {@code config dump} on C configuration sources. */
class ConfigCSourceCommandsTest {
    private static final Path SOURCES = Repo.path("src-test-fixtures/configs");

    @TempDir
    Path dir;

    private String source(String name) {
        return SOURCES.resolve(name + ".c").toString();
    }

    @Test
    void compileGivesTheFixtureBytesInEveryLayout() throws Exception {
        for (String layout : List.of("v12", "v13", "v14", "minervasys")) {
            Path out = dir.resolve(layout + ".cell");
            CliRun run = CliRun.of("config", "compile", source("arm64-system"), "-I", SOURCES.toString(),
                    "--layout", layout, "-o", out.toString());
            assertEquals(0, run.status(), run.err());
            assertEquals("", run.err());
            assertArrayEquals(ConfigFixtures.get(layout, "arm64-system").bytes(), Files.readAllBytes(out), layout);
        }
    }

    @Test
    void definesSelectTheLayoutToo() throws Exception {
        Path out = dir.resolve("out.cell");
        CliRun run = CliRun.of("config", "compile", "-I" + SOURCES, "-DJHSIM_REVISION=12", source("x86-cell"),
                "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertArrayEquals(ConfigFixtures.get("v12", "x86-cell").bytes(), Files.readAllBytes(out));
    }

    @Test
    void definesAndUndefinesApplyInCommandLineOrder() throws Exception {
        Path c = dir.resolve("order.c");
        Files.writeString(c, "#ifdef GONE\n#error GONE is defined\n#endif\nint config = KEPT;\n");
        Path out = dir.resolve("out.cell");
        CliRun run = CliRun.of("config", "compile", c.toString(), "-D", "GONE", "-D", "KEPT=0x4a48", "-U", "GONE",
                "-o", out.toString());
        // Compiled, but an int is no configuration: the reader's error says so.
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith(c + ": "), run.err());
        assertTrue(run.err().contains("the C source compiles, but not to a valid configuration"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void dumpReadsCDirectly() {
        CliRun run = CliRun.of("config", "dump", source("arm64-system"), "-I", SOURCES.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("File:               " + source("arm64-system") + "\n"), run.out());
        assertTrue(run.out().contains("Memory regions (10):"), run.out());
        CliRun json = CliRun.of("config", "dump", "--json", "--layout", "minervasys", "-I", SOURCES.toString(),
                source("arm64-cell"));
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().contains("\"layout\": \"minervasys\""), json.out());
    }

    @Test
    void typoIsOneGccStyleErrorWithSourceLineAndCaret() throws Exception {
        Path c = dir.resolve("typo.c");
        Files.writeString(c, Files.readString(SOURCES.resolve("arm-cell.c"))
                .replace("JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |\n\t\t\t\tJAILHOUSE_MEM_EXECUTE",
                        "JAILHOUSE_MEM_RAED | JAILHOUSE_MEM_WRITE |\n\t\t\t\tJAILHOUSE_MEM_EXECUTE"));
        Path out = dir.resolve("out.cell");
        CliRun run = CliRun.of("config", "compile", c.toString(), "-I", SOURCES.toString(), "-o", out.toString());
        assertEquals(1, run.status());
        assertEquals(List.of(
                c + ":31:34: error: 'JAILHOUSE_MEM_RAED' undeclared here (not in a function);"
                        + " did you mean 'JAILHOUSE_MEM_READ'?",
                "                        .flags = JAILHOUSE_MEM_RAED | JAILHOUSE_MEM_WRITE |",
                "                                 ^~~~~~~~~~~~~~~~~~"), run.err().lines().toList());
        assertFalse(Files.exists(out));
    }

    @Test
    void fileAndOptionErrors() throws Exception {
        CliRun missing = CliRun.of("config", "dump", dir.resolve("none.c").toString());
        assertEquals(1, missing.status());
        assertEquals("opening " + dir.resolve("none.c") + ": No such file or directory\n", missing.err());

        Path json = dir.resolve("cell.json");
        Files.writeString(json, "{}");
        CliRun cOptionsOnJson = CliRun.of("config", "dump", "-DX", json.toString());
        assertEquals(2, cOptionsOnJson.status());
        assertEquals("jailhouse: -I, -D, -U and -include apply to C sources (.c) only\n", cOptionsOnJson.err());

        CliRun badLayout = CliRun.of("config", "dump", "--layout", "v15", source("arm-cell"));
        assertEquals(2, badLayout.status());
        assertEquals("jailhouse: unknown layout 'v15', expected v12, v13, v14 (upstream) or minervasys\n",
                badLayout.err());
    }

    @Test
    void warningsGoToStderrAndTheCompileSucceeds() throws Exception {
        Path c = dir.resolve("warn.c");
        Files.writeString(c, "#warning \"not final\"\n" + Files.readString(SOURCES.resolve("arm-cell.c")));
        Path out = dir.resolve("out.cell");
        CliRun run = CliRun.of("config", "compile", c.toString(), "-I", SOURCES.toString(), "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(c + ":1:2: warning: #warning \"not final\"\n", run.err());
        assertArrayEquals(ConfigFixtures.get("v14", "arm-cell").bytes(), Files.readAllBytes(out));
    }
}
