package dev.jhsim.config.c;

/** A pointer: only its size matters, as configuration data holds no addresses. */
record PointerType(CType target) implements CType {
    @Override
    public long size() {
        return 8;
    }

    @Override
    public int alignment() {
        return 8;
    }

    @Override
    public boolean isComplete() {
        return true;
    }

    @Override
    public String displayName() {
        return target.displayName() + " *";
    }
}
