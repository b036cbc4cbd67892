package dev.jhsim.machine.arm64.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jhsim.machine.arm64.insn.A64Decoder;
import dev.jhsim.machine.arm64.insn.Undefined;
import org.junit.jupiter.api.Test;

class DecodeTableTest {
    @Test
    void extractsNamedFieldsIncludingSplitOnes() {
        int[] seen = new int[4];
        long[] signed = new long[1];
        DecodeTable t = new DecodeTable().add("ADR", "0 ll 10000 hhhhhhhhhhhhhhhhhhh ddddd", f -> {
            seen[0] = f.u('l');
            seen[1] = f.u('h');
            seen[2] = f.u('d');
            signed[0] = f.s('h');
            return null;
        });
        // adr x7, #-4: immlo = 0b00, immhi = all ones.
        int word = 0x10FFFFE7;
        t.decode(word, 0);
        assertEquals(0, seen[0]);
        assertEquals(0x7FFFF, seen[1]);
        assertEquals(7, seen[2]);
        assertEquals(-1, signed[0]);
    }

    @Test
    void firstMatchingRowWinsAndUnmatchedWordsGiveNull() {
        DecodeTable t = new DecodeTable()
                .add("specific", "1111 .... .... .... .... .... .... ....", f -> new Undefined(1, 0))
                .add("general", "1... .... .... .... .... .... .... ....", f -> new Undefined(2, 0));
        assertEquals("specific", t.match(0xF0000000).name());
        assertEquals("general", t.match(0x80000000).name());
        assertNull(t.match(0x00000000));
    }

    @Test
    void patternsMustHave32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new DecodeTable().add("short", "0101", f -> null));
    }

    @Test
    void unallocatedEncodingsDecodeAsUndefined() {
        assertInstanceOf(Undefined.class, A64Decoder.decode(0x00000000, 0));   // UDF #0
        assertInstanceOf(Undefined.class, A64Decoder.decode(0x8B400000 | (3 << 22), 0)); // ADD with ROR
    }
}
