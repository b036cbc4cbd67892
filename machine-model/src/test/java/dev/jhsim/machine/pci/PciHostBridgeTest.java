package dev.jhsim.machine.pci;

import static dev.jhsim.machine.pci.ConfigSpace.BAR0;
import static dev.jhsim.machine.pci.ConfigSpace.COMMAND;
import static dev.jhsim.machine.pci.ConfigSpace.COMMAND_MEMORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.board.BoardDescription;
import dev.jhsim.machine.board.BoardDescription.Region;
import dev.jhsim.machine.bus.PhysicalBus;
import dev.jhsim.machine.irq.RecordingInterruptController;
import java.util.List;
import org.junit.jupiter.api.Test;

class PciHostBridgeTest {
    private static final long ECAM = 0x40_1000_0000L;
    private static final long MMIO32 = 0x1000_0000L;

    private final PhysicalBus bus = new PhysicalBus();
    private final RecordingInterruptController gic = new RecordingInterruptController();
    private final PciHostBridge host = new PciHostBridge(new BoardDescription.PciHost("pcie",
            new Region("ecam", ECAM, 0x1000_0000L), 0, 255,
            List.of(new Region("mmio32", MMIO32, 0x2eff_0000L), new Region("mmio64", 0x80_0000_0000L,
                    0x80_0000_0000L)),
            new Region("pio", 0x3eff_0000L, 0x10000), List.of(35, 36, 37, 38)), bus, gic);

    {
        bus.addDevice(ECAM, 0x1000_0000L, host);
    }

    /** A configuration access through the physical bus, as a CPU makes it. */
    private long config(PciAddress at, int reg, int size) {
        PhysicalBus.Region r = bus.find(ECAM + at.ecamOffset(0) + reg);
        return r.device().read(ECAM + at.ecamOffset(0) + reg - r.base(), size);
    }

    private void config(PciAddress at, int reg, int size, long value) {
        PhysicalBus.Region r = bus.find(ECAM + at.ecamOffset(0) + reg);
        r.device().write(ECAM + at.ecamOffset(0) + reg - r.base(), size, value);
    }

    @Test
    void hostBridgeAtZeroLooksLikeQemusGpex() {
        PciAddress zero = new PciAddress(0, 0, 0);
        assertEquals(0x0008_1b36L, config(zero, 0x00, 4));
        assertEquals(0x0600_0000L, config(zero, 0x08, 4), "class 06 00 00, revision 0");
        assertEquals(0, config(zero, ConfigSpace.HEADER_TYPE, 1));
        assertEquals(0xffff_ffffL, config(new PciAddress(0, 1, 0), 0x00, 4), "nothing else on the bus");
    }

    @Test
    void intxFollowsTheSwizzleOverTheFourHostLines() {
        int[][] expected = new int[4][4];
        for (int slot = 1; slot <= 4; slot++) {
            for (int pin = 1; pin <= 4; pin++) {
                ConfigSpace f = new ConfigSpace(1, 1, 0, 0).interruptPin(pin);
                PciAddress at = new PciAddress(0, slot, pin - 1);
                host.attach(at, f);
                f.setInterrupt(true);
                int asserted = -1;
                for (int intid = 35; intid <= 38; intid++) {
                    if (gic.wire(intid).asserted()) {
                        asserted = intid;
                    }
                }
                expected[slot - 1][pin - 1] = asserted;
                f.setInterrupt(false);
            }
        }
        assertEquals(List.of(36, 37, 38, 35), List.of(expected[0][0], expected[0][1], expected[0][2], expected[0][3]),
                "slot 1: INTA on line 1 (SPI 36)");
        assertEquals(List.of(35, 36, 37, 38), List.of(expected[3][0], expected[3][1], expected[3][2], expected[3][3]),
                "slot 4 wraps to line 0");
        assertEquals(38, expected[1][1], "slot 2 INTB: (2 + 1) mod 4 = 3");
    }

