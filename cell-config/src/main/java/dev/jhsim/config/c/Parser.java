package dev.jhsim.config.c;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a preprocessed translation unit (C11 6.7, 6.9): type definitions,
 * typedefs, enumerations and object declarations. Each object defined with
 * an initialiser goes to the {@link Definitions} as soon as it is parsed, so
 * later declarations see its completed type.
 */
final class Parser implements ExpressionParser.TypeNames {
    /** Receives each object definition with its initialiser. */
    interface Definitions {
        void define(CObject object, Initializer initializer) throws CompileException;
    }

    private static final Set<String> TYPE_KEYWORDS = Set.of("void", "char", "short", "int", "long", "signed",
            "unsigned", "_Bool", "__signed__", "__signed", "struct", "union", "enum", "float", "double", "const",
            "volatile", "restrict", "__const", "__const__", "__volatile__", "__restrict", "__restrict__",
            "__attribute__", "__attribute", "_Atomic", "_Complex");
    private static final Set<String> STORAGE_CLASSES = Set.of("typedef", "static", "extern", "auto", "register",
            "_Thread_local", "__thread");
    private static final Set<String> FUNCTION_SPECIFIERS = Set.of("inline", "__inline", "__inline__", "_Noreturn");
    private static final Set<String> QUALIFIERS = Set.of("const", "volatile", "restrict", "__const", "__const__",
            "__volatile__", "__restrict", "__restrict__", "__extension__");

    private final TokenCursor cursor;
    private final Scope scope;
    private final ConstantEvaluator evaluator;
    private final ExpressionParser expressions;
    private final Definitions definitions;

    Parser(List<Token> tokens, Scope scope, ConstantEvaluator evaluator, Definitions definitions) {
        this.cursor = new TokenCursor(tokens);
        this.scope = scope;
        this.evaluator = evaluator;
        this.expressions = new ExpressionParser(cursor, this);
        this.definitions = definitions;
    }

    /** The declaration specifiers of one declaration (C11 6.7). */
    private record Specifiers(CType type, boolean isTypedef, boolean isStatic, boolean isExtern, boolean isInline,
            boolean isConst, Attributes attributes) {
    }

    /** A declarator's name (null if abstract), the type it gives, and the attributes written in it. */
    private record Declarator(Token name, CType type, Attributes attributes) {
    }

    /** What {@code __attribute__((...))} lists say that matters for layout. */
    private record Attributes(boolean packed, int aligned) {
        static final Attributes NONE = new Attributes(false, 0);

        Attributes and(Attributes other) {
            return new Attributes(packed || other.packed, Math.max(aligned, other.aligned));
        }
    }

    void parseTranslationUnit() throws CompileException {
        while (!cursor.peek().isEnd()) {
            if (!cursor.accept(";")) {
                externalDeclaration();
            }
        }
    }

    private void externalDeclaration() throws CompileException {
        if (cursor.peek().is("_Static_assert")) {
            staticAssert();
            return;
        }
        Token start = cursor.peek();
        Specifiers specifiers = specifiers(true);
        if (cursor.accept(";")) {
            return;
        }
        boolean first = true;
        while (true) {
            Declarator d = declarator(specifiers.type(), false);
            attributes();
            if (d.type() == OpaqueType.FUNCTION) {
                if (first && cursor.peek().is("{")) {
                    functionDefinition(specifiers, d, start);
                    return;
                }
            } else if (specifiers.isTypedef()) {
                declareTypedef(d);
            } else {
                objectDeclaration(specifiers, d);
            }
            first = false;
            if (!cursor.accept(",")) {
                break;
            }
        }
        if (!cursor.peek().is(";")) {
            throw cursor.expected("',' or ';'");
        }
        cursor.next();
    }

    private void staticAssert() throws CompileException {
        Token keyword = cursor.next();
        cursor.expect("(");
        Expr condition = expressions.conditional();
        String message = "";
        if (cursor.accept(",")) {
            if (cursor.peek().kind() != TokenKind.STRING) {
                throw cursor.expected("string literal");
            }
            message = cursor.next().text();
        }
        cursor.expect(")");
        cursor.expect(";");
        if (evaluator.value(condition).isZero()) {
            throw CompileException.at(keyword.position(), "static assertion failed" + (message.isEmpty() ? ""
                    : ": " + message));
        }
    }

