package dev.jhsim.machine.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterMapTest {
    private long control;
    private final long[] priorities = new long[4];
    private long wide;
    private final List<String> unmapped = new ArrayList<>();

    private RegisterMap map() {
        return new RegisterMap(0x100)
                .reg32(0x0, () -> control, v -> control = v & 0xff)
                .reg32(0x4, () -> 0x1234_5678L)
                .array32Bytes(0x20, 4, i -> priorities[i], (i, v) -> priorities[i] = v)
                .reg64(0x40, () -> wide, v -> wide = v)
                .onUnmapped((offset, size, write, value) -> unmapped.add(String.format("%s 0x%x/%d",
                        write ? "write" : "read", offset, size)));
    }

    @Test
    void fullWidthAccess() {
        RegisterMap m = map();
        m.write(0x0, 4, 0x1ff);
        assertEquals(0xff, m.read(0x0, 4));
        m.write(0x4, 4, 0);
        assertEquals(0x1234_5678L, m.read(0x4, 4));
    }

    @Test
    void narrowReadsExtractTheirBytes() {
        RegisterMap m = map();
        assertEquals(0x78, m.read(0x4, 1));
        assertEquals(0x34, m.read(0x6, 1));
        assertEquals(0x1234, m.read(0x6, 2));
    }

    @Test
    void byteWritableArraysMergeBytes() {
        RegisterMap m = map();
        m.write(0x24, 4, 0xa0a0_a0a0L);
        m.write(0x25, 1, 0x10);
        assertEquals(0xa0a0_10a0L, priorities[1]);
        assertEquals(0x10, m.read(0x25, 1));
    }

    @Test
    void narrowWritesToWordOnlyRegistersAreIgnoredAndReported() {
        RegisterMap m = map();
        m.write(0x0, 1, 0x55);
        assertEquals(0, control);
        assertEquals(List.of("write 0x0/1"), unmapped);
    }

    @Test
    void sixtyFourBitRegistersAndTheirHalves() {
        RegisterMap m = map();
        m.write(0x40, 8, 0x1122_3344_5566_7788L);
        assertEquals(0x1122_3344L, m.read(0x44, 4));
        m.write(0x40, 4, 0xdead_beefL);
        assertEquals(0x1122_3344_dead_beefL, wide);
    }

    @Test
    void holesReadZeroIgnoreWritesAndAreReported() {
        RegisterMap m = map();
        assertEquals(0, m.read(0x80, 4));
        m.write(0x84, 4, 1);
        assertEquals(List.of("read 0x80/4", "write 0x84/4"), unmapped);
    }

    @Test
    void byteWideRegistersShareAWordAndKeepTheirReadSideEffectsApart() {
        int[] pops = new int[1];
        long[] scratch = new long[1];
        RegisterMap m = new RegisterMap(0x8)
                .reg(0x0, 1, RegisterMap.NarrowWrites.IGNORED, () -> 0x40 + pops[0]++, v -> { })
                .reg(0x1, 1, RegisterMap.NarrowWrites.IGNORED, () -> scratch[0], v -> scratch[0] = v)
                .reg(0x2, 2, RegisterMap.NarrowWrites.IN_PLACE, () -> 0xbeef, v -> { })
                .onUnmapped((offset, size, write, value) -> unmapped.add(String.format("%s 0x%x/%d",
                        write ? "write" : "read", offset, size)));
        m.write(0x1, 1, 0x5a);
        assertEquals(0x5a, m.read(0x1, 1));
        assertEquals(0, pops[0], "reading the neighbour must not touch the byte at 0");
        assertEquals(0x40, m.read(0x0, 1));
        assertEquals(0x41, m.read(0x0, 1));
        assertEquals(0xef, m.read(0x2, 1));
        assertEquals(0xbe, m.read(0x3, 1));
        assertEquals(0, m.read(0x0, 4), "a word access straddles the byte registers");
        assertEquals(List.of("read 0x0/4"), unmapped);
        assertEquals(2, pops[0]);
    }

    @Test
    void inPlaceNarrowWritesPassTheFieldWithTheOtherBytesZero() {
        List<Long> written = new ArrayList<>();
        RegisterMap m = new RegisterMap(0x10, RegisterMap.NarrowWrites.IN_PLACE)
                .reg32(0x0, () -> 0xffff_ffffL, written::add)
                .array32(0x8, 2, i -> 0, (i, v) -> written.add(v));
        m.write(0x0, 1, 0x41);
        m.write(0x0, 2, 0x0301);
        m.write(0x1, 1, 0x02);
        m.write(0xc, 2, 0x7);
        assertEquals(List.of(0x41L, 0x0301L, 0x0200L, 0x7L), written, "no read-modify-write of the other bytes");
    }

    @Test
    void narrowWidthsMustBeAlignedAndDistinct() {
        assertThrows(IllegalArgumentException.class, () -> new RegisterMap(0x8)
                .reg(0x1, 2, RegisterMap.NarrowWrites.IN_PLACE, () -> 0, v -> { }));
        assertThrows(IllegalArgumentException.class, () -> new RegisterMap(0x8)
                .reg(0x0, 1, RegisterMap.NarrowWrites.IN_PLACE, () -> 0, v -> { })
                .reg32(0x0, () -> 0, v -> { }));
        assertThrows(IllegalArgumentException.class, () -> new RegisterMap(0x8)
                .reg32(0x4, () -> 0, v -> { })
                .reg(0x6, 2, RegisterMap.NarrowWrites.IN_PLACE, () -> 0, v -> { }));
        assertThrows(IllegalArgumentException.class, () -> new RegisterMap(0x8)
                .reg(0x0, 3, RegisterMap.NarrowWrites.IN_PLACE, () -> 0, v -> { }));
    }

    @Test
    void overlappingRegistersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RegisterMap(0x10).reg32(0, () -> 0).reg64(0, () -> 0,
                v -> { }));
    }
}
