package dev.jhsim.config.c;

/**
 * An expression of a configuration source, kept as a tree because some
 * operands are typed but never evaluated ({@code sizeof(config.cpus)}).
 * {@code at} is the token diagnostics point at.
 */
sealed interface Expr {
    Token at();

    /** The token the expression starts with, where gcc puts the caret for a whole expression. */
    default Token first() {
        return at();
    }

    /** An integer or character constant, typed when evaluated (differently in {@code #if}). */
    record Literal(Token at) implements Expr {
    }

    /** Adjacent string literals, concatenated; {@code bytes} without the terminating NUL. */
    record StringLiteral(Token at, byte[] bytes) implements Expr {
    }

    record Identifier(Token at) implements Expr {
        String name() {
            return at.text();
        }
    }

    /** {@code + - ~ !} and the address and indirection operators {@code & *}. */
    record Unary(Token at, Expr operand) implements Expr {
        String op() {
            return at.text();
        }
    }

    record Binary(Token at, Expr left, Expr right) implements Expr {
        String op() {
            return at.text();
        }

        @Override
        public Token first() {
            return left.first();
        }
    }

    record Conditional(Token at, Expr condition, Expr then, Expr otherwise) implements Expr {
        @Override
        public Token first() {
            return condition.first();
        }
    }

    record Cast(Token at, CType type, Expr operand) implements Expr {
    }

    record SizeofType(Token at, CType type) implements Expr {
    }

    record SizeofExpr(Token at, Expr operand) implements Expr {
    }

    record AlignofType(Token at, CType type) implements Expr {
    }

    /** {@code base.member} or {@code base->member}; {@code at} is the member name. */
    record MemberAccess(Token at, Expr base, boolean arrow) implements Expr {
        @Override
        public Token first() {
            return base.first();
        }
    }

    record Index(Token at, Expr base, Expr index) implements Expr {
        @Override
        public Token first() {
            return base.first();
        }
    }

    /** A parenthesised expression, kept so the caret can point at its opening parenthesis. */
    record Parenthesised(Token at, Expr inner) implements Expr {
    }
}