    /** Function definitions are code; only static inline ones are allowed, as gcc emits nothing for them. */
    private void functionDefinition(Specifiers specifiers, Declarator d, Token start) throws CompileException {
        if (!specifiers.isStatic() || !specifiers.isInline()) {
            throw CompileException.at(d.name().position(), "function '" + d.name().text() + "' would be compiled"
                    + " into the configuration; configuration sources may only define static inline functions");
        }
        skipBalanced("{", "}", start);
    }

    private void declareTypedef(Declarator d) throws CompileException {
        Scope.Symbol old = scope.lookup(d.name().text());
        if (old != null && !(old instanceof Scope.TypedefName t && t.type().equals(d.type()))) {
            throw CompileException.at(d.name().position(), old instanceof Scope.TypedefName
                    ? "conflicting types for '" + d.name().text() + "'"
                    : "'" + d.name().text() + "' redeclared as different kind of symbol");
        }
        scope.declare(d.name().text(), new Scope.TypedefName(d.type()));
    }

    private void objectDeclaration(Specifiers specifiers, Declarator d) throws CompileException {
        String name = d.name().text();
        Scope.Symbol old = scope.lookup(name);
        CObject object;
        if (old == null) {
            object = new CObject(d.name(), d.type(), specifiers.isConst());
            scope.declare(name, new Scope.ObjectName(object));
        } else if (old instanceof Scope.ObjectName o && sameObjectType(o.object().type(), d.type())) {
            object = o.object();
            if (!object.type().isComplete()) {
                object.completeType(d.type());
            }
        } else {
            throw CompileException.at(d.name().position(), old instanceof Scope.ObjectName
                    ? "conflicting types for '" + name + "'"
                    : "'" + name + "' redeclared as different kind of symbol");
        }
        if (!cursor.peek().is("=")) {
            if (!specifiers.isExtern()) {
                object.markTentative();
            }
            return;
        }
        cursor.next();
        Initializer initializer = initializer();
        if (object.isDefined()) {
            throw CompileException.at(d.name().position(), "redefinition of '" + name + "'");
        }
        CType type = object.type();
        if (!type.isComplete() && !(type instanceof ArrayType a && a.element().isComplete())) {
            throw CompileException.at(d.name().position(),
                    "variable '" + name + "' has initializer but incomplete type");
        }
        object.markDefined();
        definitions.define(object, initializer);
    }

    private static boolean sameObjectType(CType a, CType b) {
        if (a.equals(b)) {
            return true;
        }
        return a instanceof ArrayType x && b instanceof ArrayType y && x.element().equals(y.element())
                && (x.length() < 0 || y.length() < 0);
    }

    private Initializer initializer() throws CompileException {
        if (!cursor.peek().is("{")) {
            return new Initializer.ExpressionInit(expressions.conditional());
        }
        Token open = cursor.next();
        List<Initializer.Entry> entries = new ArrayList<>();
        while (!cursor.peek().is("}")) {
            List<Initializer.Designator> designators = designation();
            entries.add(new Initializer.Entry(designators, initializer()));
            if (!cursor.accept(",")) {
                break;
            }
        }
        if (!cursor.peek().is("}")) {
            throw cursor.expected("'}'");
        }
        cursor.next();
        return new Initializer.ListInit(open, entries);
    }

    private List<Initializer.Designator> designation() throws CompileException {
        List<Initializer.Designator> designators = new ArrayList<>();
        if (cursor.peek().kind() == TokenKind.IDENTIFIER && cursor.peek(1).is(":")) {
            // GNU's old form "field: value".
            Token name = cursor.next();
            designators.add(new Initializer.FieldDesignator(name, name));
            cursor.next();
            return designators;
        }
        while (true) {
            if (cursor.peek().is("[")) {
                cursor.next();
                Expr index = expressions.conditional();
                Expr last = cursor.accept("...") ? expressions.conditional() : null;
                cursor.expect("]");
                designators.add(new Initializer.IndexDesignator(index.first(), index, last));
            } else if (cursor.peek().is(".")) {
                Token dot = cursor.next();
                designators.add(new Initializer.FieldDesignator(dot, cursor.expectIdentifier()));
            } else {
                break;
            }
        }
        if (!designators.isEmpty()) {
            cursor.expect("=");
        }
        return designators;
    }

    // ---- declaration specifiers

