package dev.jhsim.config.c;

import java.util.List;

/**
 * A macro definition. Function-like macros have parameters; a variadic
 * macro's last parameter collects the remaining arguments ({@code __VA_ARGS__},
 * or a named one in GNU's {@code args...} form).
 */
record Macro(String name, boolean functionLike, List<String> parameters, boolean variadic, List<Token> body) {

    int parameterIndex(String identifier) {
        return functionLike ? parameters.indexOf(identifier) : -1;
    }

    /** Whether another definition is the same, so redefining with it is allowed silently (C11 6.10.3p2). */
    boolean sameAs(Macro other) {
        if (functionLike != other.functionLike || variadic != other.variadic
                || !parameters.equals(other.parameters) || body.size() != other.body.size()) {
            return false;
        }
        for (int i = 0; i < body.size(); i++) {
            Token a = body.get(i);
            Token b = other.body.get(i);
            if (!a.text().equals(b.text()) || i > 0 && a.spaceBefore() != b.spaceBefore()) {
                return false;
            }
        }
        return true;
    }
}
