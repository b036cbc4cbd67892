package dev.jhsim.config.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressRangeTest {
    private static AddressRange range(long start, long size) {
        return AddressRange.of(start, size).orElseThrow();
    }

    @Test
    void emptyAndWrappingRanges() {
        assertEquals(Optional.empty(), AddressRange.of(0x1000, 0));
        assertTrue(AddressRange.wraps(0xffff_ffff_ffff_f000L, 0x2000));
        assertFalse(AddressRange.wraps(0xffff_ffff_ffff_f000L, 0x1000));
        assertEquals(new AddressRange(0xffff_ffff_ffff_f000L, -1L), range(0xffff_ffff_ffff_f000L, 0x2000));
    }

    @Test
    void overlapIsUnsignedAndInclusive() {
        assertTrue(range(0x1000, 0x1000).overlaps(range(0x1fff, 1)));
        assertFalse(range(0x1000, 0x1000).overlaps(range(0x2000, 1)));
        assertTrue(range(0x8000_0000_0000_0000L, 0x1000).overlaps(range(0x8000_0000_0000_0fffL, 0x10)));
        assertFalse(range(0x1000, 0x1000).overlaps(range(0x8000_0000_0000_0000L, 0x1000)));
    }

    @Test
    void minusLeavesTheUncoveredPieces() {
        AddressRange all = range(0x1000, 0x5000);
        assertEquals(List.of(range(0x2000, 0x1000), range(0x5000, 0x1000)),
                all.minus(List.of(range(0x3000, 0x2000), range(0x0, 0x2000))));
        assertEquals(List.of(), all.minus(List.of(range(0x0, 0x10000))));
        assertEquals(List.of(all), all.minus(List.of(range(0x10000, 0x1000))));
        AddressRange top = range(0xffff_ffff_ffff_e000L, 0x2000);
        assertEquals(List.of(range(0xffff_ffff_ffff_e000L, 0x1000)),
                top.minus(List.of(range(0xffff_ffff_ffff_f000L, 0x1000))));
    }
}
