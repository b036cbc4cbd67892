package dev.jhsim.config.c;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Computes integer constant expressions (C11 6.6) and the types of
 * expressions, including operands that are typed but never evaluated, such
 * as {@code config.cpus} in {@code sizeof(config.cpus)}.
 */
final class ConstantEvaluator {
    private static final String NOT_CONSTANT = "initializer element is not constant";

    private final Scope scope;
    private final boolean preprocessor;
    private final Collection<String> macroNames;

    private ConstantEvaluator(Scope scope, boolean preprocessor, Collection<String> macroNames) {
        this.scope = scope;
        this.preprocessor = preprocessor;
        this.macroNames = macroNames;
    }

    /** For C code: identifiers are looked up in {@code scope}; macro names only serve suggestions. */
    static ConstantEvaluator forCode(Scope scope, Collection<String> macroNames) {
        return new ConstantEvaluator(scope, false, macroNames);
    }

    /** For {@code #if}: constants are intmax_t or uintmax_t, there are no identifiers left. */
    static ConstantEvaluator forPreprocessor() {
        return new ConstantEvaluator(new Scope(), true, List.of());
    }

    IntValue value(Expr e) throws CompileException {
        if (e instanceof Expr.Literal l) {
            return l.at().kind() == TokenKind.NUMBER ? Literals.integer(l.at(), preprocessor)
                    : Literals.character(l.at(), preprocessor);
        }
        if (e instanceof Expr.Parenthesised p) {
            return value(p.inner());
        }
        if (e instanceof Expr.Identifier id) {
            if (symbol(id) instanceof Scope.Enumerator en) {
                return en.value();
            }
            throw CompileException.at(id.at().position(), NOT_CONSTANT);
        }
        if (e instanceof Expr.Unary u) {
            if (u.op().equals("&") || u.op().equals("*")) {
                typeOf(u);
                throw CompileException.at(u.at().position(), NOT_CONSTANT);
            }
            return IntArithmetic.unary(u.op(), integer(u.operand()), u.at().position());
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Conditional c) {
            IntType common = IntArithmetic.common(integerType(c.then()), integerType(c.otherwise()));
            Expr chosen = integer(c.condition()).isZero() ? c.otherwise() : c.then();
            return IntArithmetic.convert(integer(chosen), common);
        }
        if (e instanceof Expr.Cast c) {
            return cast(c);
        }
        if (e instanceof Expr.SizeofType s) {
            return sizeOf(s.type(), s.at());
        }
        if (e instanceof Expr.SizeofExpr s) {
            if (s.operand() instanceof Expr.MemberAccess m && member(m).isBitField()) {
                throw CompileException.at(s.at().position(), "'sizeof' applied to a bit-field");
            }
            return sizeOf(typeOf(s.operand()), s.at());
        }
        if (e instanceof Expr.AlignofType a) {
            return IntValue.of(IntType.UNSIGNED_LONG, a.type().alignment());
        }
        if (e instanceof Expr.StringLiteral s) {
            throw CompileException.at(s.at().position(), "a string literal is not an integer constant");
        }
        if (e instanceof Expr.Index i && unparenthesised(i.base()) instanceof Expr.StringLiteral s) {
            return character(s, i);
        }
        typeOf(e);
        throw CompileException.at(e.first().position(), NOT_CONSTANT);
    }

    /** gcc folds a character of a string literal, as in {@code "abc"[1]}. */
    private IntValue character(Expr.StringLiteral s, Expr.Index i) throws CompileException {
        IntValue index = integer(i.index());
        long length = s.bytes().length + 1L;
        if (index.exact().signum() < 0 || index.exact().compareTo(BigInteger.valueOf(length)) >= 0) {
            throw CompileException.at(i.index().first().position(), "index " + index
                    + " is outside the string literal");
        }
        int at = (int) index.bits();
        return IntValue.of(IntType.CHAR, at < s.bytes().length ? s.bytes()[at] : 0);
    }

    static Expr unparenthesised(Expr e) {
        while (e instanceof Expr.Parenthesised p) {
            e = p.inner();
        }
        return e;
    }

    /** The value of an expression that must have integer type. */
    private IntValue integer(Expr e) throws CompileException {
        integerType(e);
        return value(e);
    }

    private IntType integerType(Expr e) throws CompileException {
        CType t = typeOf(e);
        if (t.arithmetic() == null) {
            throw CompileException.at(e.first().position(), "expression of type '" + t.displayName()
                    + "' where an integer is required");
        }
        return t.arithmetic();
    }

    private IntValue binary(Expr.Binary b) throws CompileException {
        switch (b.op()) {
            case ",":
                typeOf(b.left());
                return integer(b.right());
            case "&&": {
                boolean result = !integer(b.left()).isZero() && !integer(b.right()).isZero();
                return IntValue.of(IntType.INT, result ? 1 : 0);
            }
            case "||": {
                boolean result = !integer(b.left()).isZero() || !integer(b.right()).isZero();
                return IntValue.of(IntType.INT, result ? 1 : 0);
            }
            default:
                checkOperands(b);
                return IntArithmetic.binary(b.op(), value(b.left()), value(b.right()), b.at().position());
        }
    }

