package dev.jhsim.config.binary;

/**
 * What the user says about a file's layout. Revision-14 files exist in the
 * upstream and the MinervaSys layout with the same header; {@link #AUTO}
 * picks the one whose declared counts add up to the file's length.
 */
public enum LayoutHint {
    AUTO, UPSTREAM, MINERVASYS;

    /** Parses {@code auto}, {@code upstream} or {@code minervasys}. */
    public static LayoutHint parse(String text) {
        for (LayoutHint h : values()) {
            if (h.name().equalsIgnoreCase(text)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + text + "', expected upstream or minervasys");
    }
}
