package dev.jhsim.config.c;

import dev.jhsim.config.c.Initializer.Designator;
import dev.jhsim.config.c.Initializer.Entry;
import dev.jhsim.config.c.Initializer.ExpressionInit;
import dev.jhsim.config.c.Initializer.FieldDesignator;
import dev.jhsim.config.c.Initializer.IndexDesignator;
import dev.jhsim.config.c.Initializer.ListInit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches an initialiser against its object's type (C11 6.7.9) and writes the
 * bytes: designators, positional elements continuing after them, brace
 * elision, string literals for character arrays, and gcc's rules for what a
 * later initialiser replaces (a braced list resets its whole subobject; a
 * union keeps only its last initialised member).
 */
final class InitializerLayout {
    private static final String NOT_AN_INTEGER = "initializer element is not an integer";
    /** Configurations are kilobytes; this bound keeps a typo from asking for gigabytes. */
    static final long MAX_SIZE = 16 << 20;

    private final ConstantEvaluator evaluator;
    private final ObjectImage image;
    private final Map<UnionKey, Member> activeMembers = new HashMap<>();
    /** For an array of unknown size: how many elements the initialiser gave it so far. */
    private long openLength = -1;

    /** What the layout produced: the object's bytes, where they came from, and its (completed) type. */
    record Result(byte[] bytes, SourceMap sourceMap, CType type) {
    }

    private record UnionKey(long bitOffset, StructType type) {
    }

    /** A subobject to initialise: its type, bit offset, bit-field width (-1 for none), and its name for messages. */
    private record Slot(CType type, long bitOffset, int bitWidth, String path) {
        long offset() {
            return bitOffset / 8;
        }

        long end() {
            return bitWidth >= 0 ? (bitOffset + bitWidth + 7) / 8 : offset() + type.size();
        }
    }

    /** Reads a braced list's elements; the current element's designation may already have been applied. */
    private static final class Cursor {
        private final List<Entry> entries;
        private int index;
        private boolean designationUsed;

        Cursor(List<Entry> entries) {
            this.entries = entries;
        }

        boolean hasNext() {
            return index < entries.size();
        }

        Entry peek() {
            return entries.get(index);
        }

        List<Designator> designators() {
            return designationUsed ? List.of() : peek().designators();
        }

        List<Designator> takeDesignators() {
            designationUsed = true;
            return peek().designators();
        }

        void advance() {
            index++;
            designationUsed = false;
        }
    }

    private InitializerLayout(ConstantEvaluator evaluator, long size) {
        this.evaluator = evaluator;
        this.image = new ObjectImage(size);
    }

    static Result layout(CObject object, Initializer initializer, ConstantEvaluator evaluator)
            throws CompileException {
        CType type = object.type();
        if (type.size() > MAX_SIZE) {
            throw tooLarge(object.nameToken(), object.name());
        }
        boolean open = type instanceof ArrayType a && a.length() < 0;
        InitializerLayout layout = new InitializerLayout(evaluator, type.size());
        if (open) {
            layout.openLength = 0;
        }
        if (initializer instanceof ExpressionInit e && !type.isScalar() && string(e.expr(), type) == null) {
            throw CompileException.at(e.first().position(), "invalid initializer");
        }
        Cursor only = new Cursor(List.of(new Entry(List.of(), initializer)));
        Slot whole = new Slot(type, 0, -1, object.name());
        layout.initialise(whole, only, List.of());
        if (open) {
            type = new ArrayType(((ArrayType) type).element(), layout.openLength);
        }
        return new Result(layout.image.bytes(type.size()), layout.image.sourceMap(), type);
    }

    /** Initialises one subobject from the cursor's current element, or from the designators still to apply. */
    private void initialise(Slot slot, Cursor cursor, List<Designator> designators) throws CompileException {
        if (!designators.isEmpty()) {
            if (slot.type().isScalar()) {
                throw notAggregate(designators.get(0));
            }
            fill(slot, cursor, false, designators);
            return;
        }
        Entry entry = cursor.peek();
        Token where = entry.start();
        if (entry.value() instanceof ListInit list) {
            cursor.advance();
            if (slot.type().isScalar()) {
                bracedScalar(slot, list, where);
                return;
            }
            image.clear(slot.offset(), slot.end());
            image.mark(slot.offset(), slot.end(), where.position());
            byte[] string = list.entries().size() == 1 && list.entries().get(0).designators().isEmpty()
                    && list.entries().get(0).value() instanceof ExpressionInit e ? string(e.expr(), slot.type()) : null;
            if (string != null) {
                storeString(slot, string, list.entries().get(0).value().first());
            } else {
                fill(slot, new Cursor(list.entries()), true, List.of());
            }
            return;
        }
        Expr expr = ((ExpressionInit) entry.value()).expr();
        byte[] string = string(expr, slot.type());
        if (slot.type().isScalar()) {
            cursor.advance();
            storeScalar(slot, expr, where);
        } else if (string != null) {
            cursor.advance();
            image.clear(slot.offset(), slot.end());
            image.mark(slot.offset(), slot.end(), where.position());
            storeString(slot, string, expr.first());
        } else {
            fill(slot, cursor, false, List.of()); // brace elision
        }
    }

