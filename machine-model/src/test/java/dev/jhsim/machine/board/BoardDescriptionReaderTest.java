package dev.jhsim.machine.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jhsim.fixtures.Repo;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class BoardDescriptionReaderTest {
    private static BoardDescription qemuArm64() throws Exception {
        return BoardDescriptionReader.parse(Files.readString(Repo.path("boards/qemu-arm64/board.json")));
    }

    @Test
    void qemuArm64MatchesQemusVirtMachine() throws Exception {
        BoardDescription b = qemuArm64();
        assertEquals(16, b.cpus().count());
        assertEquals(0x411fd070L, b.cpus().midr());
        assertEquals(0x8000_0000L, b.cpus().mpidrOf(0));
        assertEquals(0x8000_000fL, b.cpus().mpidrOf(15));
        assertEquals(0x40000000L, b.memory().get(0).base());
        assertEquals(0x40000000L, b.memory().get(0).size());
        assertEquals(3, b.interruptController().version());
        assertEquals(0x08000000L, b.interruptController().distributor().base());
        assertEquals(0x080a0000L, b.interruptController().redistributors().base());
        assertEquals(288, b.interruptController().lines());
        assertEquals(25, b.interruptController().maintenanceIrq());
        assertEquals(62_500_000L, b.timer().frequencyHz());
        assertEquals(27, b.timer().virtualIrq());
        assertEquals("pl011", b.uarts().get(0).type());
        assertEquals(0x09000000L, b.uarts().get(0).base());
        assertEquals(33, b.uarts().get(0).irq());
        assertEquals(0x4010000000L, b.pci().get(0).ecam().base());
        assertEquals(java.util.List.of(35, 36, 37, 38), b.pci().get(0).intx());
        assertEquals(0x0a000000L + 31 * 0x200, b.devices().stream().filter(d -> d.name().equals("virtio-mmio"))
                .findFirst().orElseThrow().instance(31).base());
        assertEquals(0x40080000L, b.loader().address());
    }

    @Test
    void unknownFieldNamesItsPath() {
        BoardFormatException e = assertThrows(BoardFormatException.class, () -> BoardDescriptionReader.parse(
                "{\"name\": \"x\", \"architecture\": \"arm64\", \"cpus\": {\"count\": 1, \"core\": \"a\","
                        + " \"frequency_hz\": 1, \"cores\": 2}}"));
        assertEquals("$.cpus.cores: unknown field, expected one of core, count, frequency_hz, midr, mpidr",
                e.getMessage());
    }

    @Test
    void badNumberNamesItsPath() {
        BoardFormatException e = assertThrows(BoardFormatException.class, () -> BoardDescriptionReader.parse(
                "{\"name\": \"x\", \"architecture\": \"arm64\", \"cpus\": {\"count\": 1, \"core\": \"a\","
                        + " \"frequency_hz\": \"0xzz\"}}"));
        assertEquals("$.cpus.frequency_hz: '0xzz' is not a number (decimal or 0x hex)", e.getMessage());
    }

    @Test
    void validationProblemIsOneLine() {
        BoardFormatException e = assertThrows(BoardFormatException.class, () -> BoardDescriptionReader.parse(
                "{\"name\": \"x\", \"architecture\": \"arm64\", \"cpus\": {\"count\": 0, \"core\": \"a\","
                        + " \"frequency_hz\": 1}}"));
        assertEquals("$.cpus: cpus.count must be 1..256, not 0", e.getMessage());
    }
}