    private Specifiers specifiers(boolean storageAllowed) throws CompileException {
        Token start = cursor.peek();
        boolean isTypedef = false;
        boolean isStatic = false;
        boolean isExtern = false;
        boolean isInline = false;
        boolean isConst = false;
        BasicTypeSpecifiers basic = new BasicTypeSpecifiers();
        CType other = null;
        Attributes attributes = Attributes.NONE;
        while (true) {
            Token t = cursor.peek();
            if (t.kind() != TokenKind.IDENTIFIER) {
                break;
            }
            String word = t.text();
            if (STORAGE_CLASSES.contains(word)) {
                if (!storageAllowed) {
                    throw CompileException.at(t.position(), "storage class specified for a member or type name");
                }
                isTypedef |= word.equals("typedef");
                isStatic |= word.equals("static");
                isExtern |= word.equals("extern");
                cursor.next();
            } else if (FUNCTION_SPECIFIERS.contains(word)) {
                isInline = true;
                cursor.next();
            } else if (QUALIFIERS.contains(word)) {
                isConst |= word.startsWith("const") || word.startsWith("__const");
                cursor.next();
            } else if (word.equals("__attribute__") || word.equals("__attribute")) {
                attributes = attributes.and(attributes());
            } else if (word.equals("_Alignas")) {
                cursor.next();
                skipBalanced("(", ")", t);
            } else if (word.equals("struct") || word.equals("union")) {
                other = basic.other(other, structSpecifier(), t);
            } else if (word.equals("enum")) {
                other = basic.other(other, enumSpecifier(), t);
            } else if (basic.accepts(word)) {
                basic.add(word, t);
                cursor.next();
            } else if (other == null && basic.isEmpty() && scope.isTypedefName(word)) {
                other = ((Scope.TypedefName) scope.lookup(word)).type();
                cursor.next();
            } else {
                break;
            }
        }
        CType type = other != null ? other : basic.type();
        if (type == null) {
            if (isTypedef || isStatic || isExtern) {
                throw CompileException.at(start.position(), "type defaults to 'int' in declaration: give the type");
            }
            throw cursor.expected("declaration specifiers");
        }
        return new Specifiers(type, isTypedef, isStatic, isExtern, isInline, isConst, attributes);
    }

    private CType structSpecifier() throws CompileException {
        Token keyword = cursor.next();
        boolean union = keyword.is("union");
        Attributes attributes = attributes();
        Token tag = cursor.peek().kind() == TokenKind.IDENTIFIER ? cursor.next() : null;
        attributes = attributes.and(attributes());
        if (!cursor.peek().is("{")) {
            if (tag == null) {
                throw cursor.expected("'{'");
            }
            return taggedStruct(tag, union, false);
        }
        StructType type = tag == null ? new StructType(null, union) : taggedStruct(tag, union, true);
        cursor.next();
        List<StructLayout.Declaration> members = new ArrayList<>();
        while (!cursor.accept("}")) {
            memberDeclaration(members);
        }
        attributes = attributes.and(attributes());
        StructLayout.complete(type, members, attributes.packed(), attributes.aligned());
        return type;
    }

    /** The struct type a tag names, declared now if new; a definition needs it still incomplete. */
    private StructType taggedStruct(Token tag, boolean union, boolean defining) throws CompileException {
        CType known = scope.tag(tag.text());
        if (known == null) {
            StructType type = new StructType(tag.text(), union);
            scope.declareTag(tag.text(), type);
            return type;
        }
        if (!(known instanceof StructType s) || s.isUnion() != union) {
            throw CompileException.at(tag.position(), "'" + tag.text() + "' defined as wrong kind of tag");
        }
        if (defining && s.isComplete()) {
            throw CompileException.at(tag.position(), "redefinition of '" + s.displayName() + "'");
        }
        return s;
    }

