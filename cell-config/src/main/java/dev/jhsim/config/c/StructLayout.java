package dev.jhsim.config.c;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Places struct and union members as gcc does for LP64 targets: each member
 * at its natural alignment unless packed; a bit-field in the next free bits,
 * moved to the next storage unit of its type if it would straddle one; named
 * bit-fields align the struct like their type; size rounded to the alignment.
 */
final class StructLayout {
    private StructLayout() {
    }

    /** A member as declared: a bit width of -1 for ordinary members; {@code aligned} 0 when not given. */
    record Declaration(String name, CType type, int bitWidth, boolean packed, int aligned, Position at) {
        String quotedName() {
            return name == null ? "<anonymous>" : "'" + name + "'";
        }
    }

    static void complete(StructType struct, List<Declaration> declarations, boolean packed, int aligned)
            throws CompileException {
        List<Member> members = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long next = 0;
        long end = 0;
        int alignment = 1;
        for (int i = 0; i < declarations.size(); i++) {
            Declaration d = declarations.get(i);
            checkComplete(struct, d, i == declarations.size() - 1);
            checkUnique(names, d);
            boolean memberPacked = packed || d.packed();
            long start = struct.isUnion() ? 0 : next;
            long stop;
            if (d.bitWidth() >= 0) {
                IntType type = bitFieldType(d);
                int unit = type.bits();
                if (d.bitWidth() == 0) {
                    start = alignUp(start, unit);
                } else if (!memberPacked && start / unit != (start + d.bitWidth() - 1) / unit) {
                    start = alignUp(start, unit);
                }
                if (d.name() != null) {
                    alignment = Math.max(alignment, Math.max(memberPacked ? 1 : type.alignment(), d.aligned()));
                }
                stop = start + d.bitWidth();
            } else {
                int memberAlignment = Math.max(memberPacked ? 1 : d.type().alignment(), d.aligned());
                start = alignUp(alignUp(start, 8), memberAlignment * 8L);
                alignment = Math.max(alignment, memberAlignment);
                stop = start + d.type().size() * 8;
            }
            if (stop < 0 || stop > Long.MAX_VALUE / 2) {
                throw CompileException.at(d.at(), "size of '" + struct.displayName() + "' is too large");
            }
            members.add(new Member(d.name(), d.type(), start, d.bitWidth(), d.at()));
            next = struct.isUnion() ? 0 : stop;
            end = Math.max(end, stop);
        }
        alignment = Math.max(alignment, aligned);
        struct.complete(members, alignUp((end + 7) / 8, alignment), alignment);
    }

    private static void checkComplete(StructType struct, Declaration d, boolean last) throws CompileException {
        if (d.type().isComplete()) {
            return;
        }
        boolean flexibleArray = d.type() instanceof ArrayType a && a.element().isComplete() && d.bitWidth() < 0;
        if (!flexibleArray) {
            throw CompileException.at(d.at(), "field " + d.quotedName() + " has incomplete type");
        }
        if (!last || struct.isUnion()) {
            throw CompileException.at(d.at(), "flexible array member not at end of struct");
        }
    }

    private static void checkUnique(Set<String> names, Declaration d) throws CompileException {
        List<String> declared = new ArrayList<>();
        if (d.name() != null) {
            declared.add(d.name());
        } else if (d.bitWidth() < 0 && d.type() instanceof StructType inner) {
            declared.addAll(inner.memberNames());
        }
        for (String name : declared) {
            if (!names.add(name)) {
                throw CompileException.at(d.at(), "duplicate member '" + name + "'");
            }
        }
    }

    private static IntType bitFieldType(Declaration d) throws CompileException {
        IntType type = d.type().arithmetic();
        if (type == null) {
            throw CompileException.at(d.at(), "bit-field " + d.quotedName() + " has invalid type");
        }
        if (d.bitWidth() > type.bits()) {
            throw CompileException.at(d.at(), "width of " + d.quotedName() + " exceeds its type");
        }
        if (d.bitWidth() == 0 && d.name() != null) {
            throw CompileException.at(d.at(), "zero width for bit-field " + d.quotedName());
        }
        return type;
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
