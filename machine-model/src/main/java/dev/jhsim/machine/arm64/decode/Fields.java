package dev.jhsim.machine.arm64.decode;

/** The instruction word being decoded, its address, and its fields as the matching pattern names them. */
public final class Fields {
    private final Pattern pattern;
    private final int word;
    private final long pc;

    Fields(Pattern pattern, int word, long pc) {
        this.pattern = pattern;
        this.word = word;
        this.pc = pc;
    }

    /** Field value, unsigned. */
    public int u(char letter) {
        return pattern.field(word, letter);
    }

    /** Field value, sign-extended from its width. */
    public long s(char letter) {
        int w = pattern.width(letter);
        return ((long) u(letter) << (64 - w)) >> (64 - w);
    }

    /** Whether the one-bit field is set. */
    public boolean is(char letter) {
        return u(letter) != 0;
    }

    public int word() {
        return word;
    }

    public long pc() {
        return pc;
    }
}
