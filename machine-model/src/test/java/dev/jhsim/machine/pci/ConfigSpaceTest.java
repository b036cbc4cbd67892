package dev.jhsim.machine.pci;

import static dev.jhsim.machine.pci.ConfigSpace.BAR0;
import static dev.jhsim.machine.pci.ConfigSpace.CAPABILITIES_POINTER;
import static dev.jhsim.machine.pci.ConfigSpace.COMMAND;
import static dev.jhsim.machine.pci.ConfigSpace.COMMAND_INTX_DISABLE;
import static dev.jhsim.machine.pci.ConfigSpace.COMMAND_MEMORY;
import static dev.jhsim.machine.pci.ConfigSpace.STATUS;
import static dev.jhsim.machine.pci.ConfigSpace.STATUS_CAPABILITIES;
import static dev.jhsim.machine.pci.ConfigSpace.STATUS_INTERRUPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jhsim.machine.bus.MmioDevice;
import dev.jhsim.machine.irq.RecordingWire;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSpaceTest {
    static final MmioDevice REGISTERS = new MmioDevice() {
        @Override
        public long read(long offset, int size) {
            return 0xa5;
        }

        @Override
        public void write(long offset, int size, long value) {
        }
    };

    /** A function like an ivshmem device: 4 KiB register BAR, 64-bit prefetchable 1 MiB BAR, INTA. */
    static ConfigSpace device() {
        return new ConfigSpace(0x110a, 0x4106, 0xff0001, 1)
                .subsystem(0x110a, 0x4106)
                .interruptPin(1)
                .memoryBar(0, 0x1000, false, false, REGISTERS)
                .memoryBar(2, 0x100000, true, true, REGISTERS);
    }

    @Test
    void identityReadsAtEveryWidth() {
        ConfigSpace f = device();
        assertEquals(0x4106_110a, f.readConfig(0x00, 4));
        assertEquals(0x110a, f.readConfig(0x00, 2));
        assertEquals(0x41, f.readConfig(0x03, 1));
        assertEquals(0xff00_0101, f.readConfig(0x08, 4), "class ff 00 01, revision 1");
        assertEquals(0, f.readConfig(ConfigSpace.HEADER_TYPE, 1), "type 0, single function");
        assertEquals(0x4106_110a, f.readConfig(ConfigSpace.SUBSYSTEM_VENDOR_ID, 4));
        assertEquals(0x0100, f.readConfig(ConfigSpace.INTERRUPT_LINE, 2), "pin INTA, line unset");
        assertEquals(0, f.readConfig(0x800, 4), "extended space reads zero");
    }

    @Test
    void readOnlyFieldsIgnoreWrites() {
        ConfigSpace f = device();
        f.writeConfig(0x00, 4, 0);
        f.writeConfig(0x08, 4, 0);
        f.writeConfig(ConfigSpace.INTERRUPT_PIN, 1, 3);
        assertEquals(0x4106_110a, f.readConfig(0x00, 4));
        assertEquals(0xff00_0101, f.readConfig(0x08, 4));
        assertEquals(1, f.readConfig(ConfigSpace.INTERRUPT_PIN, 1));
        f.writeConfig(ConfigSpace.INTERRUPT_LINE, 1, 0x2a);
        assertEquals(0x2a, f.readConfig(ConfigSpace.INTERRUPT_LINE, 1));
    }

    @Test
    void commandKeepsItsDefinedBitsAndStatusErrorsAreWriteOneToClear() {
        ConfigSpace f = device();
        f.writeConfig(COMMAND, 2, 0xffff);
        assertEquals(0x0547, f.readConfig(COMMAND, 2));
        f.set(STATUS, 2, 0x8000 | 0x2000);
        f.writeConfig(STATUS, 2, 0x8000);
        assertEquals(0x2000, f.readConfig(STATUS, 2) & 0xff00, "bit 15 cleared, bit 13 kept");
        f.writeConfig(COMMAND, 4, 0x2000_0000 | COMMAND_MEMORY);
        assertEquals(0, f.readConfig(STATUS, 2) & 0x2000, "a dword write to Command clears Status bits too");
    }

    @Test
    void barSizingReadsBackTheSizeMaskAndKeepsTheTypeBits() {
        ConfigSpace f = device();
        f.writeConfig(BAR0, 4, 0xffff_ffff);
        assertEquals(0xffff_f000, f.readConfig(BAR0, 4), "4 KiB, 32-bit, not prefetchable");
        f.writeConfig(BAR0 + 8, 4, 0xffff_ffff);
        f.writeConfig(BAR0 + 12, 4, 0xffff_ffff);
        assertEquals(0xfff0_000c, f.readConfig(BAR0 + 8, 4), "1 MiB, 64-bit, prefetchable");
        assertEquals(0xffff_ffff, f.readConfig(BAR0 + 12, 4), "upper half fully writable below 4 GiB");
        f.writeConfig(BAR0 + 4, 4, 0xffff_ffff);
        assertEquals(0, f.readConfig(BAR0 + 4, 4), "no BAR 1");
        f.writeConfig(BAR0 + 8, 4, 0x1234_5678);
        f.writeConfig(BAR0 + 12, 4, 0x80);
        assertEquals(0x80_1230_0000L, f.barAddress(2));
        assertEquals(0x100000, f.barSize(2));
        assertEquals(0, f.barSize(3), "the upper half is not a BAR of its own");
    }

    @Test
    void byteWritesSizeABarToo() {
        ConfigSpace f = device();
        for (int i = 0; i < 4; i++) {
            f.writeConfig(BAR0 + i, 1, 0xff);
        }
        assertEquals(0xffff_f000, f.readConfig(BAR0, 4));
    }

    @Test
    void decodedMemoryNeedsMemorySpaceAndAProgrammedAddress() {
        ConfigSpace f = device();
        f.writeConfig(BAR0, 4, 0x1000_0000);
        assertTrue(f.decodedMemory().isEmpty(), "memory space disabled");
        f.writeConfig(COMMAND, 2, COMMAND_MEMORY);
        List<BarWindow> windows = f.decodedMemory();
        assertEquals(List.of(new BarWindow(0, 0x1000_0000, 0x1000, REGISTERS)), windows,
                "BAR 2 still at address 0 counts as unprogrammed");
    }

    @Test
    void capabilityListWalksFromThePointerToTheEnd() {
        ConfigSpace f = device();
        int vendor = f.addCapability(0x09, 0x18);
        int msix = f.addCapability(0x11, 12);
        f.set(vendor + 2, 1, 0x18);
        assertEquals(STATUS_CAPABILITIES, f.readConfig(STATUS, 2) & STATUS_CAPABILITIES);
        List<String> walk = new ArrayList<>();
        for (int at = f.readConfig(CAPABILITIES_POINTER, 1); at != 0; at = f.readConfig(at + 1, 1)) {
            walk.add(String.format("%02x@%02x", f.readConfig(at, 1), at));
        }
        assertEquals(List.of("09@40", "11@58"), walk);
        assertEquals(0x40, vendor);
        assertEquals(0x58, msix);
        f.makeWritable(msix + 2, 2, 0xc000);
        f.writeConfig(msix + 2, 2, 0xffff);
        assertEquals(0xc000, f.readConfig(msix + 2, 2), "only the bits the device made writable");
        assertThrows(IllegalArgumentException.class, () -> f.addCapability(0x10, 0xb0));
    }

    @Test
    void interruptShowsInStatusAndReachesThePinUnlessDisabled() {
        ConfigSpace f = device();
        RecordingWire pin = new RecordingWire();
        f.connectInterrupt(pin);
        f.setInterrupt(true);
        assertTrue(pin.asserted());
        assertEquals(STATUS_INTERRUPT, f.readConfig(STATUS, 2) & STATUS_INTERRUPT);
        f.writeConfig(COMMAND, 2, COMMAND_INTX_DISABLE);
        assertFalse(pin.asserted(), "INTx disabled");
        assertEquals(STATUS_INTERRUPT, f.readConfig(STATUS, 2) & STATUS_INTERRUPT, "still pending");
        f.writeConfig(COMMAND, 2, 0);
        assertTrue(pin.asserted());
        f.setInterrupt(false);
        assertFalse(pin.asserted());
    }

    @Test
    void badBarsAreRejected() {
        ConfigSpace f = new ConfigSpace(1, 2, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> f.memoryBar(0, 0x1800, false, false, REGISTERS));
        assertThrows(IllegalArgumentException.class, () -> f.memoryBar(5, 0x1000, true, false, REGISTERS));
        f.memoryBar(0, 0x1000, true, false, REGISTERS);
        assertThrows(IllegalArgumentException.class, () -> f.memoryBar(1, 0x1000, false, false, REGISTERS));
    }
}
