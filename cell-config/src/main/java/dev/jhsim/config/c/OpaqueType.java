package dev.jhsim.config.c;

/** Types that have no size in configuration data. */
enum OpaqueType implements CType {
    VOID("void"),
    FUNCTION("function");

    private final String displayName;

    OpaqueType(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public long size() {
        return 0;
    }

    @Override
    public int alignment() {
        return 1;
    }

    @Override
    public boolean isComplete() {
        return false;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
