package dev.jhsim.config.c;

/** An array; a negative length means its size is not known (yet). */
record ArrayType(CType element, long length) implements CType {
    @Override
    public long size() {
        return length < 0 ? 0 : length * element.size();
    }

    @Override
    public int alignment() {
        return element.alignment();
    }

    @Override
    public boolean isComplete() {
        return length >= 0;
    }

    @Override
    public String displayName() {
        return element.displayName() + "[" + (length < 0 ? "" : length) + "]";
    }

    boolean isCharacterArray() {
        return element instanceof IntType t && t.isCharacter();
    }
}
