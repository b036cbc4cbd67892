package dev.jhsim.config.c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.ConfigLoader;
import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.model.Layout;
import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiler gives gcc's bytes: every configuration source of the project
 * (the fixtures and the sources that stress the preprocessor and front end),
 * in every layout, compiled by jhsim and by the host's gcc + objcopy against
 * the same headers.
 */
class DifferentialTest {
    private static final Path FIXTURE_SOURCES = Repo.path("src-test-fixtures/configs");
    private static final Path STRESS_SOURCES = Repo.path("cell-config/src/test/configs");
    private static final List<Path> INCLUDE_DIRS = List.of(FIXTURE_SOURCES, STRESS_SOURCES.resolve("include"));

    @TempDir
    Path work;

    static List<Path> sources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path dir : List.of(FIXTURE_SOURCES, STRESS_SOURCES)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".c")).sorted().forEach(sources::add);
            }
        }
        return sources;
    }

    static Stream<Arguments> sourcesAndLayouts() throws IOException {
        return sources().stream().flatMap(s -> Stream.of(Layout.values()).map(l -> Arguments.of(s.getFileName(), l)));
    }

    private static Path source(Path name) {
        Path fixture = FIXTURE_SOURCES.resolve(name);
        return Files.exists(fixture) ? fixture : STRESS_SOURCES.resolve(name);
    }

    private static CompileOptions options(Layout layout) {
        CompileOptions options = CompileOptions.DEFAULT.withLayout(layout);
        for (Path dir : INCLUDE_DIRS) {
            options = options.withIncludeDir(dir);
        }
        return options;
    }

    private static List<String> gccOptions(Layout layout) {
        List<String> options = new ArrayList<>();
        for (CompileOptions.MacroOption m : options(layout).macros()) {
            options.add("-D" + ((CompileOptions.Define) m).definition());
        }
        INCLUDE_DIRS.forEach(dir -> options.add("-I" + dir));
        return options;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sourcesAndLayouts")
    void bytesAreGccs(Path name, Layout layout) throws Exception {
        Path source = source(name);
        byte[] expected = HostGcc.build(source, work, gccOptions(layout));
        CompileResult result = ConfigCompiler.compile(source, options(layout));
        assertArrayEquals(expected, result.bytes(), name + " in layout " + layout.id());

        // Each source is a valid configuration of that layout, with nothing left over.
        ConfigLoader.Loaded loaded = ConfigLoader.parse(result.bytes(),
                layout.isMinervaSys() ? LayoutHint.MINERVASYS : LayoutHint.UPSTREAM);
        assertEquals(layout, loaded.file().layout());
        assertEquals(List.of(), loaded.warnings());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void atLeastTwelveSourcesTakePart() throws IOException {
        assertTrue(sources().size() >= 12, "only " + sources().size() + " sources");
    }

    /** Needs no gcc: the committed binary fixtures are what the compiler makes of their sources. */
    @Test
    void committedFixturesAreTheCompilersOutput() throws Exception {
        for (ConfigFixtures.Fixture f : ConfigFixtures.all()) {
            Layout layout = Layout.ofId(f.layout());
            CompileResult result = ConfigCompiler.compile(FIXTURE_SOURCES.resolve(f.name() + ".c"), options(layout));
            assertArrayEquals(f.bytes(), result.bytes(), f.toString());
        }
    }
}
