package dev.jhsim.config.c;

import java.util.List;

/** The syntax of an initialiser (C11 6.7.9), before it is matched against the object's type. */
sealed interface Initializer {
    /** The token the initialiser starts with. */
    Token first();

    record ExpressionInit(Expr expr) implements Initializer {
        @Override
        public Token first() {
            return expr.first();
        }
    }

    /** A braced list; {@code open} is its {@code {}. */
    record ListInit(Token open, List<Entry> entries) implements Initializer {
        @Override
        public Token first() {
            return open;
        }
    }

    /** One element of a braced list: an optional designation and the initialiser. */
    record Entry(List<Designator> designators, Initializer value) {
        /** Where this element is written: its first designator, or the initialiser itself. */
        Token start() {
            return designators.isEmpty() ? value.first() : designators.get(0).at();
        }
    }

    sealed interface Designator {
        Token at();
    }

    /** {@code .name}; {@code at} is the dot, or the name in GNU's {@code name:} form. */
    record FieldDesignator(Token at, Token name) implements Designator {
    }

    /** {@code [index]} or GNU's {@code [first ... last]}; {@code last} is null for a single index. */
    record IndexDesignator(Token at, Expr index, Expr last) implements Designator {
    }
}