    private void checkOperands(Expr.Binary b) throws CompileException {
        CType left = typeOf(b.left());
        CType right = typeOf(b.right());
        if (left.arithmetic() == null || right.arithmetic() == null) {
            throw CompileException.at(b.at().position(), "invalid operands to binary " + b.op() + " (have '"
                    + left.displayName() + "' and '" + right.displayName() + "')");
        }
    }

    private IntValue cast(Expr.Cast c) throws CompileException {
        CType target = c.type();
        if (target.arithmetic() != null) {
            return IntArithmetic.convert(integer(c.operand()), target.arithmetic());
        }
        if (target instanceof PointerType) {
            throw CompileException.at(c.at().position(), "casts to pointer types are not supported: "
                    + "configurations hold no addresses");
        }
        throw CompileException.at(c.at().position(), "conversion to non-scalar type requested");
    }

    private IntValue sizeOf(CType type, Token at) throws CompileException {
        if (!type.isComplete()) {
            throw CompileException.at(at.position(), "invalid application of 'sizeof' to incomplete type '"
                    + type.displayName() + "'");
        }
        return IntValue.of(IntType.UNSIGNED_LONG, type.size());
    }

    CType typeOf(Expr e) throws CompileException {
        if (e instanceof Expr.Literal || e instanceof Expr.Cast) {
            return e instanceof Expr.Cast c ? c.type() : value(e).type();
        }
        if (e instanceof Expr.StringLiteral s) {
            return new ArrayType(IntType.CHAR, s.bytes().length + 1L);
        }
        if (e instanceof Expr.Parenthesised p) {
            return typeOf(p.inner());
        }
        if (e instanceof Expr.Identifier id) {
            Scope.Symbol symbol = symbol(id);
            return symbol instanceof Scope.Enumerator en ? en.value().type() : ((Scope.ObjectName) symbol).object().type();
        }
        if (e instanceof Expr.Unary u) {
            return unaryType(u);
        }
        if (e instanceof Expr.Binary b) {
            return binaryType(b);
        }
        if (e instanceof Expr.Conditional c) {
            CType then = typeOf(c.then());
            CType otherwise = typeOf(c.otherwise());
            if (then.arithmetic() != null && otherwise.arithmetic() != null) {
                return IntArithmetic.common(then.arithmetic(), otherwise.arithmetic());
            }
            return then;
        }
        if (e instanceof Expr.MemberAccess m) {
            return member(m).type();
        }
        if (e instanceof Expr.Index i) {
            CType base = typeOf(i.base());
            integerType(i.index());
            CType element = elementType(base);
            if (element == null) {
                throw CompileException.at(i.at().position(), "subscripted value is neither array nor pointer");
            }
            return element;
        }
        return IntType.UNSIGNED_LONG; // sizeof and _Alignof
    }

    private CType unaryType(Expr.Unary u) throws CompileException {
        CType operand = typeOf(u.operand());
        switch (u.op()) {
            case "&":
                return new PointerType(operand);
            case "*":
                CType element = elementType(operand);
                if (element == null) {
                    throw CompileException.at(u.at().position(), "invalid type argument of unary '*' (have '"
                            + operand.displayName() + "')");
                }
                return element;
            case "!":
                return IntType.INT;
            default:
                return IntArithmetic.promote(integerType(u.operand()));
        }
    }

    private CType binaryType(Expr.Binary b) throws CompileException {
        switch (b.op()) {
            case ",":
                return typeOf(b.right());
            case "&&", "||", "<", ">", "<=", ">=", "==", "!=":
                return IntType.INT;
            case "<<", ">>":
                checkOperands(b);
                return IntArithmetic.promote(integerType(b.left()));
            default:
                CType left = typeOf(b.left());
                if ((b.op().equals("+") || b.op().equals("-")) && elementType(left) != null
                        && typeOf(b.right()).arithmetic() != null) {
                    return new PointerType(elementType(left));
                }
                checkOperands(b);
                return IntArithmetic.common(integerType(b.left()), integerType(b.right()));
        }
    }

    private static CType elementType(CType t) {
        if (t instanceof ArrayType a) {
            return a.element();
        }
        return t instanceof PointerType p ? p.target() : null;
    }

    /** The member a member access names (through anonymous members). */
    Member member(Expr.MemberAccess m) throws CompileException {
        CType base = typeOf(m.base());
        if (m.arrow()) {
            base = elementType(base);
        }
        String name = m.at().text();
        if (!(base instanceof StructType struct) || !struct.isComplete()) {
            throw CompileException.at(m.at().position(), "request for member '" + name
                    + "' in something not a structure or union");
        }
        List<Member> path = struct.find(name);
        if (path.isEmpty()) {
            throw CompileException.at(m.at().position(), "'" + struct.displayName() + "' has no member named '"
                    + name + "'" + Suggestions.didYouMean(name, struct.memberNames()));
        }
        return path.get(path.size() - 1);
    }

    private Scope.Symbol symbol(Expr.Identifier id) throws CompileException {
        Scope.Symbol symbol = scope.lookup(id.name());
        if (symbol == null || symbol instanceof Scope.TypedefName) {
            List<String> candidates = new ArrayList<>(scope.valueNames());
            candidates.addAll(macroNames);
            throw CompileException.at(id.at().position(), "'" + id.name() + "' undeclared here (not in a function)"
                    + Suggestions.didYouMean(id.name(), candidates));
        }
        return symbol;
    }
}
