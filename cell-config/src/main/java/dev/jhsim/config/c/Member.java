package dev.jhsim.config.c;

/**
 * A member of a struct or union, placed: its bit offset from the start of the
 * enclosing object, and its width if it is a bit-field (-1 otherwise). Name is
 * null for anonymous struct/union members and unnamed bit-fields.
 */
record Member(String name, CType type, long bitOffset, int bitWidth, Position at) {
    boolean isBitField() {
        return bitWidth >= 0;
    }

    /** Whether an initialiser list gives this member a value in turn (unnamed bit-fields are skipped). */
    boolean isInitialisable() {
        return name != null || !isBitField();
    }

    /** An anonymous struct or union whose members belong to the enclosing one (C11 6.7.2.1p13). */
    boolean isAnonymous() {
        return name == null && !isBitField();
    }
}
