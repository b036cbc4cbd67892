package dev.jhsim.config.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jhsim.config.binary.ElementOffsets.Array;
import dev.jhsim.config.model.SystemConfig;
import dev.jhsim.fixtures.ConfigFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElementOffsetsTest {
    @ParameterizedTest
    @ValueSource(strings = {"v12", "v13", "v14", "minervasys"})
    void offsetsPointAtTheElementsBytes(String layout) throws Exception {
        byte[] bytes = ConfigFixtures.get(layout, "arm64-system").bytes();
        SystemConfig sys = (SystemConfig) ConfigReader.read(bytes);
        ElementOffsets offsets = new ElementOffsets(sys);
        // Memory region 7 starts with its phys_start, 0x40000000.
        assertEquals(0x40000000L, u64(bytes, offsets.of(Array.MEMORY_REGIONS, 7)));
        // Irqchip 1 starts with its address, 0x08000000, followed by id 1.
        assertEquals(0x08000000L, u64(bytes, offsets.of(Array.IRQCHIPS, 1)));
        assertEquals(1L, u64(bytes, offsets.of(Array.IRQCHIPS, 1) + 8) & 0xffffffffL);
        // The stream IDs are the last array of a non-MinervaSys file.
        assertEquals(0x7c0f0c10L, u64(bytes, offsets.of(Array.STREAM_IDS, 2)) & 0xffffffffL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v12", "v13", "v14", "minervasys"})
    void offsetsOfTheSystemPartsAndTheCellConsole(String layout) throws Exception {
        byte[] system = ConfigFixtures.get(layout, "arm64-system").bytes();
        ElementOffsets sys = new ElementOffsets(ConfigReader.read(system));
        assertEquals(0x7fc00000L, u64(system, sys.hypervisorMemory()));
        assertEquals(0x09000000L, u64(system, sys.debugConsole()));
        assertEquals(0x08e00000L, u64(system, sys.platformInfo()));
        byte[] cell = ConfigFixtures.get(layout, "arm64-cell").bytes();
        assertEquals(0xfe660000L, u64(cell, new ElementOffsets(ConfigReader.read(cell)).cellConsole()));
    }

    private static long u64(byte[] b, long offset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (offset + i < b.length ? b[(int) offset + i] & 0xff : 0);
        }
        return v;
    }
}
