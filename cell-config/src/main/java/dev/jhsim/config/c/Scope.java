package dev.jhsim.config.c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The file scope: ordinary identifiers (typedefs, enumerators, objects) and struct/union/enum tags. */
final class Scope {
    /** What an ordinary identifier names. */
    sealed interface Symbol {
    }

    record TypedefName(CType type) implements Symbol {
    }

    record Enumerator(IntValue value) implements Symbol {
    }

    record ObjectName(CObject object) implements Symbol {
    }

    private final Map<String, Symbol> ordinary = new LinkedHashMap<>();
    private final Map<String, CType> tags = new HashMap<>();

    Symbol lookup(String name) {
        return ordinary.get(name);
    }

    void declare(String name, Symbol symbol) {
        ordinary.put(name, symbol);
    }

    CType tag(String name) {
        return tags.get(name);
    }

    void declareTag(String name, CType type) {
        tags.put(name, type);
    }

    boolean isTypedefName(String name) {
        return ordinary.get(name) instanceof TypedefName;
    }

    /** The objects declared, in order. */
    List<CObject> objects() {
        List<CObject> objects = new ArrayList<>();
        for (Symbol symbol : ordinary.values()) {
            if (symbol instanceof ObjectName o) {
                objects.add(o.object());
            }
        }
        return objects;
    }

    /** Names of enumerators and objects, for spelling suggestions. */
    List<String> valueNames() {
        List<String> names = new ArrayList<>();
        ordinary.forEach((name, symbol) -> {
            if (!(symbol instanceof TypedefName)) {
                names.add(name);
            }
        });
        return names;
    }
}
