package dev.jhsim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jhsim.config.binary.ConfigReader;
import dev.jhsim.config.json.JsonForm;
import dev.jhsim.fixtures.ConfigFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad input gets one precise line: where (offset or JSON path) and what was expected. */
class ErrorMessageTest {
    private static final byte[] CELL = ConfigFixtures.get("v14", "arm64-cell").bytes();
    private static final byte[] SYSTEM = ConfigFixtures.get("v14", "arm64-system").bytes();

    private static String binaryError(byte[] data) {
        return assertThrows(ConfigFormatException.class, () -> ConfigReader.read(data)).getMessage();
    }

    private static String jsonError(String json) {
        return assertThrows(ConfigFormatException.class, () -> JsonForm.fromJson(json)).getMessage();
    }

    private static byte[] withU32(byte[] data, int offset, long value) {
        byte[] b = data.clone();
        for (int i = 0; i < 4; i++) {
            b[offset + i] = (byte) (value >>> (8 * i));
        }
        return b;
    }

    @Test
    void tooShortForAHeader() {
        assertEquals("offset 0x0 (header): file is 3 bytes, too short for a configuration header (8 bytes)",
                binaryError("JHS".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void wrongSignature() {
        byte[] b = CELL.clone();
        b[0] = 'X';
        assertEquals("offset 0x0 (signature): 'XHCLL\\x02' is not a Jailhouse configuration signature, expected"
                + " JHSYS, JHCLL (revision 14) or JHSYST, JHCELL (revisions 12 and 13)", binaryError(b));
    }

    @Test
    void unknownRevision() {
        byte[] b = CELL.clone();
        b[6] = 15;
        assertEquals("offset 0x6 (revision): unsupported revision 15, expected 14 (or 12 and 13 with the 6-byte"
                + " signature JHCELL)", binaryError(b));
    }

    @Test
    void unknownArchitecture() {
        byte[] b = CELL.clone();
        b[5] = 9;
        assertEquals("offset 0x5 (architecture): unknown architecture 9, expected 0 (x86), 1 (arm) or 2 (arm64)",
                binaryError(b));
    }

    @Test
    void truncatedInsideAnArray() {
        byte[] b = Arrays.copyOf(CELL, CELL.length - 2);
        // The counts no longer fit: reported at the count that overflows the remaining bytes.
        assertEquals("offset 0x4c (cell, num_stream_ids): num_stream_ids is 1, which needs 300 bytes of arrays"
                + " up to here, but only 298 bytes follow the cell header", binaryError(b));
    }

    @Test
    void truncatedHeader() {
        byte[] b = Arrays.copyOf(CELL, 60);
        assertEquals("offset 0x3c (cell, num_irqchips): file ends after 60 bytes, expected 4 more for this field",
                binaryError(b));
    }

    @Test
    void inflatedCount() {
        byte[] b = withU32(CELL, 52, 0xffff_fff0L);
        assertEquals("offset 0x34 (cell, num_memory_regions): num_memory_regions is 4294967280, which needs"
                + " 137438952976 bytes of arrays up to here, but only 300 bytes follow the cell header",
                binaryError(b));
    }

    @Test
    void trailingBytes() {
        byte[] b = Arrays.copyOf(CELL, CELL.length + 3);
        assertEquals("offset 0x1b0: the configuration ends here (revision 14 (upstream)), but the file has 3"
                + " trailing bytes", binaryError(b));
    }

    @Test
    void nameWithoutTerminator() {
        byte[] b = CELL.clone();
        Arrays.fill(b, 8, 40, (byte) 'a');
        assertEquals("offset 0x8 (cell, name): name has no terminating NUL within its 32 bytes", binaryError(b));
    }

    @Test
    void reservedBitsOfTheMsiByte() {
        byte[] b = SYSTEM.clone();
        int pciDevices = SYSTEM.length - 3 * 4 - 3 * 8 - 3 * 56;
        int msiByte = pciDevices + 2 * 56 + 35;
        b[msiByte] |= 0x10;
        assertEquals(String.format("offset 0x%x (root cell, pci device 2, msi_64bits/msi_maskable): unused bits"
                + " 2-7 of the MSI bitfield byte are 0x10, expected 0", msiByte), binaryError(b));
    }

    @Test
    void badJsonSyntax() {
        assertEquals("line 1, column 21: invalid JSON: Unexpected character ('}' (code 125)): was expecting a"
                + " colon to separate field name and value", jsonError("{\"kind\": \"cell\", \"x\"}"));
    }

    @Test
    void jsonUnknownFlagNamesItsPath() {
        String json = "{\"kind\": \"cell\", \"architecture\": \"arm64\", \"name\": \"c\","
                + " \"memory_regions\": [{}, {\"flags\": \"READ|RAED\"}]}";
        assertEquals("$.memory_regions[1].flags: unknown flag 'RAED', expected READ, WRITE, EXECUTE, DMA, IO,"
                + " COMM_REGION, LOADABLE, ROOTSHARED, NO_HUGEPAGES, COLORED, COLORED_NO_COPY, TMP_ROOT_REMAP,"
                + " IO_UNALIGNED, IO_8, IO_16, IO_32, IO_64 or a number", jsonError(json));
    }

    @Test
    void jsonUnknownField() {
        assertEquals("$.nmae: unknown field",
                jsonError("{\"kind\": \"cell\", \"architecture\": \"arm64\", \"nmae\": \"c\"}"));
    }

    @Test
    void jsonValueTooWide() {
        assertEquals("$.console.type: value 0x10000 does not fit 16 bits", jsonError(
                "{\"kind\": \"cell\", \"architecture\": \"arm64\", \"console\": {\"type\": 65536}}"));
    }

    @Test
    void jsonMinervaFieldInUpstreamLayout() {
        assertEquals("$.memory_regions[0].colors: exists only in the MinervaSys layout, not revision 14 (upstream)",
                jsonError("{\"kind\": \"cell\", \"architecture\": \"arm64\", \"memory_regions\": [{\"colors\": 1}]}"));
    }
}
