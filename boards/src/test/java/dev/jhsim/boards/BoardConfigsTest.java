package dev.jhsim.boards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.c.CompileOptions;
import dev.jhsim.config.c.ConfigCompiler;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The build compiled every board's configuration sources into class-path resources. */
class BoardConfigsTest {
    private static final PathMatcher CONFIG_SOURCES = FileSystems.getDefault().getPathMatcher("glob:*/configs/**.c");

    /** BOARD/configs/NAME.c below {@code root}. */
    private static List<Path> sources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> CONFIG_SOURCES.matches(root.relativize(p))).sorted().toList();
        }
    }

    /** Each source's resource holds exactly what the compiler makes of the source now. */
    private static void checkBuilt(Path root) throws Exception {
        for (Path source : sources(root)) {
            Path relative = root.relativize(source);
            String board = relative.getName(0).toString();
            String cell = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/')
                    .replaceFirst("\\.c$", ".cell");
            byte[] expected = ConfigCompiler.compile(source, CompileOptions.DEFAULT).bytes();
            assertArrayEquals(expected, Boards.file(board, cell).orElseThrow(() -> new AssertionError(
                    relative + " was not built into /boards/" + board + "/" + cell)), relative.toString());
        }
    }

    @Test
    void everyBoardConfigurationIsBuilt() throws Exception {
        checkBuilt(Repo.path("boards"));
    }

    @Test
    void theBuildCheckSourceIsBuiltAndIsAConfiguration() throws Exception {
        Path tests = Repo.path("boards/src/test/boards");
        assertEquals(1, sources(tests).size());
        checkBuilt(tests);
        CellConfig cell = (CellConfig) ConfigLoader.parse(Boards.file("build-check", "configs/inmate.cell")
                .orElseThrow(), LayoutHint.AUTO).file();
        assertEquals("build-check", cell.cell().name());
        assertEquals(2, cell.cell().memoryRegions().size());
    }
}
