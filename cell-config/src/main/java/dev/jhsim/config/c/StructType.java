package dev.jhsim.config.c;

import java.util.ArrayList;
import java.util.List;

/** A struct or union type; complete once its members are laid out. */
final class StructType implements CType {
    private final String tag;
    private final boolean union;
    private List<Member> members;
    private long size;
    private int alignment = 1;

    StructType(String tag, boolean union) {
        this.tag = tag;
        this.union = union;
    }

    void complete(List<Member> laidOut, long byteSize, int byteAlignment) {
        this.members = List.copyOf(laidOut);
        this.size = byteSize;
        this.alignment = byteAlignment;
    }

    boolean isUnion() {
        return union;
    }

    String tag() {
        return tag;
    }

    List<Member> members() {
        return members;
    }

    /**
     * The chain of members that leads to {@code name}, through anonymous
     * members, or an empty list if there is no such member.
     */
    List<Member> find(String name) {
        for (Member m : members) {
            if (name.equals(m.name())) {
                return List.of(m);
            }
            if (m.isAnonymous() && m.type() instanceof StructType inner) {
                List<Member> path = inner.find(name);
                if (!path.isEmpty()) {
                    List<Member> chain = new ArrayList<>();
                    chain.add(m);
                    chain.addAll(path);
                    return chain;
                }
            }
        }
        return List.of();
    }

    /** Every member name reachable directly or through anonymous members, for suggestions. */
    List<String> memberNames() {
        List<String> names = new ArrayList<>();
        for (Member m : members) {
            if (m.name() != null) {
                names.add(m.name());
            } else if (m.isAnonymous() && m.type() instanceof StructType inner) {
                names.addAll(inner.memberNames());
            }
        }
        return names;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int alignment() {
        return alignment;
    }

    @Override
    public boolean isComplete() {
        return members != null;
    }

    @Override
    public String displayName() {
        return (union ? "union " : "struct ") + (tag == null ? "<anonymous>" : tag);
    }
}
