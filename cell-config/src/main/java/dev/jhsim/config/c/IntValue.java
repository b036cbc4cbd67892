package dev.jhsim.config.c;

import java.math.BigInteger;

/** An integer constant of a type; {@code bits} holds the value sign- or zero-extended to 64 bits. */
record IntValue(IntType type, long bits) {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** The value of {@code raw} converted to {@code type}: truncated, then extended (C11 6.3.1.3, as gcc does). */
    static IntValue of(IntType type, long raw) {
        if (type == IntType.BOOL) {
            return new IntValue(type, raw != 0 ? 1 : 0);
        }
        int shift = 64 - type.bits();
        long bits = type.isSigned() ? raw << shift >> shift : raw << shift >>> shift;
        return new IntValue(type, bits);
    }

    boolean isZero() {
        return bits == 0;
    }

    /** The mathematical value. */
    BigInteger exact() {
        BigInteger v = BigInteger.valueOf(bits);
        return !type.isSigned() && bits < 0 ? v.add(TWO_64) : v;
    }

    @Override
    public String toString() {
        return type.isSigned() ? Long.toString(bits) : Long.toUnsignedString(bits);
    }
}
