package dev.jhsim.config.c;

import java.util.List;

/** Reads a preprocessed token list for the parsers, with gcc's wording for what was expected. */
final class TokenCursor {
    private final List<Token> tokens;
    private int index;

    /** @param tokens ending with an end token */
    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = peek();
        if (!t.isEnd()) {
            index++;
        }
        return t;
    }

    /** Consumes the next token if it is this punctuator or identifier. */
    boolean accept(String text) {
        if (peek().is(text)) {
            index++;
            return true;
        }
        return false;
    }

    Token expect(String text) throws CompileException {
        if (!peek().is(text)) {
            throw expected("'" + text + "'");
        }
        return next();
    }

    Token expectIdentifier() throws CompileException {
        if (peek().kind() != TokenKind.IDENTIFIER) {
            throw expected("identifier");
        }
        return next();
    }

    /** {@code expected WHAT before TOKEN} at the next token. */
    CompileException expected(String what) {
        Token t = peek();
        if (t.kind() == TokenKind.UNTERMINATED) {
            return Preprocessor.unterminated(t);
        }
        if (t.kind() == TokenKind.OTHER) {
            return CompileException.at(t.position(), "stray '" + t.text() + "' in program");
        }
        return CompileException.at(t.position(), "expected " + what + " before " + describe(t));
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case END -> "end of input";
            case PUNCTUATOR -> "'" + t.text() + "' token";
            case NUMBER, CHARACTER -> "numeric constant";
            case STRING -> "string constant";
            default -> "'" + t.text() + "'";
        };
    }
}
