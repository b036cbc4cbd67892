package dev.jhsim.config.c;

import java.math.BigInteger;

/**
 * C's integer arithmetic on constants: promotions, the usual arithmetic
 * conversions and the operators, wrapping like gcc. What gcc warns about by
 * default (signed overflow, shift counts out of range, bits shifted out of a
 * signed value, division by zero) is an error here.
 */
final class IntArithmetic {
    private IntArithmetic() {
    }

    /** Integer promotion (C11 6.3.1.1p2): every type narrower than int becomes int. */
    static IntType promote(IntType t) {
        return t.rank() < IntType.INT.rank() ? IntType.INT : t;
    }

    /** The usual arithmetic conversions (C11 6.3.1.8) of two promoted types. */
    static IntType common(IntType a, IntType b) {
        a = promote(a);
        b = promote(b);
        if (a == b) {
            return a;
        }
        if (a.isSigned() == b.isSigned()) {
            return a.rank() >= b.rank() ? a : b;
        }
        IntType unsigned = a.isSigned() ? b : a;
        IntType signed = a.isSigned() ? a : b;
        if (unsigned.rank() >= signed.rank()) {
            return unsigned;
        }
        return signed.size() > unsigned.size() ? signed : signed.toUnsigned();
    }

    static IntValue convert(IntValue v, IntType to) {
        return IntValue.of(to, v.bits());
    }

    /**
     * Whether converting {@code v} to an object of {@code bits} bits keeps it
     * within what gcc accepts silently: any value representable in either the
     * signed or the unsigned type of that width.
     */
    static boolean fits(IntValue v, int bits) {
        BigInteger x = v.exact();
        return x.compareTo(BigInteger.ONE.shiftLeft(bits - 1).negate()) >= 0
                && x.compareTo(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)) <= 0;
    }

    static IntValue unary(String op, IntValue v, Position at) throws CompileException {
        IntType t = promote(v.type());
        IntValue x = convert(v, t);
        return switch (op) {
            case "+" -> x;
            case "-" -> t.isSigned() ? checked(t, x.exact().negate(), at) : IntValue.of(t, -x.bits());
            case "~" -> IntValue.of(t, ~x.bits());
            case "!" -> IntValue.of(IntType.INT, v.isZero() ? 1 : 0);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static IntValue binary(String op, IntValue a, IntValue b, Position at) throws CompileException {
        if (op.equals("<<") || op.equals(">>")) {
            return shift(op, a, b, at);
        }
        IntType t = common(a.type(), b.type());
        IntValue x = convert(a, t);
        IntValue y = convert(b, t);
        return switch (op) {
            case "*" -> checked(t, x.exact().multiply(y.exact()), at);
            case "+" -> checked(t, x.exact().add(y.exact()), at);
            case "-" -> checked(t, x.exact().subtract(y.exact()), at);
            case "/", "%" -> divide(op, t, x, y, at);
            case "&" -> IntValue.of(t, x.bits() & y.bits());
            case "^" -> IntValue.of(t, x.bits() ^ y.bits());
            case "|" -> IntValue.of(t, x.bits() | y.bits());
            case "<", ">", "<=", ">=", "==", "!=" -> IntValue.of(IntType.INT, compare(op, x.exact().compareTo(y.exact())));
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static long compare(String op, int c) {
        boolean result = switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
        return result ? 1 : 0;
    }

    /** The exact result in type t: wrapped if t is unsigned, an error if a signed t cannot hold it. */
    private static IntValue checked(IntType t, BigInteger exact, Position at) throws CompileException {
        IntValue wrapped = IntValue.of(t, exact.longValue());
        if (t.isSigned() && !wrapped.exact().equals(exact)) {
            throw CompileException.at(at, "integer overflow in expression of type '" + t.displayName()
                    + "' results in '" + wrapped + "'");
        }
        return wrapped;
    }

    private static IntValue divide(String op, IntType t, IntValue x, IntValue y, Position at)
            throws CompileException {
        if (y.isZero()) {
            throw CompileException.at(at, "division by zero");
        }
        if (!t.isSigned()) {
            return IntValue.of(t, op.equals("/") ? Long.divideUnsigned(x.bits(), y.bits())
                    : Long.remainderUnsigned(x.bits(), y.bits()));
        }
        BigInteger[] qr = x.exact().divideAndRemainder(y.exact());
        return checked(t, op.equals("/") ? qr[0] : qr[1], at);
    }

    private static IntValue shift(String op, IntValue a, IntValue b, Position at) throws CompileException {
        IntType t = promote(a.type());
        IntValue x = convert(a, t);
        String direction = op.equals("<<") ? "left" : "right";
        BigInteger count = b.exact();
        if (count.signum() < 0) {
            throw CompileException.at(at, direction + " shift count is negative");
        }
        if (count.compareTo(BigInteger.valueOf(t.bits())) >= 0) {
            throw CompileException.at(at, direction + " shift count >= width of type");
        }
        int n = count.intValue();
        if (op.equals(">>")) {
            return IntValue.of(t, t.isSigned() ? x.bits() >> n : x.bits() >>> n);
        }
        BigInteger exact = x.exact().shiftLeft(n);
        if (t.isSigned() && exact.bitLength() > t.bits()) {
            // gcc accepts shifting into the sign bit, not beyond it (-Wshift-overflow=1).
            throw CompileException.at(at, "result of '" + x + " << " + n + "' requires " + (exact.bitLength() + 1)
                    + " bits to represent, but '" + t.displayName() + "' only has " + t.bits() + " bits");
        }
        return IntValue.of(t, x.bits() << n);
    }
}
