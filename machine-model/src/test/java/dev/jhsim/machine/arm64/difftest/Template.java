package dev.jhsim.machine.arm64.difftest;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Builds random instruction words from a bit pattern written like the decode
 * table's ({@code 0}/{@code 1} fixed, letters are fields): each field gets a
 * value from its chooser, or uniformly random bits when it has none.
 */
final class Template {
    private final String bits;
    private final Map<Character, ToIntFunction<Random>> choosers = new HashMap<>();

    Template(String pattern) {
        this.bits = pattern.replace(" ", "");
        if (bits.length() != 32) {
            throw new IllegalArgumentException(pattern + ": " + bits.length() + " bits");
        }
    }

    Template with(char field, ToIntFunction<Random> chooser) {
        choosers.put(field, chooser);
        return this;
    }

    /** Field {@code field} takes one of {@code values}. */
    Template oneOf(char field, int... values) {
        return with(field, r -> values[r.nextInt(values.length)]);
    }

    /** Field {@code field} is fixed to {@code value}. */
    Template fixed(char field, int value) {
        return with(field, r -> value);
    }

    int next(Random r) {
        Map<Character, Integer> values = new HashMap<>();
        Map<Character, Integer> widths = new HashMap<>();
        for (char ch : bits.toCharArray()) {
            if (Character.isLetter(ch)) {
                widths.merge(ch, 1, Integer::sum);
            }
        }
        widths.forEach((ch, w) -> {
            ToIntFunction<Random> chooser = choosers.get(ch);
            int v = chooser != null ? chooser.applyAsInt(r) : r.nextInt() & (int) ((1L << w) - 1);
            values.put(ch, v);
        });
        Map<Character, Integer> remaining = new HashMap<>(widths);
        int word = 0;
        for (int i = 0; i < 32; i++) {
            char ch = bits.charAt(i);
            int bit;
            if (ch == '0' || ch == '1') {
                bit = ch - '0';
            } else {
                int left = remaining.merge(ch, -1, Integer::sum);
                bit = (values.get(ch) >>> left) & 1;
            }
            word |= bit << (31 - i);
        }
        return word;
    }
}
