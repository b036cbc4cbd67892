package dev.jhsim.config.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jhsim.config.ConfigFormatException;
import dev.jhsim.config.model.Symbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One JSON object being read into the model: typed, range-checked field
 * access with the JSON path in every error, defaults of zero for absent
 * fields (as C initialisers have), and an error for keys nobody asked for.
 */
final class JsonIn {
    private final JsonNode node;
    private final String path;
    private final Set<String> used = new HashSet<>();

    JsonIn(JsonNode node, String path) throws ConfigFormatException {
        if (node == null || !node.isObject()) {
            throw new ConfigFormatException(path, "expected a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    private JsonNode get(String key) {
        used.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    ConfigFormatException error(String key, String problem) {
        return new ConfigFormatException(path + "." + key, problem);
    }

    /** An unsigned number of {@code bits} bits: a JSON integer or a decimal/0x string. */
    long number(String key, int bits) throws ConfigFormatException {
        return number(key, bits, null);
    }

    /** Like {@link #number}, also accepting the symbolic names of {@code symbols}. */
    long number(String key, int bits, Symbols symbols) throws ConfigFormatException {
        JsonNode v = get(key);
        return v == null ? 0 : toNumber(v, bits, symbols, path + "." + key);
    }

    /** Converts a JSON integer, or a decimal/0x/symbolic string, to an unsigned value of {@code bits} bits. */
    static long toNumber(JsonNode v, int bits, Symbols symbols, String where) throws ConfigFormatException {
        long value;
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong() || v.asLong() < 0) {
                throw new ConfigFormatException(where, "number " + v.asText() + " is out of range for " + bits
                        + " bits");
            }
            value = v.asLong();
        } else if (v.isTextual()) {
            try {
                value = symbols != null ? symbols.parse(v.asText()) : Symbols.parseNumber(v.asText());
            } catch (NumberFormatException e) {
                throw new ConfigFormatException(where, "'" + v.asText()
                        + "' is not a number (decimal or 0x hexadecimal)");
            } catch (IllegalArgumentException e) {
                throw new ConfigFormatException(where, e.getMessage());
            }
        } else {
            throw new ConfigFormatException(where, "expected a number or a string, got "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (bits < 64 && (value >>> bits) != 0) {
            throw new ConfigFormatException(where, "value " + Symbols.hex(value) + " does not fit " + bits
                    + " bits");
        }
        return value;
    }

    int u8(String key) throws ConfigFormatException {
        return (int) number(key, 8);
    }

    int u16(String key) throws ConfigFormatException {
        return (int) number(key, 16);
    }

    long u32(String key) throws ConfigFormatException {
        return number(key, 32);
    }

    long u64(String key) throws ConfigFormatException {
        return number(key, 64);
    }

    boolean bool(String key) throws ConfigFormatException {
        JsonNode v = get(key);
        if (v == null) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber() && (v.asInt() == 0 || v.asInt() == 1)) {
            return v.asInt() == 1;
        }
        throw error(key, "expected true, false, 0 or 1");
    }

    String text(String key) throws ConfigFormatException {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(key, "expected a string");
        }
        return v.asText();
    }

    JsonIn object(String key) throws ConfigFormatException {
        JsonNode v = get(key);
        return v == null ? null : new JsonIn(v, path + "." + key);
    }

    /** The elements of an array (absent means empty). */
    List<JsonNode> array(String key) throws ConfigFormatException {
        JsonNode v = get(key);
        List<JsonNode> list = new ArrayList<>();
        if (v == null) {
            return list;
        }
        if (!v.isArray()) {
            throw error(key, "expected an array");
        }
        v.elements().forEachRemaining(list::add);
        return list;
    }

    /** Array elements as objects, each with its indexed path. */
    List<JsonIn> objects(String key) throws ConfigFormatException {
        List<JsonIn> list = new ArrayList<>();
        List<JsonNode> elements = array(key);
        for (int i = 0; i < elements.size(); i++) {
            list.add(new JsonIn(elements.get(i), path + "." + key + "[" + i + "]"));
        }
        return list;
    }

    /** Array elements as unsigned numbers of {@code bits} bits. */
    List<Long> numbers(String key, int bits) throws ConfigFormatException {
        List<Long> list = new ArrayList<>();
        List<JsonNode> elements = array(key);
        for (int i = 0; i < elements.size(); i++) {
            list.add(toNumber(elements.get(i), bits, null, path + "." + key + "[" + i + "]"));
        }
        return list;
    }

    /** Fails on keys that no reader asked for: typos must not be silently ignored. */
    void done() throws ConfigFormatException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!used.contains(name)) {
                throw new ConfigFormatException(path + "." + name, "unknown field");
            }
        }
    }
}