    /**
     * Initialises the elements of an aggregate in order. A braced level owns its
     * list: designators refer to it and extra elements are an error. An elided
     * level stops when it is full or at a designator, which belongs to an
     * enclosing braced level.
     */
    private void fill(Slot aggregate, Cursor cursor, boolean braced, List<Designator> designators)
            throws CompileException {
        long position = first(aggregate.type());
        if (!designators.isEmpty()) {
            position = designate(aggregate, cursor, designators);
        }
        while (cursor.hasNext()) {
            if (!cursor.designators().isEmpty()) {
                if (!braced) {
                    return;
                }
                position = designate(aggregate, cursor, cursor.takeDesignators());
                continue;
            }
            if (isFull(aggregate.type(), position)) {
                if (braced) {
                    throw CompileException.at(cursor.peek().value().first().position(),
                            "excess elements in " + kind(aggregate.type()) + " initializer" + near(aggregate));
                }
                return;
            }
            initialiseElement(aggregate, position, cursor, List.of());
            position = next(aggregate.type(), position);
        }
    }

    /** Applies the first designator at this level and returns the position after the designated element. */
    private long designate(Slot aggregate, Cursor cursor, List<Designator> designators) throws CompileException {
        Designator designator = designators.get(0);
        List<Designator> rest = designators.subList(1, designators.size());
        if (designator instanceof FieldDesignator field) {
            if (!(aggregate.type() instanceof StructType struct)) {
                throw notAggregate(field);
            }
            String name = field.name().text();
            List<Member> path = struct.find(name);
            if (path.isEmpty()) {
                throw CompileException.at(field.name().position(), "'" + struct.displayName()
                        + "' has no member named '" + name + "'" + Suggestions.didYouMean(name, struct.memberNames()));
            }
            if (path.size() > 1) {
                // A member of an anonymous struct or union: designate that first, then look again inside it.
                List<Designator> inside = new ArrayList<>();
                inside.add(field);
                inside.addAll(rest);
                rest = inside;
            }
            int index = struct.members().indexOf(path.get(0));
            initialiseElement(aggregate, index, cursor, rest);
            return next(struct, index);
        }
        IndexDesignator range = (IndexDesignator) designator;
        if (!(aggregate.type() instanceof ArrayType array)) {
            throw notAggregate(range);
        }
        long from = index(range.index(), array, aggregate);
        long to = range.last() == null ? from : index(range.last(), array, aggregate);
        if (to < from) {
            throw CompileException.at(range.at().position(), "empty index range in initializer");
        }
        if (from == to) {
            initialiseElement(aggregate, from, cursor, rest);
            return from + 1;
        }
        // GNU range: the same initialiser for every element.
        Entry entry = cursor.peek();
        for (long i = from; i <= to; i++) {
            initialiseElement(aggregate, i, new Cursor(List.of(new Entry(List.of(), entry.value()))), rest);
        }
        cursor.advance();
        return to + 1;
    }

    private long index(Expr e, ArrayType array, Slot aggregate) throws CompileException {
        if (evaluator.typeOf(e).arithmetic() == null) {
            throw CompileException.at(e.first().position(), "array index in initializer not of integer type");
        }
        IntValue v = evaluator.value(e);
        if (v.exact().signum() < 0 || array.length() >= 0 && v.exact().compareTo(
                BigInteger.valueOf(array.length())) >= 0) {
            throw CompileException.at(e.first().position(), "array index in initializer exceeds array bounds"
                    + near(aggregate));
        }
        return v.bits();
    }

    private void initialiseElement(Slot aggregate, long position, Cursor cursor, List<Designator> designators)
            throws CompileException {
        Slot element;
        if (aggregate.type() instanceof StructType struct) {
            Member m = struct.members().get((int) position);
            element = new Slot(m.type(), aggregate.bitOffset() + m.bitOffset(), m.bitWidth(),
                    m.name() == null ? aggregate.path() : aggregate.path() + "." + m.name());
            if (!m.type().isComplete()) {
                throw CompileException.at(cursor.peek().start().position(), "initialising the flexible array member '"
                        + element.path() + "' is not supported");
            }
            if (struct.isUnion()) {
                activate(aggregate, struct, m);
            }
        } else {
            ArrayType array = (ArrayType) aggregate.type();
            element = new Slot(array.element(), aggregate.bitOffset() + position * array.element().size() * 8, -1,
                    aggregate.path() + "[" + position + "]");
            if (array.length() < 0) {
                if ((position + 1) * array.element().size() > MAX_SIZE) {
                    throw tooLarge(cursor.peek().start(), aggregate.path());
                }
                openLength = Math.max(openLength, position + 1);
                image.ensure(element.end());
            }
        }
        initialise(element, cursor, designators);
    }

