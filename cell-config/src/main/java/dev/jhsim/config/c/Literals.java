package dev.jhsim.config.c;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Locale;

/** Integer, character and string literals (C11 6.4.4.1, 6.4.4.4, 6.4.5) turned into values. */
final class Literals {
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Literals() {
    }

    /**
     * An integer constant with the type C gives it; in {@code #if} every
     * constant has the widest signed or unsigned type (C11 6.10.1p4).
     */
    static IntValue integer(Token t, boolean preprocessor) throws CompileException {
        String text = t.text();
        String lower = text.toLowerCase(Locale.ROOT);
        int radix = 10;
        int start = 0;
        if (lower.startsWith("0x")) {
            radix = 16;
            start = 2;
        } else if (lower.startsWith("0b")) {
            radix = 2;
            start = 2;
        } else if (lower.startsWith("0")) {
            radix = 8;
        }
        int end = start;
        while (end < text.length() && Character.digit(text.charAt(end), radix == 8 ? 10 : radix) >= 0) {
            end++;
        }
        String suffix = lower.substring(end);
        boolean floating = radix == 10 || radix == 8
                ? suffix.startsWith(".") || suffix.startsWith("e") || suffix.equals("f")
                : radix == 16 && (suffix.startsWith(".") || suffix.contains("p"));
        if (floating) {
            throw CompileException.at(t.position(), "floating constant \"" + text
                    + "\" is not supported: configurations hold integers only");
        }
        if (end == start && radix != 8) {
            throw CompileException.at(t.position(), "invalid suffix \"" + text.substring(start) + "\" on integer constant");
        }
        if (radix == 8) {
            for (int i = 0; i < end; i++) {
                if (text.charAt(i) > '7') {
                    throw CompileException.at(t.position(), "invalid digit \"" + text.charAt(i) + "\" in octal constant");
                }
            }
        }
        String written = text.substring(end);
        if (!suffix.matches("(u|ul|ull|l|lu|ll|llu)?") || written.contains("lL") || written.contains("Ll")) {
            throw CompileException.at(t.position(), "invalid suffix \"" + written + "\" on integer constant");
        }
        boolean unsigned = suffix.contains("u");
        int longs = suffix.length() - (unsigned ? 1 : 0);
        BigInteger value = end == start ? BigInteger.ZERO : new BigInteger(text.substring(start, end), radix);
        if (value.compareTo(MAX_U64) > 0) {
            throw CompileException.at(t.position(), "integer constant is too large for its type");
        }
        IntType type = typeOf(value, radix == 10, unsigned, longs);
        if (preprocessor) {
            type = type.isSigned() ? IntType.LONG : IntType.UNSIGNED_LONG;
        }
        return IntValue.of(type, value.longValue());
    }

    /** The first type of C11 6.4.4.1's list for this constant that can represent it. */
    private static IntType typeOf(BigInteger value, boolean decimal, boolean unsigned, int longs) {
        IntType[] candidates;
        if (unsigned) {
            candidates = new IntType[] {IntType.UNSIGNED_INT, IntType.UNSIGNED_LONG, IntType.UNSIGNED_LONG_LONG};
        } else if (decimal) {
            candidates = new IntType[] {IntType.INT, IntType.LONG, IntType.LONG_LONG};
        } else {
            candidates = new IntType[] {IntType.INT, IntType.UNSIGNED_INT, IntType.LONG, IntType.UNSIGNED_LONG,
                IntType.LONG_LONG, IntType.UNSIGNED_LONG_LONG};
        }
        int rank = IntType.INT.rank() + longs;
        for (IntType t : candidates) {
            if (t.rank() >= rank && value.bitLength() <= (t.isSigned() ? t.bits() - 1 : t.bits())) {
                return t;
            }
        }
        // gcc: "integer constant is so large that it is unsigned".
        return IntType.UNSIGNED_LONG_LONG;
    }

    /** A character constant: an int holding the (signed) char, as on x86-64; several characters as gcc packs them. */
    static IntValue character(Token t, boolean preprocessor) throws CompileException {
        String text = t.text();
        int quote = text.indexOf('\'');
        if (quote != 0) {
            throw CompileException.at(t.position(), "wide character constants are not supported");
        }
        byte[] bytes = decode(text.substring(1, text.length() - 1), t.position());
        if (bytes.length == 0) {
            throw CompileException.at(t.position(), "empty character constant");
        }
        long value = 0;
        for (byte b : bytes) {
            value = bytes.length == 1 ? b : value << 8 | (b & 0xff);
        }
        return IntValue.of(preprocessor ? IntType.LONG : IntType.INT, value);
    }

    /** The bytes of a narrow string literal, without its terminating NUL. */
    static byte[] string(Token t) throws CompileException {
        String text = t.text();
        if (!text.startsWith("\"") && !text.startsWith("u8\"")) {
            throw CompileException.at(t.position(), "wide string literals are not supported");
        }
        int quote = text.indexOf('"');
        return decode(text.substring(quote + 1, text.length() - 1), t.position());
    }

    /** Resolves escape sequences; other characters are the source bytes themselves. */
    private static byte[] decode(String body, Position at) throws CompileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = body.charAt(++i);
            int simple = "abfnrtve\\'\"?".indexOf(e);
            if (simple >= 0) {
                out.write(new int[] {7, 8, 12, 10, 13, 9, 11, 27, '\\', '\'', '"', '?'}[simple]);
            } else if (e >= '0' && e <= '7') {
                int v = 0;
                int n = 0;
                while (n < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                    v = v * 8 + body.charAt(i++) - '0';
                    n++;
                }
                i--;
                out.write(v);
            } else if (e == 'x') {
                BigInteger v = BigInteger.ZERO;
                int n = 0;
                while (i + 1 < body.length() && Character.digit(body.charAt(i + 1), 16) >= 0) {
                    v = v.shiftLeft(4).add(BigInteger.valueOf(Character.digit(body.charAt(++i), 16)));
                    n++;
                }
                if (n == 0) {
                    throw CompileException.at(at, "\\x used with no following hex digits");
                }
                if (v.bitLength() > 8) {
                    throw CompileException.at(at, "hex escape sequence out of range");
                }
                out.write(v.intValue());
            } else {
                throw CompileException.at(at, "unknown escape sequence: '\\" + e + "'");
            }
        }
        return out.toByteArray();
    }
}