    @Test
    void functionsSharingALineKeepItAssertedUntilBothRelease() {
        ConfigSpace a = new ConfigSpace(1, 1, 0, 0).interruptPin(1);
        ConfigSpace b = new ConfigSpace(1, 2, 0, 0).interruptPin(1);
        host.attach(new PciAddress(0, 1, 0), a);
        host.attach(new PciAddress(0, 5, 0), b);
        a.setInterrupt(true);
        b.setInterrupt(true);
        a.setInterrupt(false);
        assertTrue(gic.wire(36).asserted(), "b still holds INTA of slot 5 = line 1");
        b.setInterrupt(false);
        assertFalse(gic.wire(36).asserted());
        b.setInterrupt(true);
        host.detach(new PciAddress(0, 5, 0));
        assertFalse(gic.wire(36).asserted(), "a detached function releases its line");
    }

    @Test
    void aProgrammedBarWithMemoryEnabledAppearsOnTheBusAndFollowsReprogramming() {
        PciAddress at = new PciAddress(0, 1, 0);
        host.attach(at, ConfigSpaceTest.device());
        config(at, BAR0, 4, 0xffff_ffffL);
        long mask = config(at, BAR0, 4);
        assertEquals(0xffff_f000L, mask, "sizing through ECAM");
        config(at, BAR0, 4, MMIO32 + 0x2000);
        assertNull(bus.find(MMIO32 + 0x2000), "memory space still disabled");
        config(at, COMMAND, 2, COMMAND_MEMORY);
        PhysicalBus.Region r = bus.find(MMIO32 + 0x2010);
        assertEquals(MMIO32 + 0x2000, r.base());
        assertEquals(0x1000, r.size());
        assertSame(ConfigSpaceTest.REGISTERS, r.device());
        config(at, BAR0, 4, MMIO32 + 0x8000);
        assertNull(bus.find(MMIO32 + 0x2000), "moved away");
        assertEquals(MMIO32 + 0x8000, bus.find(MMIO32 + 0x8000).base());
        config(at, COMMAND, 2, 0);
        assertNull(bus.find(MMIO32 + 0x8000), "memory space disabled again");
    }

    @Test
    void sixtyFourBitBarsDecodeInTheHighWindow() {
        PciAddress at = new PciAddress(0, 2, 0);
        host.attach(at, ConfigSpaceTest.device());
        config(at, BAR0 + 8, 4, 0);
        config(at, BAR0 + 12, 4, 0x80);
        config(at, COMMAND, 2, COMMAND_MEMORY);
        assertEquals(0x80_0000_0000L, bus.find(0x80_0000_0000L).base());
        assertEquals(0x100000, bus.find(0x80_0000_0000L).size());
    }

    @Test
    void barsOutsideTheWindowsOrOverOtherDevicesAreNotDecoded() {
        bus.addRam(0x4000_0000L, 0x1000_0000L);
        PciAddress at = new PciAddress(0, 1, 0);
        host.attach(at, ConfigSpaceTest.device());
        config(at, COMMAND, 2, COMMAND_MEMORY);
        config(at, BAR0, 4, 0x4000_0000L);
        assertTrue(bus.find(0x4000_0000L).ram() != null, "RAM is untouched");
        config(at, BAR0, 4, 0x3f00_0000L);
        assertNull(bus.find(0x3f00_0000L), "outside mmio32 (ends at 0x3eff0000)");
        PciAddress other = new PciAddress(0, 2, 0);
        host.attach(other, ConfigSpaceTest.device());
        config(other, COMMAND, 2, COMMAND_MEMORY);
        config(other, BAR0, 4, MMIO32);
        config(at, BAR0, 4, MMIO32);
        assertEquals(1, bus.regions().stream().filter(r -> r.base() == MMIO32).count(), "the first one keeps it");
        host.detach(other);
        assertNull(bus.find(MMIO32), "detaching unmapped it");
        config(at, COMMAND, 2, COMMAND_MEMORY);
        assertEquals(MMIO32, bus.find(MMIO32).base(), "the next write lets the waiting BAR in");
    }
}
