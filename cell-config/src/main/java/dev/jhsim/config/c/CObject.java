package dev.jhsim.config.c;

/**
 * An object declared at file scope. Its type may still change once: an array
 * of unknown size is completed by its initialiser.
 */
final class CObject {
    private final Token name;
    private CType type;
    private boolean defined;

    CObject(Token name, CType type) {
        this.name = name;
        this.type = type;
    }

    String name() {
        return name.text();
    }

    Token nameToken() {
        return name;
    }

    CType type() {
        return type;
    }

    void completeType(CType complete) {
        this.type = complete;
    }

    /** Whether an initialiser has been given (a definition, not a declaration). */
    boolean isDefined() {
        return defined;
    }

    void markDefined() {
        defined = true;
    }
}