    /** A union holds one member: initialising another one discards what the previous one wrote. */
    private void activate(Slot union, StructType type, Member member) {
        Member previous = activeMembers.put(new UnionKey(union.bitOffset(), type), member);
        if (previous != null && previous != member) {
            image.clear(union.offset(), union.end());
        }
    }

    private void bracedScalar(Slot slot, ListInit list, Token where) throws CompileException {
        if (list.entries().isEmpty()) {
            image.writeBits(slot.bitOffset(), bits(slot), 0);
            image.mark(slot.offset(), slot.end(), where.position());
            return;
        }
        Entry first = list.entries().get(0);
        if (!first.designators().isEmpty()) {
            throw notAggregate(first.designators().get(0));
        }
        if (list.entries().size() > 1) {
            throw CompileException.at(list.entries().get(1).value().first().position(),
                    "excess elements in scalar initializer" + near(slot));
        }
        if (first.value() instanceof ListInit inner) {
            bracedScalar(slot, inner, where);
        } else {
            storeScalar(slot, ((ExpressionInit) first.value()).expr(), where);
        }
    }

    private void storeScalar(Slot slot, Expr expr, Token where) throws CompileException {
        if (slot.type() instanceof PointerType) {
            throw CompileException.at(expr.first().position(), "pointer members are not supported: configurations"
                    + " hold no addresses" + near(slot));
        }
        IntType target = slot.type().arithmetic();
        IntValue value = evaluator.value(expr);
        if (evaluator.typeOf(expr).arithmetic() == null) {
            throw CompileException.at(expr.first().position(), NOT_AN_INTEGER + near(slot));
        }
        int bits = bits(slot);
        long stored = value.bits();
        if (target == IntType.BOOL) {
            stored = value.isZero() ? 0 : 1;
        } else if (!IntArithmetic.fits(value, bits)) {
            long truncated = target.isSigned() ? stored << (64 - bits) >> (64 - bits)
                    : bits == 64 ? stored : stored & ((1L << bits) - 1);
            String to = target.displayName() + (slot.bitWidth() >= 0 ? ":" + bits : "");
            String converted = target.isSigned() || bits == 64 && truncated < 0 ? Long.toString(truncated)
                    : Long.toUnsignedString(truncated);
            throw CompileException.at(expr.first().position(), (target.isSigned() ? "overflow" : "unsigned")
                    + " conversion from '" + value.type().displayName() + "' to '" + to + "' changes value from '"
                    + value + "' to '" + converted + "'" + near(slot));
        }
        image.writeBits(slot.bitOffset(), bits, stored);
        image.mark(slot.offset(), slot.end(), where.position());
    }

    private void storeString(Slot slot, byte[] string, Token at) throws CompileException {
        ArrayType array = (ArrayType) slot.type();
        long length = array.length();
        if (length < 0) {
            length = string.length + 1L;
            openLength = length;
            image.ensure(slot.offset() + length);
        }
        if (string.length > length) {
            throw CompileException.at(at.position(), "initializer-string for array of '"
                    + array.element().displayName() + "' is too long" + near(slot));
        }
        image.write(slot.offset(), string);
    }

    /** The bytes of a string literal initialising a character array, or null if that is not the case. */
    private static byte[] string(Expr e, CType type) {
        return ConstantEvaluator.unparenthesised(e) instanceof Expr.StringLiteral s && type instanceof ArrayType a
                && a.isCharacterArray() ? s.bytes() : null;
    }

    private static int bits(Slot slot) {
        return slot.bitWidth() >= 0 ? slot.bitWidth() : (int) slot.type().size() * 8;
    }

    private static long first(CType aggregate) {
        return aggregate instanceof StructType s ? next(s, -1) : 0;
    }

    private static long next(CType aggregate, long position) {
        if (!(aggregate instanceof StructType s)) {
            return position + 1;
        }
        if (s.isUnion() && position >= 0) {
            return s.members().size();
        }
        int i = (int) position + 1;
        while (i < s.members().size() && !s.members().get(i).isInitialisable()) {
            i++;
        }
        return i;
    }

    private static boolean isFull(CType aggregate, long position) {
        if (aggregate instanceof StructType s) {
            return position >= s.members().size();
        }
        long length = ((ArrayType) aggregate).length();
        return length >= 0 && position >= length;
    }

    private static String kind(CType aggregate) {
        if (aggregate instanceof StructType s) {
            return s.isUnion() ? "union" : "struct";
        }
        return "array";
    }

    private static CompileException notAggregate(Designator d) {
        return CompileException.at(d.at().position(), d instanceof FieldDesignator
                ? "field name not in record or union initializer" : "array index in non-array initializer");
    }

    private static CompileException tooLarge(Token at, String name) {
        return CompileException.at(at.position(), "'" + name + "' would be larger than " + (MAX_SIZE >> 20)
                + " MiB; jhsim compiles configurations up to that size");
    }

    private static String near(Slot slot) {
        return " (near initialization for '" + slot.path() + "')";
    }
}
