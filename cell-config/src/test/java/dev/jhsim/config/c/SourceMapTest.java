package dev.jhsim.config.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.binary.ElementOffsets;
import dev.jhsim.config.binary.ElementOffsets.Array;
import dev.jhsim.config.binary.StructSizes;
import dev.jhsim.config.model.Layout;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.fixtures.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Byte ranges of a compiled configuration lead back to the initialisers that wrote them. */
class SourceMapTest {
    private static final Path SOURCE = Repo.path("src-test-fixtures/configs/arm64-system.c");

    /** The line and column where {@code text} first appears in the source. */
    private static SourceLocation find(String text, String after) throws Exception {
        List<String> lines = Files.readAllLines(SOURCE);
        boolean started = after == null;
        for (int i = 0; i < lines.size(); i++) {
            started |= after != null && lines.get(i).contains(after);
            int column = lines.get(i).indexOf(text);
            if (started && column >= 0) {
                String before = lines.get(i).substring(0, column);
                int display = 0;
                for (char c : before.toCharArray()) {
                    display = c == '\t' ? display + 8 - display % 8 : display + 1;
                }
                return new SourceLocation(SOURCE.toString(), i + 1, display + 1);
            }
        }
        throw new AssertionError(text + " not in " + SOURCE);
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"V14", "MINERVASYS"})
    void elementsAndFieldsMapToTheirInitialisers(Layout layout) throws Exception {
        CompileResult result = ConfigCompiler.compile(SOURCE, CompileOptions.DEFAULT.withLayout(layout)
                .withIncludeDir(SOURCE.getParent()));
        SourceMap map = result.sourceMap();
        ElementOffsets offsets = new ElementOffsets(ConfigReader.read(result.bytes()));
        long region = StructSizes.memoryRegion(layout);

        // A whole memory region maps to its own braces ...
        assertEquals(Optional.of(find("{", "ivshmem state table")),
                map.locate(offsets.of(Array.MEMORY_REGIONS, 0), region));
        assertEquals(Optional.of(find("{", "high PCI ECAM")),
                map.locate(offsets.of(Array.MEMORY_REGIONS, 8), region));
        // ... or, when a macro wrote it, to the macro's use.
        SourceLocation macro = find("JAILHOUSE_SHMEM_NET_REGIONS", null);
        for (int i = 2; i <= 5; i++) {
            assertEquals(Optional.of(macro), map.locate(offsets.of(Array.MEMORY_REGIONS, i), region));
        }
        // One field maps to its designator.
        assertEquals(Optional.of(find(".flags", "DMA-capable RAM")),
                map.locate(offsets.of(Array.MEMORY_REGIONS, 7) + 24, 8));
        assertEquals(Optional.of(find(".id = 1", null)), map.locate(offsets.of(Array.IRQCHIPS, 1) + 8));
        // Bytes no initialiser set belong to the innermost one around them: the cell's id to the root cell.
        SystemConfig system = (SystemConfig) ConfigReader.read(result.bytes());
        long rootCell = offsets.cellDescriptor();
        long id = rootCell + 8 + 32; // after the 8-byte signature/revision header and the 32-byte name
        assertEquals(Optional.of(find(".root_cell", null)), map.locate(id, 4));
        assertEquals("fixture-arm64", system.rootCell().name());
        // The whole file maps to the object's initialiser.
        assertEquals(Optional.of(find("config = {", null)).map(l -> new SourceLocation(l.file(), l.line(),
                l.column() + "config = ".length())), map.locate(0, result.bytes().length));
        assertEquals(Optional.empty(), map.locate(result.bytes().length, 1));
    }
}
