package dev.jhsim.machine.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EcamSpaceTest {
    @Test
    void offsetsSelectBusDeviceFunctionAndRegister() {
        EcamSpace ecam = new EcamSpace(0, 255);
        ConfigSpace f = ConfigSpaceTest.device();
        ecam.attach(new PciAddress(2, 3, 4), f);
        long base = 2L << 20 | 3L << 15 | 4L << 12;
        assertEquals(base, new PciAddress(2, 3, 4).ecamOffset(0));
        assertEquals(0x4106_110aL, ecam.read(base, 4));
        assertEquals(0xff, ecam.read(base + 0x0b, 1), "class code byte");
        ecam.write(base + ConfigSpace.INTERRUPT_LINE, 1, 0x33);
        assertEquals(0x33, f.readConfig(ConfigSpace.INTERRUPT_LINE, 1));
        assertEquals(0xffff_ffffL, ecam.read(base + (1 << 12), 4), "function 5 of the same device is empty");
        assertEquals(new PciAddress(2, 3, 4), PciAddress.ofEcamOffset(base + 0x3c, 0));
        assertEquals("02:03.4", new PciAddress(2, 3, 4).toString());
    }

    @Test
    void emptySlotsReadAllOnesAtEveryWidthAndIgnoreWrites() {
        EcamSpace ecam = new EcamSpace(0, 0);
        assertEquals(0xffL, ecam.read(0x8000, 1));
        assertEquals(0xffffL, ecam.read(0x8000, 2));
        assertEquals(0xffff_ffffL, ecam.read(0x8000, 4));
        assertEquals(-1L, ecam.read(0x8000, 8));
        ecam.write(0x8004, 4, 0x6);
        assertEquals(0xffff_ffffL, ecam.read(0x1_0000_0L, 4), "beyond the bus range");
    }

    @Test
    void busNumbersAreRelativeToTheFirstBus() {
        EcamSpace ecam = new EcamSpace(0x10, 0x1f);
        ConfigSpace f = ConfigSpaceTest.device();
        ecam.attach(new PciAddress(0x11, 0, 0), f);
        assertEquals(0x110aL, ecam.read(1L << 20, 2));
        assertEquals(16L << 20, ecam.size());
        assertThrows(IllegalArgumentException.class, () -> ecam.attach(new PciAddress(0x20, 0, 0), f));
    }

    @Test
    void attachDetachAndDoubleAttach() {
        EcamSpace ecam = new EcamSpace(0, 255);
        ConfigSpace f = ConfigSpaceTest.device();
        PciAddress at = new PciAddress(0, 1, 0);
        ecam.attach(at, f);
        assertThrows(IllegalArgumentException.class, () -> ecam.attach(at, ConfigSpaceTest.device()));
        assertSame(f, ecam.detach(at));
        assertNull(ecam.detach(at));
        assertEquals(0xffff_ffffL, ecam.read(at.ecamOffset(0), 4));
    }

    @Test
    void aSixtyFourBitReadIsTwoDwords() {
        EcamSpace ecam = new EcamSpace(0, 0);
        ecam.attach(new PciAddress(0, 0, 0), ConfigSpaceTest.device());
        ecam.write(ConfigSpace.COMMAND, 2, ConfigSpace.COMMAND_MEMORY);
        assertEquals(0x0000_0002_4106_110aL, ecam.read(0, 8), "IDs, then Command and Status");
    }
}
