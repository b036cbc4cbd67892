package dev.jhsim.config.check;

import static dev.jhsim.config.check.TestSets.arm64Cell;
import static dev.jhsim.config.check.TestSets.arm64System;
import static dev.jhsim.config.check.TestSets.findings;
import static dev.jhsim.config.check.TestSets.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jhsim.config.binary.ElementOffsets;
import dev.jhsim.config.binary.ElementOffsets.Array;
import dev.jhsim.config.binary.StructSizes;
import dev.jhsim.config.c.SourceLocation;
import dev.jhsim.config.c.SourceMap;
import dev.jhsim.config.model.ConfigFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Findings resolve their location through {@link ElementOffsets} and the
 * input's {@link SourceMap}, the way C input will: here a map built like a
 * compiler's, one initialiser line per array element.
 */
class SourceLocationTest {
    private static final String OVERLAP = """
            ,
                {"phys_start": "0x7fa08000", "virt_start": "0x8000", "size": "0x10000", "flags": "READ|WRITE"}""";

    /**
     * A source map giving each memory region's bytes the line {@code firstLine + index} and the console's
     * line 9: like the compiler's, it answers only for spans inside one initialiser.
     */
    private static SourceMap compiledFrom(String file, ConfigFile config, int firstLine, int regions) {
        ElementOffsets offsets = new ElementOffsets(config);
        TreeMap<Long, long[]> ranges = new TreeMap<>();
        for (int i = 0; i < regions; i++) {
            long start = offsets.of(Array.MEMORY_REGIONS, i);
            ranges.put(start, new long[] {start + StructSizes.memoryRegion(config.layout()), firstLine + i});
        }
        ranges.put(offsets.cellConsole(), new long[] {offsets.cellConsole() + StructSizes.CONSOLE, 9});
        return (offset, size) -> {
            Map.Entry<Long, long[]> e = ranges.floorEntry(offset);
            return e == null || offset + size > e.getValue()[0] ? Optional.empty()
                    : Optional.of(new SourceLocation(file, (int) e.getValue()[1], 3));
        };
    }

    private static ConfigSet setWithMap(String cellJson) throws ConfigSetException {
        ConfigFile cell = parse(cellJson);
        CheckInput input = new CheckInput("demo.c", cell, compiledFrom("demo.c", cell, 40, 3));
        return ConfigSet.of(CheckInput.of("system.json", parse(arm64System())), List.of(input), null);
    }

    @Test
    void aFindingNamesTheInitialiserOfItsElement() throws Exception {
        CheckReport report = ConfigChecker.check(setWithMap(arm64Cell("demo", OVERLAP)));
        Finding overlap = findings(report, "overlap-in-cell").get(0);
        assertEquals(Element.region(0), overlap.element());
        assertEquals(Optional.of(new SourceLocation("demo.c", 40, 3)), overlap.location());
        assertTrue(TextReport.render(report).contains("\nIn cell 'demo', region 0 (demo.c:40:3)\n"));

        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));
        JsonNode location = json.at("/checks/0/findings/0/location");
        assertEquals("demo.c", location.get("file").asText());
        assertEquals(40, location.get("line").asInt());
        assertEquals(3, location.get("column").asInt());
    }

    @Test
    void eachElementKindResolvesToItsOwnBytes() throws Exception {
        ConfigSet set = setWithMap(arm64Cell("demo", OVERLAP));
        CheckedCell cell = set.nonRoot().get(0);
        assertEquals(42, cell.locate(Element.region(2)).orElseThrow().line());
        assertEquals(9, cell.locate(Element.CONSOLE).orElseThrow().line());
        assertEquals(Optional.empty(), cell.locate(Element.CPU_SET), "the map has no line for the CPU set");
    }

    @Test
    void binaryAndJsonInputHaveNoLocation() {
        CheckReport report = ConfigChecker.check(TestSets.set(arm64System(), arm64Cell("demo", OVERLAP)));
        assertEquals(Optional.empty(), findings(report, "overlap-in-cell").get(0).location());
        assertTrue(TextReport.render(report).contains("\nIn cell 'demo', region 0\n"));
    }
}
