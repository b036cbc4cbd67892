package dev.jhsim.config.c;

/**
 * An object declared at file scope. Its type may still change once: an array
 * of unknown size is completed by its initialiser.
 */
final class CObject {
    private final Token name;
    private final boolean isConst;
    private CType type;
    private boolean defined;
    private boolean tentative;

    CObject(Token name, CType type, boolean isConst) {
        this.name = name;
        this.type = type;
        this.isConst = isConst;
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

    /** Declared without initialiser and without extern: a definition with zeros unless defined later (C11 6.9.2). */
    boolean isTentative() {
        return tentative && !defined;
    }

    void markTentative() {
        tentative = true;
    }

    /** A const object goes to .rodata, zeros or not; others with only zeros go to .bss. */
    boolean isConst() {
        return isConst;
    }
}