    private void memberDeclaration(List<StructLayout.Declaration> members) throws CompileException {
        if (cursor.peek().is("_Static_assert")) {
            staticAssert();
            return;
        }
        Specifiers specifiers = specifiers(false);
        Token start = cursor.peek();
        if (cursor.accept(";")) {
            if (specifiers.type() instanceof StructType s && s.tag() == null) {
                members.add(new StructLayout.Declaration(null, s, -1, false, 0, start.position()));
            }
            return;
        }
        do {
            Attributes attributes = specifiers.attributes().and(attributes());
            Declarator d = cursor.peek().is(":") ? new Declarator(null, specifiers.type(), Attributes.NONE)
                    : declarator(specifiers.type(), false);
            attributes = attributes.and(d.attributes()).and(attributes());
            int width = -1;
            Token at = d.name() != null ? d.name() : cursor.peek();
            if (cursor.accept(":")) {
                Expr e = expressions.conditional();
                IntValue v = evaluator.value(e);
                if (v.exact().signum() < 0) {
                    throw CompileException.at(e.first().position(), "negative width in bit-field '"
                            + (d.name() == null ? "<anonymous>" : d.name().text()) + "'");
                }
                width = v.exact().min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
            }
            attributes = attributes.and(attributes());
            members.add(new StructLayout.Declaration(d.name() == null ? null : d.name().text(), d.type(), width,
                    attributes.packed(), attributes.aligned(), at.position()));
        } while (cursor.accept(","));
        if (!cursor.peek().is(";")) {
            throw cursor.expected("';', ',' or ':'");
        }
        cursor.next();
    }

    private CType enumSpecifier() throws CompileException {
        cursor.next();
        attributes();
        Token tag = cursor.peek().kind() == TokenKind.IDENTIFIER ? cursor.next() : null;
        attributes();
        EnumType type;
        CType known = tag == null ? null : scope.tag(tag.text());
        if (known != null && !(known instanceof EnumType)) {
            throw CompileException.at(tag.position(), "'" + tag.text() + "' defined as wrong kind of tag");
        }
        if (!cursor.peek().is("{")) {
            if (tag == null) {
                throw cursor.expected("'{'");
            }
            if (known == null) {
                known = new EnumType(tag.text());
                scope.declareTag(tag.text(), known);
            }
            return known;
        }
        if (known != null && known.isComplete()) {
            throw CompileException.at(tag.position(), "nested redefinition of 'enum " + tag.text() + "'");
        }
        type = known != null ? (EnumType) known : new EnumType(tag == null ? null : tag.text());
        if (tag != null) {
            scope.declareTag(tag.text(), type);
        }
        cursor.next();
        IntValue previous = null;
        long min = 0;
        long max = 0;
        while (!cursor.peek().is("}")) {
            Token name = cursor.expectIdentifier();
            IntValue value;
            if (cursor.accept("=")) {
                value = evaluator.value(expressions.conditional());
            } else if (previous == null) {
                value = IntValue.of(IntType.INT, 0);
            } else {
                value = IntValue.of(previous.type(), previous.bits() + 1);
                if (value.exact().compareTo(previous.exact()) <= 0) {
                    throw CompileException.at(name.position(), "overflow in enumeration values");
                }
            }
            if (value.exact().bitLength() < 32) {
                value = IntValue.of(IntType.INT, value.bits());
            }
            if (scope.lookup(name.text()) != null) {
                throw CompileException.at(name.position(), "redeclaration of '" + name.text() + "'");
            }
            scope.declare(name.text(), new Scope.Enumerator(value));
            min = Math.min(min, value.type().isSigned() ? value.bits() : 0);
            max = Math.max(max, value.bits());
            previous = value;
            if (!cursor.accept(",")) {
                break;
            }
        }
        cursor.expect("}");
        attributes();
        type.complete(min, max);
        return type;
    }

    private Attributes attributes() throws CompileException {
        Attributes result = Attributes.NONE;
        while (cursor.peek().is("__attribute__") || cursor.peek().is("__attribute")) {
            cursor.next();
            cursor.expect("(");
            cursor.expect("(");
            while (!cursor.peek().is(")")) {
                if (cursor.accept(",")) {
                    continue;
                }
                Token name = cursor.next();
                if (name.kind() != TokenKind.IDENTIFIER) {
                    throw CompileException.at(name.position(), "expected attribute name before "
                            + TokenCursor.describe(name));
                }
                String attribute = name.text().replaceAll("^__(.*)__$", "$1");
                if (attribute.equals("packed")) {
                    result = result.and(new Attributes(true, 0));
                } else if (attribute.equals("aligned")) {
                    result = result.and(new Attributes(false, alignment(name)));
                } else if (cursor.peek().is("(")) {
                    skipBalanced("(", ")", name);
                }
            }
            cursor.expect(")");
            cursor.expect(")");
        }
        return result;
    }

