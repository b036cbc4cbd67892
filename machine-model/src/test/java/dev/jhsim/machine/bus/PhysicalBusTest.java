package dev.jhsim.machine.bus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhysicalBusTest {
    @Test
    void ramIsSparseAcrossTheWhole48BitSpace() {
        PhysicalBus bus = new PhysicalBus();
        RamBank big = bus.addRam(0x100000000000L, 1L << 40);
        byte[] data = {1, 2, 3, 4};
        assertTrue(bus.writeBytes(0x100000000ffeL, data, 0, 4));
        assertTrue(bus.writeBytes(0x10fffffff000L, data, 0, 4));
        assertEquals(3, big.touchedPages(), "two pages for the first write (it crosses a page), one for the second");
        byte[] back = new byte[4];
        assertTrue(bus.readBytes(0x100000000ffeL, back, 0, 4));
        assertArrayEquals(data, back);
    }

    @Test
    void nothingMappedIsABusErrorNotAnException() {
        PhysicalBus bus = new PhysicalBus();
        bus.addRam(0x1000, 0x1000);
        assertNull(bus.find(0x2000));
        assertFalse(bus.readBytes(0x1ffe, new byte[4], 0, 4));
        assertFalse(bus.writeBytes(0x0, new byte[1], 0, 1));
    }

    @Test
    void rejectsOverlapsAndAddressesBeyond48Bits() {
        PhysicalBus bus = new PhysicalBus();
        bus.addRam(0x10000, 0x10000);
        assertThrows(IllegalArgumentException.class, () -> bus.addRam(0x18000, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> bus.addRam(PhysicalBus.ADDRESS_LIMIT, 0x1000));
    }

    @Test
    void devicesAnswerTheirRangeAndCanBeUnmapped() {
        PhysicalBus bus = new PhysicalBus();
        MmioDevice dev = new MmioDevice() {
            @Override
            public long read(long offset, int size) {
                return offset;
            }

            @Override
            public void write(long offset, int size, long value) {
            }
        };
        bus.addDevice(0x9000000, 0x1000, dev);
        assertSame(dev, bus.find(0x9000ff8).device());
        assertNull(bus.find(0x9001000));
        int[] changes = {0};
        bus.addMapListener(() -> changes[0]++);
        assertTrue(bus.remove(0x9000000));
        assertNull(bus.find(0x9000000));
        assertEquals(1, changes[0]);
    }

    @Test
    void longMapSurvivesRemovalInsideProbeChains() {
        LongMap<String> m = new LongMap<>();
        for (long k = 0; k < 1000; k++) {
            m.put(k * 4096, "v" + k);
        }
        for (long k = 0; k < 1000; k += 3) {
            m.remove(k * 4096);
        }
        for (long k = 0; k < 1000; k++) {
            assertEquals(k % 3 == 0 ? null : "v" + k, m.get(k * 4096));
        }
    }
}
