package dev.jhsim.config.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names for the numeric values of one configuration field: either a set of
 * flag bits combined with {@code |}, or a list of enumerated values. Renders a
 * number symbolically (unknown bits or values stay as hex) and parses the
 * symbolic form back, accepting numbers anywhere a name is allowed.
 */
public final class Symbols {
    private final boolean flags;
    private final Map<String, Long> byName = new LinkedHashMap<>();
    private final Map<String, Long> byUpperName = new LinkedHashMap<>();

    private Symbols(boolean flags) {
        this.flags = flags;
    }

    /** A table of flag bits, rendered as {@code A|B|0x100}. */
    public static Symbols flags() {
        return new Symbols(true);
    }

    /** A table of enumerated values, rendered as one name. */
    public static Symbols values() {
        return new Symbols(false);
    }

    public Symbols with(String name, long value) {
        byName.put(name, value);
        byUpperName.put(name.toUpperCase(Locale.ROOT), value);
        return this;
    }

    public Map<String, Long> names() {
        return Map.copyOf(byName);
    }

    /** The symbolic form of {@code value}. */
    public String render(long value) {
        if (!flags) {
            for (Map.Entry<String, Long> e : byName.entrySet()) {
                if (e.getValue() == value) {
                    return e.getKey();
                }
            }
            return hex(value);
        }
        if (value == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        long rest = value;
        for (Map.Entry<String, Long> e : byName.entrySet()) {
            long bits = e.getValue();
            if (bits != 0 && (rest & bits) == bits) {
                parts.add(e.getKey());
                rest &= ~bits;
            }
        }
        if (rest != 0) {
            parts.add(hex(rest));
        }
        return String.join("|", parts);
    }

    /**
     * Parses the symbolic form: names (case-insensitive) and numbers, combined
     * with {@code |} for flags.
     *
     * @throws IllegalArgumentException naming the unknown token and the known names
     */
    public long parse(String text) {
        String[] tokens = text.split("\\|", -1);
        if (!flags && tokens.length > 1) {
            throw new IllegalArgumentException("'" + text + "' combines values with '|', expected one of "
                    + String.join(", ", byName.keySet()) + " or a number");
        }
        long value = 0;
        for (String raw : tokens) {
            String token = raw.trim();
            Long named = byUpperName.get(token.toUpperCase(Locale.ROOT));
            if (named != null) {
                value |= named;
                continue;
            }
            try {
                value |= parseNumber(token);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown " + (flags ? "flag" : "value") + " '" + token
                        + "', expected " + String.join(", ", byName.keySet()) + " or a number");
            }
        }
        return value;
    }

    /** Parses a decimal or {@code 0x} hexadecimal unsigned 64-bit number. */
    public static long parseNumber(String token) {
        String t = token.trim().replace("_", "");
        if (t.isEmpty() || t.startsWith("-") || t.startsWith("+")) {
            throw new NumberFormatException(token);
        }
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        return Long.parseUnsignedLong(t);
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
