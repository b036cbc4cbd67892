package dev.jhsim.config.c;

/**
 * A C type as laid out on jhsim's targets (arm64 and x86-64 Linux: LP64,
 * little-endian, {@code long} 8 bytes, plain {@code char} treated as signed).
 */
sealed interface CType permits IntType, ArrayType, PointerType, StructType, EnumType, OpaqueType {
    /** Size in bytes; meaningful only for complete types. */
    long size();

    int alignment();

    boolean isComplete();

    /** The type's name as gcc prints it in diagnostics. */
    String displayName();

    default boolean isScalar() {
        return this instanceof IntType || this instanceof EnumType || this instanceof PointerType;
    }

    /** The integer type arithmetic uses for this type, or null if it is not an integer type. */
    default IntType arithmetic() {
        if (this instanceof IntType t) {
            return t;
        }
        return this instanceof EnumType e && e.isComplete() ? e.underlying() : null;
    }
}
