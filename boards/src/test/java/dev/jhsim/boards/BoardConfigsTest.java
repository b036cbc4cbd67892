package dev.jhsim.boards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.c.CompileOptions;
import dev.jhsim.config.c.ConfigCompiler;
import dev.jhsim.config.model.CellConfig;
import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The build compiled every configuration source of the module into a class-path resource. */
class BoardConfigsTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BoardConfigsTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " was not built; the boards build compiles src/*/configs/**.c");
            return in.readAllBytes();
        }
    }

    private static List<Path> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
    }

    /** Each resource holds exactly what the compiler makes of its source now. */
    private static void checkBuilt(Path root) throws Exception {
        for (Path source : sources(root)) {
            String name = "/configs/" + root.relativize(source).toString().replace('\\', '/')
                    .replaceFirst("\\.c$", ".cell");
            byte[] expected = ConfigCompiler.compile(source, CompileOptions.DEFAULT
                    .withIncludeDir(Repo.path("boards/src/main/configs/include"))).bytes();
            assertArrayEquals(expected, resource(name), name);
        }
    }

    @Test
    void everyBoardConfigurationIsBuilt() throws Exception {
        checkBuilt(Repo.path("boards/src/main/configs"));
    }

    @Test
    void theBuildCheckSourceIsBuiltAndIsAConfiguration() throws Exception {
        checkBuilt(Repo.path("boards/src/test/configs"));
        CellConfig cell = (CellConfig) ConfigLoader.parse(resource("/configs/build-check/inmate.cell"),
                LayoutHint.AUTO).file();
        assertEquals("build-check", cell.cell().name());
        assertEquals(2, cell.cell().memoryRegions().size());
    }
}
