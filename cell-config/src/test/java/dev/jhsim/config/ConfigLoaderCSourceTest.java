package dev.jhsim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.config.binary.LayoutHint;
import dev.jhsim.config.c.CompileOptions;
import dev.jhsim.config.model.Layout;
import dev.jhsim.fixtures.ConfigFixtures;
import dev.jhsim.fixtures.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C sources load like binary and JSON files do, with the source map of their bytes. */
class ConfigLoaderCSourceTest {
    private static final Path SOURCES = Repo.path("src-test-fixtures/configs");

    @Test
    void cSourceLoadsAsItsBinaryFixture() throws Exception {
        ConfigLoader.Loaded loaded = ConfigLoader.loadC(SOURCES.resolve("x86-system.c"),
                CompileOptions.DEFAULT.withIncludeDir(SOURCES).withLayout(Layout.MINERVASYS), LayoutHint.MINERVASYS);
        ConfigLoader.Loaded binary = ConfigLoader.parse(ConfigFixtures.get("minervasys", "x86-system").bytes(),
                LayoutHint.MINERVASYS);
        assertEquals(binary.file(), loaded.file());
        assertEquals(List.of(), loaded.warnings());
        assertTrue(loaded.sourceMap().locate(0).isPresent());
        assertFalse(binary.sourceMap().locate(0).isPresent());
    }

    @Test
    void compilerAndReaderWarningsAreBothKept(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("cell.c");
        String fixture = Files.readString(SOURCES.resolve("arm-cell.c"));
        // One memory region more than the header counts: the reader warns about the trailing bytes.
        Files.writeString(source, "#warning \"draft\"\n" + fixture
                .replace("struct jailhouse_memory mem_regions[2];", "struct jailhouse_memory mem_regions[2];\n"
                        + "\tstruct jailhouse_memory spare[1];")
                .replace("\t.mem_regions = {", "\t.spare = { { .size = 0x1000 } },\n\t.mem_regions = {"));
        ConfigLoader.Loaded loaded = ConfigLoader.loadC(source, CompileOptions.DEFAULT.withIncludeDir(SOURCES),
                LayoutHint.AUTO);
        assertEquals(2, loaded.warnings().size(), loaded.warnings().toString());
        assertEquals(source + ":1:2: warning: #warning \"draft\"", loaded.warnings().get(0));
        assertTrue(loaded.warnings().get(1).startsWith(source + ": warning: 32 trailing bytes"),
                loaded.warnings().get(1));
    }

    @Test
    void cSourcesAreRecognisedByName() {
        assertTrue(ConfigLoader.isCSource(Path.of("configs/qemu-arm64.c")));
        assertFalse(ConfigLoader.isCSource(Path.of("qemu-arm64.cell")));
        assertFalse(ConfigLoader.isCSource(Path.of("qemu-arm64.json")));
    }
}
