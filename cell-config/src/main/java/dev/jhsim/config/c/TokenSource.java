package dev.jhsim.config.c;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A stream of tokens that macro expansion reads from and pushes its results
 * back onto, so that they are rescanned together with the tokens that follow.
 */
abstract class TokenSource {
    private final Deque<Token> pushedBack = new ArrayDeque<>();

    /** The next token; an end token (repeatedly) when there are no more. */
    final Token next() throws CompileException {
        return pushedBack.isEmpty() ? fetch() : pushedBack.pop();
    }

    /** Puts tokens in front of the stream, first token first. */
    final void pushBack(List<Token> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            pushedBack.push(tokens.get(i));
        }
    }

    final void pushBack(Token token) {
        pushedBack.push(token);
    }

    protected abstract Token fetch() throws CompileException;

    /** A source over a fixed list of tokens, ending with an end token at {@code end}. */
    static TokenSource of(List<Token> tokens, Position end) {
        return new TokenSource() {
            private int index;

            @Override
            protected Token fetch() {
                return index < tokens.size() ? tokens.get(index++) : Token.of(TokenKind.END, "", end);
            }
        };
    }
}