    /** The argument of {@code aligned}: a power of two, or the target's largest alignment (16) if absent. */
    private int alignment(Token attribute) throws CompileException {
        if (!cursor.accept("(")) {
            return 16;
        }
        Expr e = expressions.conditional();
        cursor.expect(")");
        IntValue v = evaluator.value(e);
        if (v.bits() <= 0 || Long.bitCount(v.bits()) != 1 || v.bits() > 1 << 28) {
            throw CompileException.at(e.first().position(), "requested alignment is not a positive power of 2");
        }
        return (int) v.bits();
    }

    private void skipBalanced(String open, String close, Token start) throws CompileException {
        cursor.expect(open);
        int depth = 1;
        while (depth > 0) {
            Token t = cursor.next();
            if (t.isEnd()) {
                throw CompileException.at(start.position(), "missing '" + close + "' for this '" + open + "'");
            }
            depth += t.is(open) ? 1 : t.is(close) ? -1 : 0;
        }
    }

    // ---- declarators

    private Declarator declarator(CType base, boolean abstractAllowed) throws CompileException {
        CType type = base;
        while (cursor.accept("*")) {
            type = new PointerType(type);
            while (cursor.peek().kind() == TokenKind.IDENTIFIER && QUALIFIERS.contains(cursor.peek().text())) {
                cursor.next();
            }
            attributes();
        }
        if (cursor.peek().is("(") && startsNestedDeclarator(cursor.peek(1))) {
            // "( declarator ) suffixes": the suffixes apply first, the inner declarator wraps them.
            Token open = cursor.peek();
            int inner = cursor.mark() + 1;
            skipBalanced("(", ")", open);
            CType outer = suffixes(type);
            int end = cursor.mark();
            cursor.reset(inner);
            Declarator d = declarator(outer, abstractAllowed);
            cursor.expect(")");
            cursor.reset(end);
            return d;
        }
        Token name = null;
        if (cursor.peek().kind() == TokenKind.IDENTIFIER && !Keywords.isKeyword(cursor.peek().text())) {
            name = cursor.next();
        } else if (!abstractAllowed) {
            throw cursor.expected("identifier or '('");
        }
        Attributes attributes = attributes();
        CType full = suffixes(type);
        return new Declarator(name, full, attributes.and(attributes()));
    }

    private boolean startsNestedDeclarator(Token t) {
        return t.is("*") || t.is("(") || t.is("__attribute__")
                || t.kind() == TokenKind.IDENTIFIER && !Keywords.isKeyword(t.text()) && !scope.isTypedefName(t.text());
    }

    private CType suffixes(CType base) throws CompileException {
        if (cursor.peek().is("[")) {
            Token open = cursor.next();
            while (cursor.peek().is("static") || QUALIFIERS.contains(cursor.peek().text())) {
                cursor.next();
            }
            long length = -1;
            if (!cursor.peek().is("]")) {
                Expr size = expressions.conditional();
                if (evaluator.typeOf(size).arithmetic() == null) {
                    throw CompileException.at(size.first().position(), "size of array has non-integer type");
                }
                IntValue v = evaluator.value(size);
                if (v.exact().signum() < 0) {
                    throw CompileException.at(size.first().position(), "size of array is negative");
                }
                if (v.exact().bitLength() > 62) {
                    throw CompileException.at(open.position(), "size of array is too large");
                }
                length = v.bits();
            }
            cursor.expect("]");
            CType element = suffixes(base);
            if (!element.isComplete()) {
                throw CompileException.at(open.position(), "array type has incomplete element type '"
                        + element.displayName() + "'");
            }
            if (element.size() > 0 && length > Long.MAX_VALUE / 8 / element.size()) {
                throw CompileException.at(open.position(), "size of array is too large");
            }
            return new ArrayType(element, length);
        }
        if (cursor.peek().is("(")) {
            skipBalanced("(", ")", cursor.peek());
            suffixes(base);
            return OpaqueType.FUNCTION;
        }
        return base;
    }

    // ---- type names, for casts and sizeof

    @Override
    public boolean startsTypeName(Token t) {
        return t.kind() == TokenKind.IDENTIFIER && (TYPE_KEYWORDS.contains(t.text()) || scope.isTypedefName(t.text()));
    }

    @Override
    public CType parseTypeName() throws CompileException {
        Specifiers specifiers = specifiers(false);
        Declarator d = declarator(specifiers.type(), true);
        if (d.name() != null) {
            throw CompileException.at(d.name().position(), "expected ')' before '" + d.name().text() + "'");
        }
        return d.type();
    }
}
