package dev.jhsim.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.Repo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that compiles a tree of configuration sources. */
class ConfigTreeBuildTest {
    private static final Path FIXTURES = Repo.path("src-test-fixtures/configs");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConfigTreeBuild.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void missingOrEmptySourceTreeBuildsNothing() throws Exception {
        assertEquals(0, run(dir.resolve("none").toString(), dir.resolve("out").toString()));
        assertFalse(Files.exists(dir.resolve("out")));
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, run(dir.resolve("empty").toString(), dir.resolve("out").toString()));
        assertEquals("", err.toString());
    }

    @Test
    void sourcesBecomeCellFilesAtTheSamePath() throws Exception {
        Path board = Files.createDirectories(dir.resolve("src/demo-board"));
        Files.copy(FIXTURES.resolve("arm64-cell.c"), board.resolve("inmate.c"));
        Files.copy(FIXTURES.resolve("fixture-common.h"), board.resolve("fixture-common.h"));
        assertEquals(0, run(dir.resolve("src").toString(), dir.resolve("out").toString(), "-DJHSIM_REVISION=13"),
                err.toString());
        assertArrayEquals(ConfigFixtures.get("v13", "arm64-cell").bytes(),
                Files.readAllBytes(dir.resolve("out/demo-board/inmate.cell")));
        assertTrue(out.toString().startsWith("compiled 1 of 1 configuration sources"), out.toString());
    }

    @Test
    void failuresArePrintedAndFailTheBuildButOthersAreStillCompiled() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("a-broken.c"), "int config = UNKNOWN;\n");
        Files.writeString(src.resolve("b-not-a-config.c"), "int config = 1;\n");
        Files.copy(FIXTURES.resolve("arm-cell.c"), src.resolve("c-good.c"));
        assertEquals(1, run(src.toString(), dir.resolve("out").toString(), "-I" + FIXTURES));
        String errors = err.toString();
        assertTrue(errors.contains(src.resolve("a-broken.c") + ":1:14: error: 'UNKNOWN' undeclared"), errors);
        assertTrue(errors.contains(src.resolve("b-not-a-config.c") + ": "), errors);
        assertFalse(Files.exists(dir.resolve("out/a-broken.cell")));
        assertTrue(Files.exists(dir.resolve("out/c-good.cell")));
    }

    @Test
    void onlySourcesMatchingTheGlobAreCompiled() throws Exception {
        Path configs = Files.createDirectories(dir.resolve("tree/demo-board/configs"));
        Path elsewhere = Files.createDirectories(dir.resolve("tree/src/test/configs"));
        Files.copy(FIXTURES.resolve("arm-cell.c"), configs.resolve("cell.c"));
        Files.writeString(elsewhere.resolve("ignored.c"), "this is not C\n");
        assertEquals(0, run(dir.resolve("tree").toString(), dir.resolve("out").toString(),
                "--sources=*/configs/**.c", "-I" + FIXTURES), err.toString());
        assertArrayEquals(ConfigFixtures.get("v14", "arm-cell").bytes(),
                Files.readAllBytes(dir.resolve("out/demo-board/configs/cell.cell")));
        assertFalse(Files.exists(dir.resolve("out/src")));
    }

    @Test
    void badArguments() {
        assertEquals(2, run(dir.toString()));
        assertEquals(2, run(dir.toString(), dir.toString(), "--frob"));
    }
}
