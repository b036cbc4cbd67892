package dev.jhsim.config.c;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Parses C expressions (C11 6.5) into {@link Expr} trees: everything a
 * constant expression may contain. Assignments, increments and calls are
 * rejected, as they cannot appear in a constant.
 */
final class ExpressionParser {
    /** What the parser needs to know about type names, for casts and {@code sizeof}. */
    interface TypeNames {
        boolean startsTypeName(Token t);

        /** Parses a type name at the parser's cursor. */
        CType parseTypeName() throws CompileException;

        /** In {@code #if} there are no types: every identifier has become 0. */
        TypeNames NONE = new TypeNames() {
            @Override
            public boolean startsTypeName(Token t) {
                return false;
            }

            @Override
            public CType parseTypeName() {
                throw new IllegalStateException("no type names in #if");
            }
        };
    }

    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("||", 1), Map.entry("&&", 2), Map.entry("|", 3), Map.entry("^", 4), Map.entry("&", 5),
            Map.entry("==", 6), Map.entry("!=", 6), Map.entry("<", 7), Map.entry(">", 7), Map.entry("<=", 7),
            Map.entry(">=", 7), Map.entry("<<", 8), Map.entry(">>", 8), Map.entry("+", 9), Map.entry("-", 9),
            Map.entry("*", 10), Map.entry("/", 10), Map.entry("%", 10));

    private final TokenCursor cursor;
    private final TypeNames types;

    ExpressionParser(TokenCursor cursor, TypeNames types) {
        this.cursor = cursor;
        this.types = types;
    }

    /** expression: conditional expressions separated by commas. */
    Expr expression() throws CompileException {
        Expr e = conditional();
        while (cursor.peek().is(",")) {
            Token comma = cursor.next();
            e = new Expr.Binary(comma, e, conditional());
        }
        return e;
    }

    /** An initialiser or array size: a conditional expression (assignment is not constant). */
    Expr conditional() throws CompileException {
        Expr condition = binary(1);
        if (!cursor.peek().is("?")) {
            rejectAssignment();
            return condition;
        }
        Token question = cursor.next();
        Expr then = expression();
        cursor.expect(":");
        return new Expr.Conditional(question, condition, then, conditional());
    }

    private void rejectAssignment() throws CompileException {
        Token t = cursor.peek();
        if (t.kind() == TokenKind.PUNCTUATOR && t.text().endsWith("=") && !PRECEDENCE.containsKey(t.text())) {
            throw CompileException.at(t.position(), "assignment is not allowed in a constant expression");
        }
    }

    private Expr binary(int minimum) throws CompileException {
        Expr left = cast();
        while (true) {
            Token op = cursor.peek();
            Integer precedence = op.kind() == TokenKind.PUNCTUATOR ? PRECEDENCE.get(op.text()) : null;
            if (precedence == null || precedence < minimum) {
                return left;
            }
            cursor.next();
            left = new Expr.Binary(op, left, binary(precedence + 1));
        }
    }

    private Expr cast() throws CompileException {
        if (cursor.peek().is("(") && types.startsTypeName(cursor.peek(1))) {
            Token open = cursor.next();
            CType type = types.parseTypeName();
            cursor.expect(")");
            if (cursor.peek().is("{")) {
                throw CompileException.at(open.position(), "compound literals are not supported in configurations");
            }
            return new Expr.Cast(open, type, cast());
        }
        return unary();
    }

    private Expr unary() throws CompileException {
        Token t = cursor.peek();
        if (t.kind() == TokenKind.PUNCTUATOR && "+-~!*&".contains(t.text()) && t.text().length() == 1) {
            cursor.next();
            return new Expr.Unary(t, cast());
        }
        if (t.is("++") || t.is("--")) {
            throw CompileException.at(t.position(), "'" + t.text() + "' is not allowed in a constant expression");
        }
        if (t.kind() == TokenKind.IDENTIFIER && t.is("sizeof")) {
            cursor.next();
            if (cursor.peek().is("(") && types.startsTypeName(cursor.peek(1))) {
                cursor.next();
                CType type = types.parseTypeName();
                cursor.expect(")");
                return new Expr.SizeofType(t, type);
            }
            return new Expr.SizeofExpr(t, unary());
        }
        if (t.kind() == TokenKind.IDENTIFIER
                && (t.is("_Alignof") || t.is("__alignof__") || t.is("__alignof") || t.is("alignof"))) {
            cursor.next();
            cursor.expect("(");
            if (!types.startsTypeName(cursor.peek())) {
                throw cursor.expected("type name");
            }
            CType type = types.parseTypeName();
            cursor.expect(")");
            return new Expr.AlignofType(t, type);
        }
        if (t.kind() == TokenKind.IDENTIFIER && t.is("__extension__")) {
            cursor.next();
            return cast();
        }
        return postfix();
    }

    private Expr postfix() throws CompileException {
        Expr e = primary();
        while (true) {
            Token t = cursor.peek();
            if (t.is("[")) {
                cursor.next();
                Expr index = expression();
                cursor.expect("]");
                e = new Expr.Index(t, e, index);
            } else if (t.is(".") || t.is("->")) {
                cursor.next();
                e = new Expr.MemberAccess(cursor.expectIdentifier(), e, t.is("->"));
            } else if (t.is("(")) {
                throw CompileException.at(t.position(), "function calls are not allowed in a constant expression");
            } else if (t.is("++") || t.is("--")) {
                throw CompileException.at(t.position(),
                        "'" + t.text() + "' is not allowed in a constant expression");
            } else {
                return e;
            }
        }
    }

    private Expr primary() throws CompileException {
        Token t = cursor.peek();
        switch (t.kind()) {
            case NUMBER, CHARACTER:
                cursor.next();
                return new Expr.Literal(t);
            case STRING:
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (cursor.peek().kind() == TokenKind.STRING) {
                    bytes.writeBytes(Literals.string(cursor.next()));
                }
                return new Expr.StringLiteral(t, bytes.toByteArray());
            case IDENTIFIER:
                if (types.startsTypeName(t) || Keywords.isKeyword(t.text())) {
                    throw cursor.expected("expression");
                }
                cursor.next();
                return new Expr.Identifier(t);
            default:
                if (t.is("(")) {
                    cursor.next();
                    if (cursor.peek().is("{")) {
                        throw CompileException.at(t.position(), "statement expressions are not supported");
                    }
                    Expr inner = expression();
                    cursor.expect(")");
                    return new Expr.Parenthesised(t, inner);
                }
                throw cursor.expected("expression");
        }
    }
}
