package dev.jhsim.config.c;

/** An enumeration; complete once its enumerator list is known, with gcc's choice of underlying type. */
final class EnumType implements CType {
    private final String tag;
    private IntType underlying;

    EnumType(String tag) {
        this.tag = tag;
    }

    /** Picks the underlying type as gcc does: unsigned int if no value is negative, else int, widening as needed. */
    void complete(long min, long max) {
        if (min >= 0) {
            underlying = max <= 0xffffffffL && max >= 0 ? IntType.UNSIGNED_INT : IntType.UNSIGNED_LONG;
        } else {
            underlying = min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE ? IntType.INT : IntType.LONG;
        }
    }

    IntType underlying() {
        return underlying;
    }

    @Override
    public long size() {
        return underlying == null ? 0 : underlying.size();
    }

    @Override
    public int alignment() {
        return underlying == null ? 1 : underlying.alignment();
    }

    @Override
    public boolean isComplete() {
        return underlying != null;
    }

    @Override
    public String displayName() {
        return "enum " + (tag == null ? "<anonymous>" : tag);
    }
}
