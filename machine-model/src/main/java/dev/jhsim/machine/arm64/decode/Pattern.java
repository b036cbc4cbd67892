package dev.jhsim.machine.arm64.decode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the decode table: a 32-character bit pattern, most significant
 * bit first (spaces are ignored). {@code 0} and {@code 1} must match, {@code .}
 * is ignored, and any letter names a field: all bits with the same letter,
 * read in order, form that field's value.
 */
public final class Pattern {
    final String name;
    final int mask;
    final int value;
    final InsnFactory factory;
    private final Map<Character, int[]> fields = new LinkedHashMap<>();

    Pattern(String name, String bits, InsnFactory factory) {
        String b = bits.replace(" ", "");
        if (b.length() != 32) {
            throw new IllegalArgumentException(name + ": pattern has " + b.length() + " bits");
        }
        int m = 0;
        int v = 0;
        Map<Character, StringBuilder> positions = new LinkedHashMap<>();
        for (int i = 0; i < 32; i++) {
            char ch = b.charAt(i);
            int bit = 31 - i;
            if (ch == '0' || ch == '1') {
                m |= 1 << bit;
                v |= (ch - '0') << bit;
            } else if (ch != '.') {
                positions.computeIfAbsent(ch, k -> new StringBuilder()).append((char) bit);
            }
        }
        positions.forEach((k, p) -> fields.put(k, p.chars().toArray()));
        this.name = name;
        this.mask = m;
        this.value = v;
        this.factory = factory;
    }

    boolean matches(int insn) {
        return (insn & mask) == value;
    }

    /** Value of field {@code letter} in {@code insn}, unsigned. */
    int field(int insn, char letter) {
        int[] pos = fields.get(letter);
        if (pos == null) {
            throw new IllegalArgumentException(name + " has no field '" + letter + "'");
        }
        int r = 0;
        for (int p : pos) {
            r = (r << 1) | ((insn >>> p) & 1);
        }
        return r;
    }

    int width(char letter) {
        return fields.get(letter).length;
    }

    public String name() {
        return name;
    }
}
