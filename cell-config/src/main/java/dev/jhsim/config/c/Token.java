package dev.jhsim.config.c;

import java.util.Set;

/**
 * A preprocessing token: its spelling, where it came from, the spacing before
 * it (for stringizing and directives) and the macros that must not expand it
 * again (its hide set, as in Prosser's expansion algorithm).
 */
final class Token {
    private final TokenKind kind;
    private final String text;
    private final Position position;
    private final boolean spaceBefore;
    private final boolean lineStart;
    private final Set<String> hideSet;

    Token(TokenKind kind, String text, Position position, boolean spaceBefore, boolean lineStart,
            Set<String> hideSet) {
        this.kind = kind;
        this.text = text;
        this.position = position;
        this.spaceBefore = spaceBefore;
        this.lineStart = lineStart;
        this.hideSet = hideSet;
    }

    TokenKind kind() {
        return kind;
    }

    String text() {
        return text;
    }

    Position position() {
        return position;
    }

    boolean spaceBefore() {
        return spaceBefore;
    }

    /** First token of a source line: only such a {@code #} starts a directive. */
    boolean lineStart() {
        return lineStart;
    }

    Set<String> hideSet() {
        return hideSet;
    }

    boolean is(String punctuatorOrName) {
        return (kind == TokenKind.PUNCTUATOR || kind == TokenKind.IDENTIFIER) && text.equals(punctuatorOrName);
    }

    boolean isEnd() {
        return kind == TokenKind.END;
    }

    Token withHideSet(Set<String> hidden) {
        return new Token(kind, text, position, spaceBefore, false, hidden);
    }

    Token withSpaceBefore(boolean space) {
        return new Token(kind, text, position, space, false, hideSet);
    }

    /** This token as it appears in a macro expansion invoked at {@code at}. */
    Token expandedAt(Position at) {
        return new Token(kind, text, at, spaceBefore, false, hideSet);
    }

    static Token of(TokenKind kind, String text, Position position) {
        return new Token(kind, text, position, false, false, Set.of());
    }

    @Override
    public String toString() {
        return text;
    }
}
