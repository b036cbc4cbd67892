package dev.jhsim.config.c;

import java.util.Set;

/** C11 keywords and the GNU spellings configuration headers use. */
final class Keywords {
    private static final Set<String> KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue",
            "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
            "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
            "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex",
            "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local", "__attribute__", "__attribute",
            "__inline", "__inline__", "__const", "__const__", "__volatile__", "__restrict", "__restrict__",
            "__signed__", "__signed", "__extension__", "__alignof__", "__alignof", "__typeof__", "typeof");

    private Keywords() {
    }

    static boolean isKeyword(String identifier) {
        return KEYWORDS.contains(identifier);
    }
}
