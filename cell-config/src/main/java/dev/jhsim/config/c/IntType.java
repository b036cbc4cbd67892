package dev.jhsim.config.c;

/** The integer types, with their LP64 sizes and conversion ranks (C11 6.3.1.1). */
enum IntType implements CType {
    BOOL("_Bool", 1, false, 0),
    CHAR("char", 1, true, 1),
    SIGNED_CHAR("signed char", 1, true, 1),
    UNSIGNED_CHAR("unsigned char", 1, false, 1),
    SHORT("short int", 2, true, 2),
    UNSIGNED_SHORT("short unsigned int", 2, false, 2),
    INT("int", 4, true, 3),
    UNSIGNED_INT("unsigned int", 4, false, 3),
    LONG("long int", 8, true, 4),
    UNSIGNED_LONG("long unsigned int", 8, false, 4),
    LONG_LONG("long long int", 8, true, 5),
    UNSIGNED_LONG_LONG("long long unsigned int", 8, false, 5);

    private final String displayName;
    private final int size;
    private final boolean signed;
    private final int rank;

    IntType(String displayName, int size, boolean signed, int rank) {
        this.displayName = displayName;
        this.size = size;
        this.signed = signed;
        this.rank = rank;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int alignment() {
        return size;
    }

    @Override
    public boolean isComplete() {
        return true;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    int bits() {
        return size * 8;
    }

    boolean isSigned() {
        return signed;
    }

    int rank() {
        return rank;
    }

    boolean isCharacter() {
        return this == CHAR || this == SIGNED_CHAR || this == UNSIGNED_CHAR;
    }

    /** The unsigned type of the same rank. */
    IntType toUnsigned() {
        return switch (this) {
            case CHAR, SIGNED_CHAR -> UNSIGNED_CHAR;
            case SHORT -> UNSIGNED_SHORT;
            case INT -> UNSIGNED_INT;
            case LONG -> UNSIGNED_LONG;
            case LONG_LONG -> UNSIGNED_LONG_LONG;
            default -> this;
        };
    }
}
