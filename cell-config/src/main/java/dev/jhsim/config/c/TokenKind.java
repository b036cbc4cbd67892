package dev.jhsim.config.c;

/** Kinds of preprocessing tokens (C11 6.4), plus the end of input. */
enum TokenKind {
    IDENTIFIER,
    /** A preprocessing number: converted to an integer constant only by the parser. */
    NUMBER,
    CHARACTER,
    STRING,
    PUNCTUATOR,
    /** A character that starts no token; an error only if it reaches the parser. */
    OTHER,
    /** A quote without its closing quote: an error only outside skipped conditional blocks. */
    UNTERMINATED,
    /** Stands in for an empty macro argument next to {@code ##}; never leaves the expander. */
    PLACEMARKER,
    END
}
