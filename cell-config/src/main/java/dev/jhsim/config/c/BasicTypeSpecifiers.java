package dev.jhsim.config.c;

import java.util.List;

/** Counts the basic type keywords of a declaration and names the type they make together. */
final class BasicTypeSpecifiers {
    private static final List<String> WORDS = List.of("void", "_Bool", "char", "short", "int", "long", "signed",
            "unsigned");
    private final int[] counts = new int[WORDS.size()];
    private Token firstWord;

    boolean accepts(String word) {
        return WORDS.contains(word) || word.equals("__signed__") || word.equals("__signed")
                || word.equals("float") || word.equals("double") || word.equals("_Complex");
    }

    void add(String word, Token at) throws CompileException {
        if (word.equals("float") || word.equals("double") || word.equals("_Complex")) {
            throw CompileException.at(at.position(), "type '" + word + "' is not supported: configurations"
                    + " hold integers only");
        }
        int i = WORDS.indexOf(word.startsWith("__signed") ? "signed" : word);
        if (counts[i] > 0 && !(word.equals("long") && counts[i] == 1)) {
            throw CompileException.at(at.position(), word.equals("long") ? "'long long long' is too long"
                    : "duplicate '" + word + "'");
        }
        counts[i]++;
        if (firstWord == null) {
            firstWord = at;
        }
    }

    boolean isEmpty() {
        return firstWord == null;
    }

    CType other(CType previous, CType type, Token at) throws CompileException {
        if (previous != null || !isEmpty()) {
            throw CompileException.at(at.position(), "two or more data types in declaration specifiers");
        }
        return type;
    }

    private int count(String word) {
        return counts[WORDS.indexOf(word)];
    }

    /** The type named, or null if no type keyword was given. */
    CType type() throws CompileException {
        if (isEmpty()) {
            return null;
        }
        boolean signed = count("signed") > 0;
        boolean unsigned = count("unsigned") > 0;
        if (signed && unsigned) {
            throw CompileException.at(firstWord.position(), "both 'signed' and 'unsigned' in declaration specifiers");
        }
        int kinds = (count("void") > 0 ? 1 : 0) + (count("_Bool") > 0 ? 1 : 0) + (count("char") > 0 ? 1 : 0);
        boolean sized = count("short") > 0 || count("long") > 0;
        if (kinds > 1 || kinds == 1 && (sized || count("int") > 0)
                || count("void") + count("_Bool") > 0 && (signed || unsigned)
                || count("short") > 0 && count("long") > 0) {
            throw CompileException.at(firstWord.position(), "two or more data types in declaration specifiers");
        }
        if (count("void") > 0) {
            return OpaqueType.VOID;
        }
        if (count("_Bool") > 0) {
            return IntType.BOOL;
        }
        if (count("char") > 0) {
            return signed ? IntType.SIGNED_CHAR : unsigned ? IntType.UNSIGNED_CHAR : IntType.CHAR;
        }
        IntType type = count("short") > 0 ? IntType.SHORT
                : count("long") == 2 ? IntType.LONG_LONG
                : count("long") == 1 ? IntType.LONG : IntType.INT;
        return unsigned ? type.toUnsigned() : type;
    }
}
